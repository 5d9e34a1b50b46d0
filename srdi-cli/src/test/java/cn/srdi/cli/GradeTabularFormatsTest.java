package cn.srdi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srdi grade --format csv|xlsx}: one summary row per graded firm. */
class GradeTabularFormatsTest {
    private static final List<String> HEADER = List.of("row", "credit_code", "name", "rule_sets", "sme_class", "eligible_tier",
            "next_tier", "INNOVATIVE_status", "INNOVATIVE_score", "TECH_INNOVATIVE_status", "TECH_INNOVATIVE_score",
            "TECH_INNOVATIVE_route", "SRDI_status", "SRDI_score", "LITTLE_GIANT_status", "CHAMPION_status", "missing_titles",
            "failing_conditions");

    @TempDir
    Path dir;

    @Test
    void csv_has_the_header_and_one_row_per_graded_firm() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01");
        Path out = dir.resolve("grades.csv");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--format", "csv", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).as("nothing on standard output when --output is given").isEmpty();
        assertThat(Csv.header(out)).containsExactlyElementsOf(HEADER);
        List<Map<String, String>> rows = Csv.records(out);
        assertThat(rows).hasSize(500);
        for (Map<String, String> row : rows) {
            assertThat(row.get("credit_code")).hasSize(18);
            assertThat(row.get("INNOVATIVE_status")).isIn("PASS", "FAIL", "REVIEW");
            assertThat(row.get("SRDI_score")).matches("\\d+");
            assertThat(row.get("TECH_INNOVATIVE_status")).as("no TECH_INNOVATIVE under cn-2022").isEmpty();
        }
        assertThat(rows).extracting(m -> Integer.parseInt(m.get("row"))).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void csv_rows_agree_with_the_json_lines_of_the_same_file() {
        Path region = Cli.generate(dir.resolve("region.csv"), 300, 11, "2026-06-01");
        Path csv = dir.resolve("grades.csv");
        assertThat(Cli.run("grade", "--input", region.toString(), "--format", "csv", "--output", csv.toString()).exit()).isZero();
        Cli.Result json = Cli.run("grade", "--input", region.toString());
        List<Map<String, String>> rows = Csv.records(csv);
        List<tools.jackson.databind.JsonNode> grades = json.json();
        assertThat(rows).hasSameSizeAs(grades);
        for (int i = 0; i < rows.size(); i++) {
            var n = grades.get(i);
            Map<String, String> c = rows.get(i);
            assertThat(c.get("row")).isEqualTo(n.get("row").asString());
            assertThat(c.get("eligible_tier")).isEqualTo(n.get("eligible_tier").asString());
            assertThat(c.get("TECH_INNOVATIVE_status")).isEqualTo(n.get("tiers").get("TECH_INNOVATIVE").get("status").asString());
            assertThat(c.get("TECH_INNOVATIVE_score")).isEqualTo(n.get("tiers").get("TECH_INNOVATIVE").get("score").asString());
            assertThat(c.get("SRDI_status")).isEqualTo(n.get("tiers").get("SRDI").get("status").asString());
        }
    }

    @Test
    void csv_on_standard_output_starts_with_the_header() {
        Path in = Csv.write(dir.resolve("x.csv"), Csv.companyX());
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> records = Csv.parse(r.out());
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsExactlyElementsOf(HEADER);
        Map<String, String> x = new java.util.HashMap<>();
        for (int i = 0; i < HEADER.size(); i++) {
            x.put(HEADER.get(i), records.get(1).get(i));
        }
        assertThat(x).containsEntry("row", "2").containsEntry("eligible_tier", "SRDI").containsEntry("INNOVATIVE_score", "90")
                .containsEntry("SRDI_score", "64").containsEntry("SRDI_status", "PASS").containsEntry("LITTLE_GIANT_status", "FAIL")
                .containsEntry("missing_titles", "LITTLE_GIANT:SRDI").containsEntry("next_tier", "LITTLE_GIANT");
        assertThat(x.get("failing_conditions")).contains("LITTLE_GIANT:LG.REVENUE_FLOOR");
    }

    @Test
    void xlsx_without_an_output_file_is_a_usage_error() {
        Path in = Csv.write(dir.resolve("x.csv"), Csv.companyX());
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--format", "xlsx");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--output");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void xlsx_output_opens_and_has_the_header_and_one_row_per_firm() throws IOException {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01");
        Path out = dir.resolve("grades.xlsx");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--format", "xlsx", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.size(out)).isPositive();
        try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(501);
            Row header = rows.get(0);
            for (int i = 0; i < HEADER.size(); i++) {
                assertThat(header.getCellText(i)).isEqualTo(HEADER.get(i));
            }
            long previous = 1;
            for (Row row : rows.subList(1, rows.size())) {
                long n = Long.parseLong(row.getCellText(0).replaceAll("\\.0+$", ""));
                assertThat(n).isGreaterThan(previous);
                previous = n;
                assertThat(row.getCellText(1)).hasSize(18);
            }
        }
    }

    @Test
    void generated_xlsx_input_is_graded_like_the_csv_of_the_same_seed() {
        Path csv = Cli.generate(dir.resolve("region.csv"), 200, 5, "2026-03-01");
        Path xlsx = Cli.generate(dir.resolve("region.xlsx"), 200, 5, "2026-03-01");
        Cli.Result fromCsv = Cli.run("grade", "--input", csv.toString());
        Cli.Result fromXlsx = Cli.run("grade", "--input", xlsx.toString());
        assertThat(fromCsv.exit()).as(fromCsv.err()).isZero();
        assertThat(fromXlsx.exit()).as(fromXlsx.err()).isZero();
        assertThat(fromXlsx.out()).isEqualTo(fromCsv.out());
    }
}
