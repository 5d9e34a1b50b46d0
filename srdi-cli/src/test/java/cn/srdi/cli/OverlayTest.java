package cn.srdi.cli;

import static cn.srdi.cli.GradeJsonLinesTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code --overlay}: a provincial rule file that changes thresholds without code. */
class OverlayTest {
    @TempDir
    Path dir;

    Path companyX;
    Path overlay;

    @BeforeEach
    void files() throws IOException {
        companyX = Csv.write(dir.resolve("x.csv"), Csv.companyX());
        overlay = dir.resolve("cq-2023.rules");
        Files.writeString(overlay, "# 重庆 overlay\nid = cq-2023\nextends = cn-2022\nSRDI.SCORE.pass_mark = 70\n", StandardCharsets.UTF_8);
    }

    @Test
    void with_a_pass_mark_of_70_company_x_and_its_64_points_fail_srdi() {
        Cli.Result r = Cli.run("grade", "--input", companyX.toString(), "--overlay", overlay.toString(), "--rules", "cq-2023");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode x = r.json().get(0);
        assertThat(strings(x.get("rule_sets"))).contains("cq-2023").doesNotContain("cn-2022");
        JsonNode srdi = x.get("tiers").get("SRDI");
        assertThat(srdi.get("rule_set").asString()).isEqualTo("cq-2023");
        assertThat(srdi.get("score").asInt()).isEqualTo(64);
        assertThat(srdi.get("status").asString()).isEqualTo("FAIL");
        assertThat(x.get("eligible_tier").asString()).isEqualTo("INNOVATIVE");
        assertThat(x.get("tiers").get("INNOVATIVE").get("score").asInt()).as("other keys are inherited from cn-2022").isEqualTo(90);
    }

    @Test
    void under_auto_the_overlay_replaces_its_base() {
        Cli.Result r = Cli.run("grade", "--input", companyX.toString(), "--overlay", overlay.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode x = r.json().get(0);
        assertThat(strings(x.get("rule_sets"))).contains("cq-2023").doesNotContain("cn-2022");
        assertThat(x.get("tiers").get("SRDI").get("status").asString()).isEqualTo("FAIL");
    }

    @Test
    void the_overlay_does_not_touch_its_base_when_the_base_is_forced() {
        Cli.Result r = Cli.run("grade", "--input", companyX.toString(), "--overlay", overlay.toString(), "--rules", "cn-2022");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode x = r.json().get(0);
        assertThat(strings(x.get("rule_sets"))).contains("cn-2022").doesNotContain("cq-2023");
        assertThat(x.get("tiers").get("SRDI").get("status").asString()).isEqualTo("PASS");
    }

    @Test
    void under_auto_a_2026_re_review_takes_little_giant_from_the_overlay_of_cn_2022() {
        Path review = Csv.write(dir.resolve("review.csv"), Csv.companyX("assessment_date", "2026-06-01", "application_type", "REVIEW"));
        Cli.Result r = Cli.run("grade", "--input", review.toString(), "--overlay", overlay.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode x = r.json().get(0);
        assertThat(x.get("tiers").get("LITTLE_GIANT").get("rule_set").asString()).isEqualTo("cq-2023");
        assertThat(x.get("tiers").get("SRDI").get("rule_set").asString()).isEqualTo("cn-2026");
    }

    @Test
    void an_overlay_with_an_unknown_key_exits_2_naming_the_key() throws IOException {
        Path bad = dir.resolve("typo.rules");
        Files.writeString(bad, "id = cq-2023\nextends = cn-2022\nSRDI.SCORE.pass_makr = 70\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("grade", "--input", companyX.toString(), "--overlay", bad.toString(), "--rules", "cq-2023");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("SRDI.SCORE.pass_makr").contains("typo.rules");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_overlay_of_an_unknown_base_exits_2_naming_it() throws IOException {
        Path bad = dir.resolve("orphan.rules");
        Files.writeString(bad, "id = cq-2023\nextends = cn-2019\nSRDI.SCORE.pass_mark = 70\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("grade", "--input", companyX.toString(), "--overlay", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cn-2019").contains("extends");
    }

    @Test
    void an_overlay_that_reuses_a_built_in_id_exits_2() throws IOException {
        Path bad = dir.resolve("clash.rules");
        Files.writeString(bad, "id = cn-2026\nextends = cn-2022\nSRDI.SCORE.pass_mark = 70\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("grade", "--input", companyX.toString(), "--overlay", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cn-2026");
    }

    @Test
    void a_missing_overlay_file_exits_2_naming_it() {
        Cli.Result r = Cli.run("grade", "--input", companyX.toString(), "--overlay", dir.resolve("absent.rules").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("absent.rules");
    }
}
