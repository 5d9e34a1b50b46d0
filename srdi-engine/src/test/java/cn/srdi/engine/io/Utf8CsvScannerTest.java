package cn.srdi.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Utf8CsvScannerTest {

    private static List<List<String>> scan(byte[] bytes, int buffer) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (Utf8CsvScanner s = new Utf8CsvScanner(new ByteArrayInputStream(bytes), buffer)) {
            while (s.advance()) {
                out.add(List.of(s.cells()));
            }
        }
        return out;
    }

    private static List<List<String>> scan(String text) throws IOException {
        return scan(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
    }

    @Test
    void splits_records_on_crlf_lf_and_cr() throws IOException {
        assertThat(scan("a,b\r\nc,d\ne,f\rg,h")).containsExactly(
                List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
    }

    @Test
    void quoted_cells_keep_separators_line_breaks_and_escaped_quotes() throws IOException {
        assertThat(scan("\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"\n\"\",z\n")).containsExactly(
                List.of("a,b", "say \"hi\"", "x\r\ny"), List.of("", "z"));
    }

    @Test
    void empty_cells_and_empty_lines_are_kept_as_empty_strings() throws IOException {
        assertThat(scan("a,,\n\n,\n")).containsExactly(List.of("a", "", ""), List.of(""), List.of("", ""));
    }

    @Test
    void a_last_record_without_line_break_and_a_trailing_separator_are_read() throws IOException {
        assertThat(scan("a,b\nc,")).containsExactly(List.of("a", "b"), List.of("c", ""));
    }

    @Test
    void blank_records_are_recognised_without_decoding_ordinary_cells() throws IOException {
        String text = "\n , \t\n\u3000,\n x\n,\u3000a\n";
        List<Boolean> blank = new ArrayList<>();
        try (Utf8CsvScanner s = new Utf8CsvScanner(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            while (s.advance()) {
                blank.add(s.isBlankRecord());
            }
        }
        assertThat(blank).containsExactly(true, true, true, false, false);
    }

    @Test
    void line_numbers_count_line_breaks_inside_quoted_cells() throws IOException {
        try (Utf8CsvScanner s = new Utf8CsvScanner(new ByteArrayInputStream("a\n\"b\r\nc\nd\"\ne\r\rf".getBytes(StandardCharsets.UTF_8)))) {
            List<Long> lines = new ArrayList<>();
            lines.add(s.line());
            while (s.advance()) {
                lines.add(s.line());
            }
            assertThat(lines).containsExactly(1L, 2L, 5L, 6L, 7L, 7L);
        }
    }

    @Test
    void a_leading_byte_order_mark_is_skipped_but_not_one_inside_a_cell() throws IOException {
        assertThat(scan("\uFEFFa,\uFEFFb\n")).containsExactly(List.of("a", "\uFEFFb"));
    }

    @Test
    void lenient_quotes_are_kept_literally() throws IOException {
        assertThat(scan("ab\"c,\"q\"tail,d\n")).containsExactly(List.of("ab\"c", "qtail", "d"));
    }

    @Test
    void chinese_and_supplementary_characters_are_decoded() throws IOException {
        assertThat(scan("重庆,😀,\"两江,新区\"\n")).containsExactly(List.of("重庆", "😀", "两江,新区"));
    }

    @Test
    void an_unterminated_quoted_cell_is_a_syntax_failure_naming_its_line() {
        assertThatThrownBy(() -> scan("a\nb\n\"open,c\nd\n"))
                .isInstanceOfSatisfying(Utf8CsvScanner.SyntaxFailure.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void malformed_utf8_is_reported_at_the_exact_byte() {
        assertDecodingFailureAt(new byte[] {'a', ',', (byte) 0xC0, (byte) 0x80, '\n'}, 2);            // overlong
        assertDecodingFailureAt(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, 1);          // surrogate
        assertDecodingFailureAt(new byte[] {'a', 'b', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, 2); // > U+10FFFF
        assertDecodingFailureAt(new byte[] {'a', (byte) 0xE4, (byte) 0xB8}, 1);                       // cut by the end
        assertDecodingFailureAt(new byte[] {'a', (byte) 0xE4, ',', 'b'}, 1);                           // cut by a comma
        assertDecodingFailureAt(new byte[] {'"', (byte) 0x80, '"'}, 1);                                // stray continuation
        assertDecodingFailureAt(new byte[] {'"', (byte) 0xE4, '"', (byte) 0xB8, (byte) 0xAD}, 1);      // split by a closing quote
    }

    private static void assertDecodingFailureAt(byte[] bytes, long offset) {
        for (int buffer : new int[] {4, 5, 1 << 20}) {
            assertThatThrownBy(() -> scan(bytes, buffer))
                    .isInstanceOfSatisfying(Utf8CsvScanner.DecodingFailure.class,
                            e -> assertThat(e.byteOffset()).isEqualTo(offset));
        }
    }

    @Test
    void a_record_larger_than_the_buffer_grows_it() throws IOException {
        String big = "x".repeat(10_000) + "重".repeat(5_000);
        assertThat(scan(("a," + big + "\nb\n").getBytes(StandardCharsets.UTF_8), 16))
                .containsExactly(List.of("a", big), List.of("b"));
    }

    @Property(tries = 300)
    @Label("cells written by FastCSV read back the same at any buffer size")
    void cells_written_by_fastcsv_read_back_the_same(@ForAll long seed, @ForAll @IntRange(min = 4, max = 64) int buffer)
            throws IOException {
        Random r = new Random(seed);
        String alphabet = "ab ,\"\r\n重庆😀\t";
        List<List<String>> rows = new ArrayList<>();
        int n = 1 + r.nextInt(8);
        int width = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                StringBuilder sb = new StringBuilder();
                int len = r.nextInt(6);
                for (int k = 0; k < len; k++) {
                    int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length()))));
                    sb.appendCodePoint(cp);
                }
                row.add(sb.toString());
            }
            if (width == 1 && row.get(0).isEmpty()) {
                row.set(0, "x"); // a lone empty cell is an empty line, which writers cannot tell apart
            }
            rows.add(row);
        }
        StringWriter text = new StringWriter();
        try (CsvWriter w = CsvWriter.builder().build(text)) {
            for (List<String> row : rows) {
                w.writeRecord(row);
            }
        }

        assertThat(scan(text.toString().getBytes(StandardCharsets.UTF_8), buffer)).isEqualTo(rows);
    }
}
