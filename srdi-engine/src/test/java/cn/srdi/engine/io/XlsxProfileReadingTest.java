package cn.srdi.engine.io;

import static cn.srdi.engine.io.TestFiles.CODE;
import static cn.srdi.engine.io.TestFiles.CODE2;
import static cn.srdi.engine.io.TestFiles.accepted;
import static cn.srdi.engine.io.TestFiles.readAll;
import static cn.srdi.engine.io.TestFiles.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class XlsxProfileReadingTest {
    private static final String[] REQUIRED = {"credit_code", "name", "industry_code", "revenue_y1", "main_revenue_y1",
        "rd_expense_y1", "total_assets_y1", "total_liabilities_y1", "employees_y1"};

    @TempDir
    Path dir;

    /** Writes a workbook whose first sheet gets the given header; the filler writes the data rows. */
    private Path workbook(String name, String[] header, SheetFiller filler) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("data");
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            filler.fill(ws);
            wb.finish();
        }
        return f;
    }

    private interface SheetFiller {
        void fill(Worksheet ws);
    }

    /** Writes the required cells of one row, with typed numeric cells. */
    private static void required(Worksheet ws, int r, String code) {
        ws.value(r, 0, code);
        ws.value(r, 1, "重庆某某科技有限公司");
        ws.value(r, 2, "C3563");
        ws.value(r, 3, 1.0e7);      // written as "1.0E7"
        ws.value(r, 4, 0.1 + 0.2);  // 0.30000000000000004 in binary floating point
        ws.value(r, 5, new BigDecimal("160.5000"));
        ws.value(r, 6, 1000);
        ws.value(r, 7, 520L);
        ws.value(r, 8, 80);
    }

    @Test
    void numeric_cells_come_out_as_plain_decimals_without_float_artefacts() throws IOException {
        Path f = workbook("numbers.xlsx", REQUIRED, ws -> required(ws, 1, CODE));

        Profile p = accepted(readAll(f).get(0)).profile();

        assertThat(p.row()).isEqualTo(2);
        assertThat(p.get(Field.REVENUE_Y1)).isEqualTo(Decimals.of(10_000_000));
        assertThat(p.get(Field.MAIN_REVENUE_Y1)).isEqualTo(3_000L);
        assertThat(p.get(Field.RD_EXPENSE_Y1)).isEqualTo(1_605_000L);
        assertThat(p.get(Field.EMPLOYEES_Y1)).isEqualTo(Decimals.of(80));
        assertThat(p.name()).isEqualTo("重庆某某科技有限公司");
    }

    @Test
    void the_cell_text_conversion_strips_exponents_zeros_and_excel_seventeen_digit_noise() {
        assertThat(XlsxRowSource.plainDecimal(new BigDecimal("1.0E7"))).isEqualTo("10000000");
        assertThat(XlsxRowSource.plainDecimal(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(XlsxRowSource.plainDecimal(new BigDecimal("1234.0999999999999"))).isEqualTo("1234.1");
        assertThat(XlsxRowSource.plainDecimal(new BigDecimal("0.30000000000000004"))).isEqualTo("0.3");
        assertThat(XlsxRowSource.plainDecimal(new BigDecimal("-0.0"))).isEqualTo("0");
        assertThat(XlsxRowSource.plainDecimal(new BigDecimal("9999999999999.9999"))).isEqualTo("9999999999999.9999");
        assertThat(XlsxRowSource.plainDecimal(new BigDecimal("0.12345"))).isEqualTo("0.12345");
    }

    @Test
    void plain_number_texts_take_the_short_path_and_agree_with_the_general_one() {
        for (String raw : new String[] {"0", "-0", "-0.000", "120", "120.5000", "-3.25", "0.0001", "9999999999999.9999",
            "10.10", "1.0E7", "007", "0.30000000000000004", "1234.0999999999999", "1.23456", "-", ".5", "5.", "abc"}) {
            String fast = XlsxRowSource.shortPlain(raw);
            if (fast != null) {
                assertThat(fast).as(raw).isEqualTo(XlsxRowSource.plainDecimal(new BigDecimal(raw)));
            }
        }
        assertThat(XlsxRowSource.shortPlain("120.5000")).isEqualTo("120.5");
        assertThat(XlsxRowSource.shortPlain("-0.000")).isEqualTo("0");
        assertThat(XlsxRowSource.shortPlain("1.0E7")).isNull();
        assertThat(XlsxRowSource.shortPlain("1.23456")).isNull();
    }

    @Test
    void date_boolean_percent_and_numeric_code_cells_are_read_as_typed() throws IOException {
        String[] header = concat(REQUIRED, "assessment_date", "own_brand", "high_tech", "market_share_pct", "region_code");
        Path f = workbook("typed.xlsx", header, ws -> {
            required(ws, 1, CODE);
            ws.value(1, 9, LocalDate.of(2026, 3, 1));
            ws.style(1, 9).format("yyyy-mm-dd").set();
            ws.value(1, 10, Boolean.TRUE);
            ws.value(1, 11, Boolean.FALSE);
            ws.value(1, 12, 0.05);
            ws.style(1, 12).format("0%").set();
            ws.value(1, 13, 500000);
        });

        Profile p = accepted(readAll(f).get(0)).profile();

        assertThat(p.get(Field.ASSESSMENT_DATE)).isEqualTo(LocalDate.of(2026, 3, 1).toEpochDay());
        assertThat(p.isTrue(Field.OWN_BRAND)).isTrue();
        assertThat(p.has(Field.HIGH_TECH)).isTrue();
        assertThat(p.isTrue(Field.HIGH_TECH)).isFalse();
        assertThat(p.get(Field.MARKET_SHARE_PCT)).isEqualTo(Decimals.of(5));
        assertThat(p.text(Field.REGION_CODE)).isEqualTo("500000");
    }

    @Test
    void a_date_in_another_format_is_still_a_date() throws IOException {
        String[] header = concat(REQUIRED, "评价日期");
        Path f = workbook("date2.xlsx", header, ws -> {
            required(ws, 1, CODE);
            ws.value(1, 9, LocalDate.of(2025, 12, 31));
            ws.style(1, 9).format("d/m/yyyy").set();
        });

        assertThat(accepted(readAll(f).get(0)).profile().get(Field.ASSESSMENT_DATE))
                .isEqualTo(LocalDate.of(2025, 12, 31).toEpochDay());
    }

    @Test
    void number_formats_are_classified_as_date_percent_or_plain() {
        assertThat(XlsxRowSource.NumberFormatKind.of(14, null)).isEqualTo(XlsxRowSource.NumberFormatKind.DATE);
        assertThat(XlsxRowSource.NumberFormatKind.of(31, null)).as("zh-CN built-in yyyy年m月d日")
                .isEqualTo(XlsxRowSource.NumberFormatKind.DATE);
        assertThat(XlsxRowSource.NumberFormatKind.of(9, null)).isEqualTo(XlsxRowSource.NumberFormatKind.PERCENT);
        assertThat(XlsxRowSource.NumberFormatKind.of(0, "General")).isEqualTo(XlsxRowSource.NumberFormatKind.PLAIN);
        assertThat(XlsxRowSource.NumberFormatKind.of(164, "yyyy\"年\"m\"月\"d\"日\"")).isEqualTo(XlsxRowSource.NumberFormatKind.DATE);
        assertThat(XlsxRowSource.NumberFormatKind.of(165, "#,##0.00\"万元\"")).isEqualTo(XlsxRowSource.NumberFormatKind.PLAIN);
        assertThat(XlsxRowSource.NumberFormatKind.of(166, "[Red]0.00;[Blue]-0.00")).isEqualTo(XlsxRowSource.NumberFormatKind.PLAIN);
        assertThat(XlsxRowSource.NumberFormatKind.of(167, "0.00E+00")).isEqualTo(XlsxRowSource.NumberFormatKind.PLAIN);
        assertThat(XlsxRowSource.NumberFormatKind.of(168, "0.0%")).isEqualTo(XlsxRowSource.NumberFormatKind.PERCENT);
        assertThat(XlsxRowSource.NumberFormatKind.of(169, "\"%\"0")).isEqualTo(XlsxRowSource.NumberFormatKind.PLAIN);
    }

    @Test
    void rows_keep_their_sheet_numbers_across_empty_rows_and_chinese_headers_work() throws IOException {
        String[] header = {"统一社会信用代码", "企业名称", "行业代码", "营业收入(上年)", "主营业务收入(上年)", "研发费用(上年)",
            "资产总额", "负债总额", "从业人员数"};
        Path f = workbook("rows.xlsx", header, ws -> {
            required(ws, 1, CODE);
            required(ws, 4, CODE2);
        });

        List<ReadResult> rows = readAll(f);

        assertThat(rows).extracting(ReadResult::row).containsExactly(2L, 5L);
    }

    @Test
    void a_duplicate_credit_code_in_a_workbook_is_rejected() throws IOException {
        Path f = workbook("dup.xlsx", REQUIRED, ws -> {
            required(ws, 1, CODE);
            required(ws, 2, CODE);
        });

        assertThat(rejected(readAll(f).get(1)).problems())
                .singleElement().satisfies(p -> assertThat(p.en()).isEqualTo("credit code already appears in row 2"));
    }

    @Test
    void short_rows_are_padded_but_a_value_beyond_the_header_rejects_the_row() throws IOException {
        String[] header = concat(REQUIRED, "net_profit_y1");
        Path f = workbook("wide.xlsx", header, ws -> {
            required(ws, 1, CODE);             // no net profit: missing trailing cell
            required(ws, 2, CODE2);
            ws.value(2, 12, "stray");          // beyond the header
        });

        List<ReadResult> rows = readAll(f);

        assertThat(accepted(rows.get(0)).profile().has(Field.NET_PROFIT_Y1)).isFalse();
        assertThat(rejected(rows.get(1)).problems())
                .singleElement().satisfies(p -> assertThat(p.en()).contains("13 cells").contains("10 columns"));
    }

    @Test
    void a_missing_required_column_in_a_workbook_is_refused() throws IOException {
        Path f = workbook("missing.xlsx", new String[] {"credit_code", "name"}, ws -> { });

        assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("industry_code");
    }

    @Test
    void an_empty_sheet_has_no_header() throws IOException {
        Path f = workbook("empty.xlsx", new String[0], ws -> { });

        assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("header row is missing");
    }

    @Test
    void a_csv_file_named_xlsx_is_refused() throws IOException {
        Path f = TestFiles.write(dir, "fake.xlsx", TestFiles.HEADER + "\n" + TestFiles.line(CODE) + "\n");

        assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("fake.xlsx")
                .hasMessageContaining("不是有效的 XLSX")
                .hasMessageContaining("not a valid XLSX");
    }

    @Test
    void a_zip_that_is_not_a_workbook_is_refused() throws IOException {
        Path f = dir.resolve("other.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("not a valid XLSX");
    }

    @Test
    void a_truncated_workbook_is_refused() throws IOException {
        Path good = workbook("good.xlsx", REQUIRED, ws -> required(ws, 1, CODE));
        byte[] bytes = Files.readAllBytes(good);
        Path f = dir.resolve("truncated.xlsx");
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> readAll(f))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("truncated.xlsx");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
