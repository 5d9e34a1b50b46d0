package cn.srdi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code srdi grade --format jsonl}: the contract of GRADING.md section 9. */
class GradeJsonLinesTest {
    @TempDir
    Path dir;

    @Test
    void every_line_of_a_cn_2022_region_is_json_with_the_required_fields() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--format", "jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.json();
        assertThat(lines).hasSize(500);
        for (JsonNode n : lines) {
            assertRequiredFields(n);
            assertThat(strings(n.get("rule_sets"))).as("row %s", n.get("row")).contains("cn-2022");
            assertThat(names(n.get("tiers"))).containsExactly("INNOVATIVE", "SRDI", "LITTLE_GIANT", "CHAMPION");
            for (String scored : List.of("INNOVATIVE", "SRDI")) {
                JsonNode t = n.get("tiers").get(scored);
                assertThat(t.has("score")).as("row %s %s.score", n.get("row"), scored).isTrue();
                assertThat(t.get("score").isInt()).isTrue();
                assertThat(t.get("route").asString()).as("row %s %s.route", n.get("row"), scored).isIn("DIRECT", "SCORE");
            }
        }
    }

    @Test
    void every_line_of_a_cn_2026_region_is_json_with_the_required_fields() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-06-01");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--format", "jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.json();
        assertThat(lines).hasSize(500);
        for (JsonNode n : lines) {
            assertRequiredFields(n);
            assertThat(strings(n.get("rule_sets"))).contains("cn-2026");
            assertThat(names(n.get("tiers"))).contains("TECH_INNOVATIVE", "SRDI", "LITTLE_GIANT", "CHAMPION")
                    .doesNotContain("INNOVATIVE");
            JsonNode ti = n.get("tiers").get("TECH_INNOVATIVE");
            assertThat(ti.has("score")).as("row %s TECH_INNOVATIVE.score", n.get("row")).isTrue();
            assertThat(ti.get("score").isInt()).isTrue();
            if ("PASS".equals(ti.get("status").asString())) {
                assertThat(ti.has("route")).as("row %s TECH_INNOVATIVE.route", n.get("row")).isTrue();
                String route = ti.get("route").asString();
                assertThat(route).isIn("INNOVATIVE_DIRECT", "INNOVATIVE_SCORE", "TECH_SME_DIRECT", "TECH_SME_SCORE");
                int expected = route.startsWith("INNOVATIVE_") ? ti.get("innovative_score").asInt() : ti.get("tech_sme_score").asInt();
                assertThat(ti.get("score").asInt()).as("row %s score of route %s", n.get("row"), route).isEqualTo(expected);
            }
            assertThat(n.get("tiers").get("SRDI").has("score")).as("cn-2026 SRDI has no score").isFalse();
        }
    }

    @Test
    void a_failing_tech_innovative_tier_still_reports_a_route() {
        Path region = Cli.generate(dir.resolve("region.csv"), 200, 3, "2026-06-01");
        Cli.Result r = Cli.run("grade", "--input", region.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> failing = r.json().stream()
                .filter(n -> "FAIL".equals(n.get("tiers").get("TECH_INNOVATIVE").get("status").asString())).toList();
        assertThat(failing).isNotEmpty();
        assertThat(failing).allSatisfy(n -> assertThat(n.get("tiers").get("TECH_INNOVATIVE").has("route"))
                .as("row %s", n.get("row")).isTrue());
    }

    @Test
    void a_firm_failing_innovative_passes_tech_innovative_by_the_technology_based_score() {
        Path in = Csv.write(dir.resolve("tech.csv"), techSmeFirm("false"));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode ti = r.json().get(0).get("tiers").get("TECH_INNOVATIVE");
        assertThat(ti.get("status").asString()).isEqualTo("PASS");
        assertThat(ti.get("route").asString()).isEqualTo("TECH_SME_SCORE");
        assertThat(ti.get("innovative_score").asInt()).isEqualTo(50);
        assertThat(ti.get("tech_sme_score").asInt()).isEqualTo(90);
        assertThat(ti.get("score").asInt()).isEqualTo(90);
    }

    @Test
    void a_failing_tech_innovative_tier_reports_the_innovative_score() {
        Path in = Csv.write(dir.resolve("tech.csv"), techSmeFirm("true"));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode ti = r.json().get(0).get("tiers").get("TECH_INNOVATIVE");
        assertThat(ti.get("status").asString()).isEqualTo("FAIL");
        assertThat(condition(ti, "COMMON.EXCLUSION").get("status").asString()).isEqualTo("FAIL");
        assertThat(ti.get("score").asInt()).isEqualTo(ti.get("innovative_score").asInt()).isEqualTo(50);
    }

    /** Fails INNOVATIVE (50 points, growth and main share 0) but scores 90 as a technology-based SME; dated under cn-2026. */
    static Map<String, String> techSmeFirm(String abnormalOperation) {
        return Csv.companyX("assessment_date", "2026-06-01", "main_revenue_y1", "1500", "ip1_self_developed", "0", "ip1", "1",
                "tech_staff_y1", "24", "abnormal_operation", abnormalOperation);
    }

    @Test
    void every_json_line_starts_with_an_opening_brace() {
        Path region = Cli.generate(dir.resolve("region.csv"), 5000, 3, "2026-03-01");
        Cli.Result r = Cli.run("grade", "--input", region.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(5000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).as("line of row %d", i + 2).startsWith("{\"row\":" + (i + 2) + ",");
        }
    }

    @Test
    void row_numbers_are_spreadsheet_rows_in_input_order() {
        Path in = Csv.write(dir.resolve("three.csv"),
                Csv.companyX("credit_code", Csv.creditCode(30), "name", "Third in alphabet"),
                Csv.companyX("credit_code", Csv.creditCode(10), "name", "First"),
                Csv.companyX("credit_code", Csv.creditCode(20), "name", "Second, with a comma"));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.json();
        assertThat(lines).extracting(n -> n.get("row").asInt()).containsExactly(2, 3, 4);
        assertThat(lines).extracting(n -> n.get("credit_code").asString())
                .containsExactly(Csv.creditCode(30), Csv.creditCode(10), Csv.creditCode(20));
        assertThat(lines.get(2).get("name").asString()).isEqualTo("Second, with a comma");
    }

    @Test
    void a_quoted_line_break_inside_a_cell_does_not_shift_the_row_numbers() {
        Path in = Csv.write(dir.resolve("multiline.csv"),
                Csv.companyX("credit_code", Csv.creditCode(1), "name", "Company\nwith two lines"),
                Csv.companyX("credit_code", Csv.creditCode(2), "name", "Next"));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json()).extracting(n -> n.get("row").asInt()).containsExactly(2, 3);
        assertThat(r.json().get(0).get("name").asString()).isEqualTo("Company\nwith two lines");
    }

    @Test
    void company_x_of_the_worked_example_passes_srdi_with_64_points() {
        Path in = Csv.write(dir.resolve("x.csv"), Csv.companyX());
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--format", "jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json()).hasSize(1);
        JsonNode x = r.json().get(0);
        assertThat(x.get("row").asInt()).isEqualTo(2);
        assertThat(x.get("credit_code").asString()).isEqualTo("91350100M000100Y43");
        assertThat(strings(x.get("rule_sets"))).containsExactly("cn-2022", "champion-2023");
        assertThat(x.get("sme_class").asString()).isEqualTo("SMALL");

        JsonNode inn = x.get("tiers").get("INNOVATIVE");
        assertThat(inn.get("status").asString()).isEqualTo("PASS");
        assertThat(inn.get("route").asString()).isEqualTo("SCORE");
        assertThat(inn.get("score").asInt()).isEqualTo(90);
        assertThat(inn.get("dimensions").get("创新能力").asInt()).isEqualTo(35);
        assertThat(inn.get("dimensions").get("成长性").asInt()).isEqualTo(25);
        assertThat(inn.get("dimensions").get("专业化").asInt()).isEqualTo(30);

        JsonNode srdi = x.get("tiers").get("SRDI");
        assertThat(srdi.get("status").asString()).isEqualTo("PASS");
        assertThat(srdi.get("route").asString()).isEqualTo("SCORE");
        assertThat(srdi.get("score").asInt()).isEqualTo(64);
        assertThat(condition(srdi, "SRDI.LOCAL").get("points").asInt()).isEqualTo(5);
        assertThat(condition(srdi, "SRDI.RD_INPUT").get("points").asInt()).isEqualTo(4);

        assertThat(x.get("eligible_tier").asString()).isEqualTo("SRDI");
        JsonNode lg = x.get("tiers").get("LITTLE_GIANT");
        assertThat(lg.get("status").asString()).isEqualTo("FAIL");
        assertThat(condition(lg, "LG.REVENUE_FLOOR").get("status").asString()).isEqualTo("FAIL");
        assertThat(condition(lg, "LG.INNOVATION").get("status").asString()).isEqualTo("FAIL");
        assertThat(strings(x.get("missing_titles").get("LITTLE_GIANT"))).containsExactly("SRDI");

        JsonNode next = x.get("next_tier");
        assertThat(next.get("tier").asString()).isEqualTo("LITTLE_GIANT");
        List<String> gapIds = new ArrayList<>();
        next.get("gaps").forEach(g -> gapIds.add(g.get("id").asString()));
        assertThat(gapIds).contains("LG.REVENUE_FLOOR", "LG.INNOVATION");
        next.get("gaps").forEach(g -> {
            assertThat(g.get("hint_zh").asString()).isNotBlank();
            assertThat(g.get("hint_en").asString()).isNotBlank();
        });
    }

    @Test
    void company_x_without_local_points_scores_59_and_fails_srdi() {
        Path in = Csv.write(dir.resolve("x0.csv"), Csv.companyX("local_points", "0"));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode x = r.json().get(0);
        JsonNode srdi = x.get("tiers").get("SRDI");
        assertThat(srdi.get("score").asInt()).isEqualTo(59);
        assertThat(srdi.get("status").asString()).isEqualTo("FAIL");
        assertThat(x.get("eligible_tier").asString()).isEqualTo("INNOVATIVE");
        assertThat(x.get("next_tier").get("tier").asString()).isEqualTo("SRDI");
    }

    @Test
    void chinese_column_labels_are_read_like_the_english_ids() {
        Map<String, String> zh = new java.util.LinkedHashMap<>();
        Csv.companyX().forEach((k, v) -> zh.put(switch (k) {
            case "credit_code" -> "统一社会信用代码";
            case "name" -> "企业名称";
            case "industry_code" -> "行业代码";
            case "employees_y1" -> "从业人员数";
            default -> k;
        }, v));
        Path in = Csv.write(dir.resolve("zh.csv"), zh);
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get(0).get("tiers").get("SRDI").get("score").asInt()).isEqualTo(64);
    }

    @Test
    void a_csv_with_a_byte_order_mark_and_crlf_line_ends_is_read() throws java.io.IOException {
        Path plain = Csv.write(dir.resolve("plain.csv"), Csv.companyX());
        Path bom = dir.resolve("bom.csv");
        String text = "\uFEFF" + Cli.read(plain).replace("\n", "\r\n");
        java.nio.file.Files.writeString(bom, text, java.nio.charset.StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("grade", "--input", bom.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json()).singleElement().satisfies(n -> {
            assertThat(n.get("row").asInt()).isEqualTo(2);
            assertThat(n.get("credit_code").asString()).isEqualTo("91350100M000100Y43");
            assertThat(n.get("tiers").get("SRDI").get("score").asInt()).isEqualTo(64);
        });
    }

    static void assertRequiredFields(JsonNode n) {
        assertThat(n.get("row").isIntegralNumber()).as("row in %s", n).isTrue();
        assertThat(n.get("credit_code").asString()).hasSize(18);
        assertThat(n.get("eligible_tier").asString()).isIn("NONE", "INNOVATIVE", "TECH_INNOVATIVE", "SRDI", "LITTLE_GIANT");
        assertThat(n.get("tiers").isObject()).isTrue();
        assertThat(n.get("tiers").size()).isGreaterThanOrEqualTo(4);
        for (Map.Entry<String, JsonNode> e : n.get("tiers").properties()) {
            JsonNode t = e.getValue();
            assertThat(t.get("status").asString()).as("row %s %s.status", n.get("row"), e.getKey()).isIn("PASS", "FAIL", "REVIEW");
            assertThat(t.get("conditions").isArray()).isTrue();
            assertThat(t.get("conditions").size()).isPositive();
            for (JsonNode c : t.get("conditions")) {
                assertThat(c.get("id").asString()).isNotBlank();
                assertThat(c.get("status").asString()).isNotBlank();
            }
        }
    }

    static JsonNode condition(JsonNode tier, String id) {
        for (JsonNode c : tier.get("conditions")) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no condition " + id + " in " + tier);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asString()));
        return out;
    }

    static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }
}
