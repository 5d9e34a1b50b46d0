package cn.srdi.engine.io;

import static cn.srdi.engine.io.TestFiles.CODE;
import static cn.srdi.engine.io.TestFiles.CODE2;
import static cn.srdi.engine.io.TestFiles.HEADER;
import static cn.srdi.engine.io.TestFiles.accepted;
import static cn.srdi.engine.io.TestFiles.line;
import static cn.srdi.engine.io.TestFiles.readAll;
import static cn.srdi.engine.io.TestFiles.rejected;
import static cn.srdi.engine.io.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CsvProfileReadingTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    @Test
    void a_valid_file_gives_accepted_profiles_numbered_as_a_spreadsheet_shows_them() throws IOException {
        Path f = write(dir, "ok.csv", HEADER + "\n" + line(CODE) + "\n" + line(CODE2) + "\n");

        List<ReadResult> rows = readAll(f);

        assertThat(rows).hasSize(2);
        Profile p = accepted(rows.get(0)).profile();
        assertThat(p.row()).isEqualTo(2);
        assertThat(rows.get(1).row()).isEqualTo(3);
        assertThat(p.creditCode()).isEqualTo(CODE);
        assertThat(p.name()).isEqualTo("重庆某某科技有限公司");
        assertThat(p.text(Field.INDUSTRY_CODE)).isEqualTo("C3563");
        assertThat(p.get(Field.REVENUE_Y1)).isEqualTo(Decimals.of(3200));
        assertThat(p.get(Field.EMPLOYEES_Y1)).isEqualTo(Decimals.of(80));
        assertThat(p.has(Field.REVENUE_Y2)).isFalse();
        assertThat(accepted(rows.get(0)).warnings()).isEmpty();
    }

    @Test
    void a_byte_order_mark_is_skipped() throws IOException {
        byte[] body = (HEADER + "\r\n" + line(CODE) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path f = dir.resolve("bom.csv");
        Files.write(f, withBom);

        List<ReadResult> rows = readAll(f);

        assertThat(rows).hasSize(1);
        assertThat(accepted(rows.get(0)).profile().creditCode()).isEqualTo(CODE);
    }

    @Test
    void chinese_labels_name_the_columns_in_any_order_and_with_full_width_parentheses() throws IOException {
        String header = "企业名称,统一社会信用代码,行业代码,营业收入（上年）,主营业务收入(上年),研发费用(上年),资产总额,负债总额,从业人员数,净利润";
        Path f = write(dir, "zh.csv", header + "\n示例企业," + CODE + ",3563,3200,2900,160,1000,520,80,-12.5\n");

        Profile p = accepted(readAll(f).get(0)).profile();

        assertThat(p.name()).isEqualTo("示例企业");
        assertThat(p.creditCode()).isEqualTo(CODE);
        assertThat(p.text(Field.INDUSTRY_CODE)).isEqualTo("C3563");
        assertThat(p.get(Field.REVENUE_Y1)).isEqualTo(Decimals.of(3200));
        assertThat(p.get(Field.NET_PROFIT_Y1)).isEqualTo(-125_000L);
    }

    @Test
    void quoted_cells_keep_commas_quotes_and_line_breaks_and_the_next_row_keeps_its_spreadsheet_number()
            throws IOException {
        String name = "重庆\"两江\",智能\r\n制造有限公司";
        String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
        Path f = write(dir, "quotes.csv", HEADER + "\n"
                + CODE + "," + quoted + ",C3563,3200,2900,160,1000,520,80\n"
                + line(CODE2) + "\n");

        List<ReadResult> rows = readAll(f);

        assertThat(accepted(rows.get(0)).profile().name()).isEqualTo(name);
        assertThat(rows.get(1).row()).isEqualTo(3);
    }

    @Test
    void blank_lines_are_skipped_but_still_counted_as_rows() throws IOException {
        Path f = write(dir, "blank.csv", "\n" + HEADER + "\n\n" + line(CODE) + "\n   \n,,,,,,,,\n" + line(CODE2) + "\n\n");

        List<ReadResult> rows = readAll(f);

        assertThat(rows).extracting(ReadResult::row).containsExactly(4L, 7L);
        assertThat(rows).allMatch(r -> r instanceof ReadResult.Accepted);
    }

    @Test
    void blank_and_whitespace_cells_mean_not_provided() throws IOException {
        Path f = write(dir, "ws.csv", HEADER + ",revenue_y2,own_brand\n" + line(CODE) + ",  , \t\n");

        Profile p = accepted(readAll(f).get(0)).profile();

        assertThat(p.has(Field.REVENUE_Y2)).isFalse();
        assertThat(p.has(Field.OWN_BRAND)).isFalse();
    }

    @Nested
    class Whole_file_errors {

        @Test
        void a_gbk_file_is_refused_naming_the_file_the_line_and_the_byte_offset() throws IOException {
            String content = HEADER + "\n" + line(CODE) + "\n";
            Path f = write(dir, "gbk.csv", content, GBK);
            long offset = (HEADER + "\n" + CODE + ",").getBytes(StandardCharsets.US_ASCII).length;

            assertThatThrownBy(() -> readAll(f))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("gbk.csv")
                    .hasMessageContaining("UTF-8")
                    .hasMessageContaining("第2行")
                    .hasMessageContaining("line 2")
                    .hasMessageContaining("byte offset " + offset)
                    .hasMessageContaining("GBK");
        }

        @Test
        void a_gbk_header_is_refused_when_opening() throws IOException {
            Path f = write(dir, "gbk-header.csv", "统一社会信用代码,企业名称\n", GBK);

            // 统一 in GBK is CD B3 D2 BB: two well-formed UTF-8 pairs by chance; 社 (C9 E7) is not
            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("第1行")
                    .hasMessageContaining("byte offset 4, 0xC9 0xE7");
        }

        @Test
        void bad_bytes_far_down_the_file_are_reported_on_the_right_line_after_the_good_rows() throws IOException {
            StringBuilder sb = new StringBuilder(HEADER).append('\n');
            int good = 3000; // well over one 64 KiB decoding block
            for (int i = 0; i < good; i++) {
                sb.append(RandomProfiles.creditCode(new java.util.Random(i))).append(",重庆某某科技有限公司,C3563,3200,2900,160,1000,520,80\n");
            }
            byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("91350100M000100Y43," + "坏的名字" + ",C3563,3200,2900,160,1000,520,80\n").getBytes(GBK);
            Path f = dir.resolve("late.csv");
            Files.write(f, concat(head, tail));

            int[] seen = {0};
            assertThatThrownBy(() -> {
                try (ProfileReader r = ProfileReader.open(f, ReadOptions.DEFAULT)) {
                    while (r.next() != null) {
                        seen[0]++;
                    }
                }
            }).isInstanceOf(InputFileException.class)
                    .hasMessageContaining("line " + (good + 2))
                    .hasMessageContaining("byte offset " + (head.length + 19));
            assertThat(seen[0]).as("every row before the bad bytes is delivered").isEqualTo(good);
        }

        @Test
        void an_empty_file_has_no_header() throws IOException {
            Path f = write(dir, "empty.csv", "");

            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("empty.csv")
                    .hasMessageContaining("缺少表头")
                    .hasMessageContaining("header row is missing");
        }

        @Test
        void a_file_of_blank_lines_has_no_header() throws IOException {
            Path f = write(dir, "blank.csv", "\n\r\n  \n");

            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("header row is missing");
        }

        @Test
        void a_file_without_header_reports_its_first_row_as_unknown_columns() throws IOException {
            Path f = write(dir, "noheader.csv", line(CODE) + "\n" + line(CODE2) + "\n");

            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("未知列")
                    .hasMessageContaining("unknown column")
                    .hasMessageContaining(CODE);
        }

        @Test
        void a_missing_required_column_is_named() throws IOException {
            Path f = write(dir, "missing.csv", "credit_code,name,industry_code,revenue_y1,main_revenue_y1,"
                    + "total_liabilities_y1,employees_y1\n");

            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("缺少必填列")
                    .hasMessageContaining("研发费用(上年)(rd_expense_y1)")
                    .hasMessageContaining("lacks required column(s): rd_expense_y1, total_assets_y1");
        }

        @Test
        void an_unknown_column_is_named() throws IOException {
            Path f = write(dir, "unknown.csv", HEADER + ",备注\n" + line(CODE) + ",hello\n");

            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("备注")
                    .hasMessageContaining("--ignore-unknown");
        }

        @Test
        void an_unknown_column_is_skipped_when_asked() throws IOException {
            Path f = write(dir, "unknown.csv", "备注," + HEADER + "\nhello," + line(CODE) + "\n");

            List<ReadResult> rows = readAll(f, new ReadOptions(true));

            assertThat(accepted(rows.get(0)).profile().creditCode()).isEqualTo(CODE);
        }

        @Test
        void a_column_named_twice_is_refused_even_in_two_languages() throws IOException {
            Path f = write(dir, "dup.csv", HEADER + ",营业收入(上年)\n");

            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("duplicate column")
                    .hasMessageContaining("revenue_y1");
        }

        @Test
        void a_trailing_separator_in_the_header_is_harmless() throws IOException {
            Path f = write(dir, "trailing.csv", HEADER + ",,\n" + line(CODE) + ",,\n" + line(CODE2) + "\n"
                    + line("91440300708461136T") + ",\n");

            List<ReadResult> rows = readAll(f);

            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).isInstanceOf(ReadResult.Accepted.class);
            assertThat(rows.get(1)).as("rows may leave out the cells of trailing blank header columns")
                    .isInstanceOf(ReadResult.Accepted.class);
            assertThat(rejected(rows.get(2)).problems()).singleElement()
                    .satisfies(p -> assertThat(p.en()).contains("10 cells").contains("11 columns"));
        }

        @Test
        void an_excel_workbook_named_csv_is_refused() throws IOException {
            Path f = dir.resolve("book.csv");
            Files.write(f, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});

            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining(".xlsx");
        }

        @Test
        void a_missing_file_is_refused() {
            Path f = dir.resolve("nope.csv");

            assertThatThrownBy(() -> ProfileReader.open(f, ReadOptions.DEFAULT))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("文件不存在")
                    .hasMessageContaining("nope.csv");
        }
    }

    @Nested
    class Rows {

        @Test
        void a_header_only_file_has_no_rows() throws IOException {
            Path f = write(dir, "header.csv", HEADER + "\n");

            assertThat(readAll(f)).isEmpty();
        }

        @Test
        void a_wrong_check_character_rejects_the_row_but_not_the_file() throws IOException {
            String bad = CODE.substring(0, 17) + "X";
            Path f = write(dir, "check.csv", HEADER + "\n" + line(bad) + "\n" + line(CODE2) + "\n");

            List<ReadResult> rows = readAll(f);

            ReadResult.Rejected r = rejected(rows.get(0));
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.row()).isEqualTo(2);
                assertThat(p.column()).isEqualTo("credit_code");
                assertThat(p.value()).isEqualTo(bad);
                assertThat(p.zh()).contains("校验码");
                assertThat(p.en()).contains("check character");
                assertThat(p.warning()).isFalse();
            });
            assertThat(rows.get(1)).isInstanceOf(ReadResult.Accepted.class);
        }

        @Test
        void a_credit_code_of_the_wrong_length_is_rejected() throws IOException {
            Path f = write(dir, "len.csv", HEADER + "\n" + line(CODE.substring(0, 17)) + "\n");

            assertThat(rejected(readAll(f).get(0)).problems())
                    .singleElement().satisfies(p -> assertThat(p.en()).contains("18 characters"));
        }

        @Test
        void a_lowercase_credit_code_is_accepted_in_upper_case() throws IOException {
            String lower = "91350100m000100y43";
            Path f = write(dir, "lower.csv", HEADER + "\n" + line(lower) + "\n");

            assertThat(accepted(readAll(f).get(0)).profile().creditCode()).isEqualTo(CODE);
        }

        @Test
        void a_huge_number_is_rejected_as_too_large() throws IOException {
            Path f = write(dir, "huge.csv", HEADER + "\n"
                    + CODE + ",企业,C3563,99999999999999999999,2900,160,1000,520,80\n");

            assertThat(rejected(readAll(f).get(0)).problems()).anySatisfy(p -> {
                assertThat(p.column()).isEqualTo("revenue_y1");
                assertThat(p.zh()).isEqualTo("数值过大");
            });
        }

        @Test
        void more_than_four_decimals_are_rejected() throws IOException {
            Path f = write(dir, "dec.csv", HEADER + "\n" + CODE + ",企业,C3563,3200.12345,2900,160,1000,520,80\n");

            assertThat(rejected(readAll(f).get(0)).problems())
                    .singleElement().satisfies(p -> {
                        assertThat(p.zh()).isEqualTo("小数位数超过4位");
                        assertThat(p.value()).isEqualTo("3200.12345");
                    });
        }

        @Test
        void a_row_with_too_few_cells_is_rejected_naming_both_counts() throws IOException {
            Path f = write(dir, "short.csv", HEADER + "\n" + CODE + ",企业,C3563\n" + line(CODE2) + "\n");

            List<ReadResult> rows = readAll(f);

            assertThat(rejected(rows.get(0)).problems()).singleElement().satisfies(p -> {
                assertThat(p.zh()).contains("3 个单元格").contains("9 列");
                assertThat(p.en()).contains("3 cells").contains("9 columns");
            });
            assertThat(rows.get(1)).isInstanceOf(ReadResult.Accepted.class);
        }

        @Test
        void a_row_with_too_many_cells_is_rejected() throws IOException {
            Path f = write(dir, "long.csv", HEADER + "\n" + line(CODE) + ",extra\n");

            assertThat(rejected(readAll(f).get(0)).problems())
                    .singleElement().satisfies(p -> assertThat(p.en()).contains("10 cells"));
        }

        @Test
        void a_credit_code_seen_earlier_rejects_the_later_row_naming_the_first_row() throws IOException {
            Path f = write(dir, "dup.csv", HEADER + "\n" + line(CODE) + "\n" + line(CODE2) + "\n"
                    + line(CODE.toLowerCase()) + "\n");

            List<ReadResult> rows = readAll(f);

            assertThat(rows.get(0)).isInstanceOf(ReadResult.Accepted.class);
            assertThat(rows.get(1)).isInstanceOf(ReadResult.Accepted.class);
            assertThat(rejected(rows.get(2)).problems()).singleElement().satisfies(p -> {
                assertThat(p.row()).isEqualTo(4);
                assertThat(p.column()).isEqualTo("credit_code");
                assertThat(p.zh()).isEqualTo("统一社会信用代码与第2行重复");
                assertThat(p.en()).isEqualTo("credit code already appears in row 2");
            });
        }

        @Test
        void a_blank_required_value_is_rejected() throws IOException {
            Path f = write(dir, "req.csv", HEADER + "\n" + CODE + ",企业,C3563,3200,2900, ,1000,520,80\n");

            assertThat(rejected(readAll(f).get(0)).problems()).singleElement().satisfies(p -> {
                assertThat(p.column()).isEqualTo("rd_expense_y1");
                assertThat(p.zh()).contains("必填").contains("研发费用(上年)");
                assertThat(p.en()).contains("required").contains("rd_expense_y1");
            });
        }

        @Test
        void main_revenue_above_revenue_is_rejected_in_both_languages() throws IOException {
            Path f = write(dir, "main.csv", HEADER + "\n" + CODE + ",企业,C3563,3200,3300,160,1000,520,80\n");

            assertThat(rejected(readAll(f).get(0)).problems()).singleElement().satisfies(p -> {
                assertThat(p.column()).isEqualTo("main_revenue_y1");
                assertThat(p.value()).isEqualTo("3300");
                assertThat(p.zh()).isEqualTo("主营业务收入(上年)不能大于营业收入(上年)");
                assertThat(p.en()).isEqualTo("main_revenue_y1 must not exceed revenue_y1");
            });
        }

        @Test
        void main_revenue_equal_to_revenue_is_fine() throws IOException {
            Path f = write(dir, "eq.csv", HEADER + ",revenue_y2,main_revenue_y2\n"
                    + CODE + ",企业,C3563,3200,3200,160,1000,520,80,10,10\n");

            assertThat(readAll(f).get(0)).isInstanceOf(ReadResult.Accepted.class);
        }

        @Test
        void every_problem_of_a_row_is_listed_together() throws IOException {
            String header = HEADER + ",revenue_y2,main_revenue_y2,rd_staff_y1,tech_staff_y1,ip1_high_value,"
                    + "equity_financing_2y,equity_financing_3y,own_brand";
            Path f = write(dir, "many.csv", header + "\n"
                    + CODE + ",企业,C3563,abc,2900,160,1000,520,80,10,11,81,80,2,5,4,maybe\n");

            List<Problem> problems = rejected(readAll(f).get(0)).problems();

            assertThat(problems).extracting(Problem::column).containsExactly(
                    "revenue_y1", "own_brand", "main_revenue_y2", "rd_staff_y1", "equity_financing_2y", "ip1_high_value");
            assertThat(problems).allMatch(p -> p.row() == 2 && !p.warning());
            assertThat(problems.get(0).zh()).isEqualTo("不是有效的数字");
            assertThat(problems.get(5).zh()).isEqualTo("Ⅰ类知识产权(高价值)不能大于Ⅰ类知识产权(未填写, 按0计)");
            assertThat(problems.get(5).en()).isEqualTo("ip1_high_value must not exceed ip1 (blank, counted as 0)");
        }

        @Test
        void ip1_subsets_may_equal_ip1() throws IOException {
            Path f = write(dir, "ip.csv", HEADER + ",ip1,ip1_self_developed,ip1_own_top3\n" + line(CODE) + ",3,3,0\n");

            assertThat(readAll(f).get(0)).isInstanceOf(ReadResult.Accepted.class);
        }

        @Test
        void a_subset_of_ip1_above_ip1_is_rejected() throws IOException {
            Path f = write(dir, "ip.csv", HEADER + ",ip1,ip1_applied\n" + line(CODE) + ",3,4\n");

            assertThat(rejected(readAll(f).get(0)).problems()).singleElement().satisfies(p -> {
                assertThat(p.zh()).isEqualTo("Ⅰ类知识产权(已实施并产生效益)不能大于Ⅰ类知识产权");
                assertThat(p.en()).isEqualTo("ip1_applied must not exceed ip1");
            });
        }

        @Test
        void an_industry_code_missing_from_the_table_under_a_known_division_is_a_warning() throws IOException {
            Path f = write(dir, "warn.csv", HEADER + "\n" + CODE + ",企业,3509,3200,2900,160,1000,520,80\n");

            ReadResult.Accepted a = accepted(readAll(f).get(0));

            assertThat(a.profile().text(Field.INDUSTRY_CODE)).isEqualTo("C3509");
            assertThat(a.warnings()).singleElement().satisfies(p -> {
                assertThat(p.warning()).isTrue();
                assertThat(p.column()).isEqualTo("industry_code");
                assertThat(p.value()).isEqualTo("3509");
            });
        }

        @Test
        void a_rejected_row_also_lists_its_warnings() throws IOException {
            Path f = write(dir, "warn.csv", HEADER + "\n" + CODE + ",企业,3509,3200,2900,160,0,520,80\n");

            List<Problem> problems = rejected(readAll(f).get(0)).problems();

            assertThat(problems).extracting(Problem::warning).containsExactly(true, false);
            assertThat(problems.get(1).column()).isEqualTo("total_assets_y1");
        }

        @Test
        void an_industry_code_of_a_missing_division_is_an_error() throws IOException {
            Path f = write(dir, "bad.csv", HEADER + "\n" + CODE + ",企业,9999,3200,2900,160,1000,520,80\n");

            assertThat(rejected(readAll(f).get(0)).problems())
                    .singleElement().satisfies(p -> assertThat(p.zh()).contains("大类 99 不存在"));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
