package cn.srdi.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The converter reads CSV rows from their UTF-8 bytes; rows built from strings (XLSX) take the
 * string path. Both must give the same profiles and the same problems, to the character.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ByteConversionTest {
    private static final String[] TRICKY = {
        "", " ", "\t", "\u0001", " \u0001 ", "\u3000", " 1 ", "0", "1", "-1", "+1", "-", "+", ".", "1.", ".5", "-.5",
        "1.23456", "1.23450000", "0001", "1,234", "1e3", "１２", "99999999999999", "999999999999999",
        "00000000000000000001", "10000000000000", "10000000000001", "12.5", "100", "100.0001", "101", "4", "5", "15", "16",
        "true", "TRUE", "True", "false", "FALSE", "yes", "Yes", "no", "y", "N", "t", "F", "是", "否", " 是 ", "x", "tru",
        "NEW", "new", "New", "REVIEW", "review", "新申报", "复核", "NEWS",
        "CHAIN_KEY", "chain_key", "SIX_BASICS", "OTHER", "other ", "NONE", "national", "MUNICIPAL", "BELOW_MUNICIPAL",
        "2026-03-01", "2024-02-29", "2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-1", "0000-01-01",
        "1970-01-01", "9999-12-31", "2026/03/01", "２０２６-03-01", " 2026-03-01 ",
        "C3563", "3563", "c3563", "X3563", "C9999", "35", "C", "500109", "50010", "5001099", "50010a",
        "91350100M000100Y43", "91350100m000100y43", "91350100M000100Y44", "重庆某某科技有限公司",
        "CHAMPION", "SRDI;LITTLE_GIANT", "innovative；srdi", "bogus",
        // the converter's one-pass number and boolean readers: at and around what they accept
        "12345678901234", "12345678901234.5678", "123456789012345", "99999999999999.9999", "0.0001", "0.00001",
        "1.0000", "1.00000", "7.25", "7.2500", "3.14159", "1.2.3", "1..2", "1.-2", "1.a", "12a", "1 ", "1.5 ", "0.", "00.50",
        "100.00", "4.0001", "15.0000", "10000000", "10000000.0001", "10000001", "0.9999", "1.0",
        "true ", "truex", "falsey", "tru e", "fals", "true\t", "TRUE", "False",
    };

    private static ReadResult viaBytes(String line, RowConverter conv) throws IOException {
        try (Utf8CsvScanner s = new Utf8CsvScanner(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), 64)) {
            assertThat(s.advance()).isTrue();
            return conv.convert(s.toRawRow(2));
        }
    }

    @Property(tries = 400)
    @Label("a CSV row converts from bytes exactly as from its cell strings")
    void bytes_and_strings_give_the_same_result(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        String[] header = new String[Field.ALL.length];
        for (int i = 0; i < header.length; i++) {
            header[i] = Field.ALL[i].id();
        }
        RowConverter conv = new RowConverter(ColumnMapping.of(Path.of("t.csv"), header, 1, ReadOptions.DEFAULT));
        String[] cells = new String[header.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = r.nextInt(4) == 0 ? "" : TRICKY[r.nextInt(TRICKY.length)];
        }
        if (r.nextBoolean()) {
            cells[0] = TestFiles.CODE;
            cells[1] = "名称";
            cells[2] = "C3563";
        }
        String line = String.join(",", cells);
        ReadResult fromStrings = conv.convert(new RawRow(2, cells.clone()));
        if (!line.contains("1,234")) { // a plain record: the cells split on the commas
            assertThat(viaBytes(line, conv)).isEqualTo(fromStrings);
        }
        ReadResult quoted = viaBytes("\"" + String.join("\",\"", cells) + "\"", conv);
        assertThat(quoted).isEqualTo(fromStrings);
    }

    @Test
    void every_tricky_value_of_every_column_converts_the_same() throws IOException {
        String[] header = new String[Field.ALL.length];
        for (int i = 0; i < header.length; i++) {
            header[i] = Field.ALL[i].id();
        }
        RowConverter conv = new RowConverter(ColumnMapping.of(Path.of("t.csv"), header, 1, ReadOptions.DEFAULT));
        for (String v : TRICKY) {
            String[] cells = new String[header.length];
            java.util.Arrays.fill(cells, v);
            ReadResult fromStrings = conv.convert(new RawRow(2, cells.clone()));
            if (!v.contains(",")) {
                assertThat(viaBytes(String.join(",", cells), conv)).as(v).isEqualTo(fromStrings);
            }
            assertThat(viaBytes("\"" + String.join("\",\"", cells) + "\"", conv)).as(v).isEqualTo(fromStrings);
        }
    }

    @Test
    void numbers_at_the_range_limits_are_kept_or_refused_as_documented() throws IOException {
        String[] header = new String[Field.ALL.length];
        for (int i = 0; i < header.length; i++) {
            header[i] = Field.ALL[i].id();
        }
        RowConverter conv = new RowConverter(ColumnMapping.of(Path.of("t.csv"), header, 1, ReadOptions.DEFAULT));
        Object[][] cases = {
            {Field.TOTAL_ASSETS_Y1, "0", false}, {Field.TOTAL_ASSETS_Y1, "0.0001", true},
            {Field.MARKET_SHARE_PCT, "100", true}, {Field.MARKET_SHARE_PCT, "100.0001", false},
            {Field.PLATFORM_SCORE, "100.0000", true}, {Field.PLATFORM_SCORE_PREV, "101", false},
            {Field.MARKET_RANK_DOMESTIC, "0.9999", false}, {Field.MARKET_RANK_DOMESTIC, "1", true},
            {Field.MAKER_CHINA_RANK, "0", false}, {Field.DIGITAL_LEVEL, "4", true}, {Field.DIGITAL_LEVEL, "4.0001", false},
            {Field.LOCAL_POINTS, "15", true}, {Field.LOCAL_POINTS, "15.0001", false},
            {Field.EMPLOYEES_Y1, "10000000", true}, {Field.EMPLOYEES_Y1, "10000001", false},
            {Field.EMPLOYEES_Y1, "1.5", false}, {Field.RD_STAFF_Y1, "2.0", true}, {Field.REVENUE_Y1, "-1", false},
            {Field.NET_PROFIT_Y1, "-1", true}, {Field.REVENUE_Y1, "9999999999999.9999", true},
            {Field.REVENUE_Y1, "10000000000000", true}, {Field.REVENUE_Y1, "10000000000000.0001", false},
        };
        for (Object[] c : cases) {
            Field f = (Field) c[0];
            String[] cells = new String[header.length];
            java.util.Arrays.fill(cells, "");
            cells[f.ordinal()] = (String) c[1];
            ReadResult viaBytes = viaBytes(String.join(",", cells), conv);
            assertThat(viaBytes).isEqualTo(conv.convert(new RawRow(2, cells.clone())));
            boolean kept = viaBytes instanceof ReadResult.Accepted a ? a.profile().has(f)
                    : ((ReadResult.Rejected) viaBytes).problems().stream().noneMatch(pr -> f.id().equals(pr.column()));
            assertThat(kept).as(f + " = " + c[1]).isEqualTo(c[2]);
        }
    }

    @Test
    void byte_decimals_parse_as_strings_do() {
        List<String> values = new ArrayList<>(List.of(TRICKY));
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(18);
            for (int k = 0; k < n; k++) {
                sb.append("0123456789.-+".charAt(r.nextInt(r.nextInt(10) == 0 ? 13 : 11)));
            }
            values.add(sb.toString());
        }
        for (String v : values) {
            byte[] b = ("xx" + v + "yy").getBytes(StandardCharsets.ISO_8859_1);
            String expected;
            try {
                expected = Long.toString(Decimals.parse(v));
            } catch (NumberFormatException e) {
                expected = "NFE " + e.getMessage();
            }
            String actual;
            try {
                actual = Long.toString(Decimals.parse(b, 2, b.length - 2));
            } catch (NumberFormatException e) {
                actual = "NFE " + e.getMessage();
            }
            assertThat(actual).as(v).isEqualTo(expected);
            assertThat(Decimals.tryParse(b, 2, b.length - 2) == Decimals.INVALID).as(v).isEqualTo(expected.startsWith("NFE"));
        }
    }

    @Test
    void dates_read_from_bytes_have_the_right_epoch_day() throws IOException {
        RowConverter conv = new RowConverter(ColumnMapping.of(Path.of("t.csv"),
                TestFiles.HEADER.concat(",assessment_date").split(","), 1, ReadOptions.DEFAULT));
        for (LocalDate d = LocalDate.of(1899, 12, 25); d.isBefore(LocalDate.of(2101, 1, 5)); d = d.plusDays(1)) {
            ReadResult res = viaBytes(TestFiles.line(TestFiles.CODE) + "," + d, conv);
            assertThat(((ReadResult.Accepted) res).profile().get(Field.ASSESSMENT_DATE)).isEqualTo(d.toEpochDay());
        }
        for (String d : new String[] {"0000-01-01", "0004-02-29", "0100-03-01", "0400-02-29", "9999-12-31"}) {
            ReadResult res = viaBytes(TestFiles.line(TestFiles.CODE) + "," + d, conv);
            assertThat(((ReadResult.Accepted) res).profile().get(Field.ASSESSMENT_DATE))
                    .isEqualTo(LocalDate.parse(d).toEpochDay());
        }
    }

    @Test
    void input_bytes_count_the_record_and_its_line_break() throws IOException {
        byte[] text = "a,b\r\n\"c\",重\nlast".getBytes(StandardCharsets.UTF_8);
        List<Integer> sizes = new ArrayList<>();
        try (Utf8CsvScanner s = new Utf8CsvScanner(new ByteArrayInputStream(text), 4)) {
            while (s.advance()) {
                sizes.add(s.toRawRow(1).inputBytes());
            }
        }
        assertThat(sizes).containsExactly(5, 8, 4);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(text.length);
    }

    @Test
    void rows_keep_their_bytes_when_the_scanner_reads_on() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(i).append(",重庆").append(i).append(",x\n");
        }
        List<RawRow> rows = new ArrayList<>();
        try (Utf8CsvScanner s = new Utf8CsvScanner(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), 32)) {
            while (s.advance()) {
                rows.add(s.toRawRow(rows.size()));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).cells()).containsExactly(Integer.toString(i), "重庆" + i, "x");
        }
    }
}
