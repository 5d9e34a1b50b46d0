package cn.srdi.cli;

import static cn.srdi.cli.GradeJsonLinesTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code --rules}: auto selection by assessment date, forced ids, and the 2026 re-review transition. */
class RuleSelectionTest {
    @TempDir
    Path dir;

    @Test
    void forcing_cn_2026_grades_a_file_dated_before_april_2026_by_cn_2026() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--rules", "cn-2026");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.json();
        assertThat(lines).hasSize(500);
        for (JsonNode n : lines) {
            assertThat(n.get("assessment_date").asString()).isEqualTo("2026-03-01");
            assertThat(strings(n.get("rule_sets"))).contains("cn-2026").doesNotContain("cn-2022");
            assertThat(n.get("tiers").has("TECH_INNOVATIVE")).isTrue();
            assertThat(n.get("tiers").has("INNOVATIVE")).isFalse();
            assertThat(n.get("tiers").get("TECH_INNOVATIVE").get("rule_set").asString()).isEqualTo("cn-2026");
        }
    }

    @Test
    void auto_grades_a_file_dated_before_april_2026_by_cn_2022() {
        Path region = Cli.generate(dir.resolve("region.csv"), 200, 3, "2026-03-01");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--rules", "auto");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json()).allSatisfy(n -> {
            assertThat(strings(n.get("rule_sets"))).containsExactly("cn-2022", "champion-2023");
            assertThat(n.get("tiers").has("INNOVATIVE")).isTrue();
        });
    }

    @Test
    void auto_grades_a_file_dated_june_2026_by_cn_2026() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-06-01");
        Cli.Result r = Cli.run("grade", "--input", region.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json()).hasSize(500).allSatisfy(n -> {
            assertThat(strings(n.get("rule_sets"))).contains("cn-2026", "champion-2023");
            assertThat(n.get("tiers").get("SRDI").get("rule_set").asString()).isEqualTo("cn-2026");
            assertThat(n.get("tiers").has("TECH_INNOVATIVE")).isTrue();
        });
    }

    @Test
    void auto_switches_on_the_first_of_april_2026_exactly() {
        Path in = Csv.write(dir.resolve("edge.csv"),
                Csv.companyX("credit_code", Csv.creditCode(1), "assessment_date", "2026-03-31"),
                Csv.companyX("credit_code", Csv.creditCode(2), "assessment_date", "2026-04-01"));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(strings(r.json().get(0).get("rule_sets"))).containsExactly("cn-2022", "champion-2023");
        assertThat(strings(r.json().get(1).get("rule_sets"))).containsExactly("cn-2026", "champion-2023");
    }

    @Test
    void a_little_giant_re_review_in_june_2026_is_graded_by_cn_2022_under_auto() {
        Path in = Csv.write(dir.resolve("review.csv"),
                Csv.companyX("assessment_date", "2026-06-01", "application_type", "REVIEW"));
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--rules", "auto");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode x = r.json().get(0);
        assertThat(x.get("application_type").asString()).isEqualTo("REVIEW");
        assertThat(x.get("tiers").get("LITTLE_GIANT").get("rule_set").asString()).isEqualTo("cn-2022");
        assertThat(x.get("tiers").get("SRDI").get("rule_set").asString()).isEqualTo("cn-2026");
        assertThat(x.get("tiers").get("TECH_INNOVATIVE").get("rule_set").asString()).isEqualTo("cn-2026");
        assertThat(strings(x.get("rule_sets"))).contains("cn-2026", "cn-2022", "champion-2023");
        assertThat(GradeJsonLinesTest.condition(x.get("tiers").get("LITTLE_GIANT"), "LG.INNOVATION")).isNotNull();
    }

    @Test
    void a_little_giant_re_review_in_june_2026_is_graded_by_cn_2026_when_cn_2026_is_forced() {
        Path in = Csv.write(dir.resolve("review.csv"),
                Csv.companyX("assessment_date", "2026-06-01", "application_type", "REVIEW"));
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--rules", "cn-2026");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode x = r.json().get(0);
        assertThat(x.get("tiers").get("LITTLE_GIANT").get("rule_set").asString()).isEqualTo("cn-2026");
        assertThat(strings(x.get("rule_sets"))).doesNotContain("cn-2022");
        assertThat(GradeJsonLinesTest.condition(x.get("tiers").get("LITTLE_GIANT"), "LG26.REVENUE")).isNotNull();
    }

    @Test
    void a_new_application_in_june_2026_gets_little_giant_by_cn_2026_under_auto() {
        Path in = Csv.write(dir.resolve("new.csv"), Csv.companyX("assessment_date", "2026-06-01", "application_type", "NEW"));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get(0).get("tiers").get("LITTLE_GIANT").get("rule_set").asString()).isEqualTo("cn-2026");
    }

    @Test
    void a_re_review_in_2027_is_no_longer_in_the_transition() {
        Path in = Csv.write(dir.resolve("review.csv"),
                Csv.companyX("assessment_date", "2027-01-04", "application_type", "REVIEW"));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get(0).get("tiers").get("LITTLE_GIANT").get("rule_set").asString()).isEqualTo("cn-2026");
    }

    @Test
    void a_blank_assessment_date_takes_the_default_date() {
        Path in = Csv.write(dir.resolve("blank-date.csv"), Csv.companyX("assessment_date", ""));
        Cli.Result before = Cli.run("grade", "--input", in.toString(), "--default-date", "2026-03-01");
        Cli.Result after = Cli.run("grade", "--input", in.toString(), "--default-date", "2026-06-01");
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(before.json().get(0).get("assessment_date").asString()).isEqualTo("2026-03-01");
        assertThat(strings(before.json().get(0).get("rule_sets"))).contains("cn-2022");
        assertThat(strings(after.json().get(0).get("rule_sets"))).contains("cn-2026");
    }
}
