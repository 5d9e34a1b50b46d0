package cn.srdi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srdi simulate}: the policy sandbox. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void file() {
        file = Csv.write(dir.resolve("firms.csv"),
                Csv.companyX("local_points", "0"),
                Csv.companyX("credit_code", Csv.creditCode(1), "name", "Company X with local points"));
    }

    @Test
    void lowering_the_srdi_pass_mark_to_59_lets_company_x_without_local_points_gain_srdi() {
        Path changed = dir.resolve("changed.csv");
        Cli.Result r = Cli.run("simulate", "--input", file.toString(), "--set", "SRDI.SCORE.pass_mark=59", "--output", changed.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = Csv.records(changed);
        assertThat(rows).singleElement().satisfies(c -> {
            assertThat(c.get("row")).isEqualTo("2");
            assertThat(c.get("credit_code")).isEqualTo("91350100M000100Y43");
            assertThat(c.get("tier")).isEqualTo("SRDI");
            assertThat(c.get("change")).isEqualTo("GAINED");
            assertThat(c.get("base_status")).isEqualTo("FAIL");
            assertThat(c.get("new_status")).isEqualTo("PASS");
            assertThat(c.get("base_score")).isEqualTo("59");
            assertThat(c.get("new_eligible_tier")).isEqualTo("SRDI");
            assertThat(c.get("base_eligible_tier")).isEqualTo("INNOVATIVE");
        });
        assertThat(r.err()).containsPattern("SRDI\\s+1\\s+2\\s+\\+1\\s+0");
    }

    @Test
    void raising_the_pass_mark_to_70_loses_srdi_for_the_firm_with_64_points() {
        Cli.Result r = Cli.run("simulate", "--input", file.toString(), "--set", "cn-2022:SRDI.SCORE.pass_mark=70");
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> records = Csv.parse(r.out());
        assertThat(records.get(0)).startsWith("row", "credit_code", "name", "tier", "change");
        assertThat(records.subList(1, records.size())).singleElement().satisfies(c -> {
            assertThat(c.get(0)).isEqualTo("3");
            assertThat(c.get(3)).isEqualTo("SRDI");
            assertThat(c.get(4)).isEqualTo("LOST");
        });
    }

    @Test
    void a_setting_applies_to_a_forced_rule_set() {
        Cli.Result r = Cli.run("simulate", "--input", file.toString(), "--rules", "cn-2022", "--set", "SRDI.SCORE.pass_mark=59");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Csv.parse(r.out())).hasSize(2);
    }

    @Test
    void a_setting_applies_to_the_overlay_that_replaces_its_base() throws java.io.IOException {
        Path overlay = dir.resolve("cq-2023.rules");
        java.nio.file.Files.writeString(overlay, "id = cq-2023\nextends = cn-2022\nSRDI.SCORE.pass_mark = 70\n");
        Cli.Result r = Cli.run("simulate", "--input", file.toString(), "--overlay", overlay.toString(), "--set", "SRDI.SCORE.pass_mark=59");
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> records = Csv.parse(r.out());
        // under cq-2023 neither firm passes (59 and 64 < 70); with 59 both do
        assertThat(records.subList(1, records.size())).hasSize(2).allSatisfy(c -> assertThat(c.get(4)).isEqualTo("GAINED"));
    }

    @Test
    void a_setting_applies_to_the_forced_base_even_when_an_overlay_is_loaded() throws java.io.IOException {
        Path overlay = dir.resolve("cq-2023.rules");
        java.nio.file.Files.writeString(overlay, "id = cq-2023\nextends = cn-2022\nSRDI.SCORE.pass_mark = 70\n");
        Cli.Result r = Cli.run("simulate", "--input", file.toString(), "--rules", "cn-2022", "--overlay", overlay.toString(),
                "--set", "SRDI.SCORE.pass_mark=59");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Csv.parse(r.out())).as("Company X with local_points 0 gains SRDI").hasSize(2);
    }

    @Test
    void an_unknown_key_exits_2_and_names_it() {
        Cli.Result r = Cli.run("simulate", "--input", file.toString(), "--set", "SRDI.SCORE.pass_mrk=59");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("SRDI.SCORE.pass_mrk");
    }

    @Test
    void an_unknown_rule_set_prefix_exits_2() {
        Cli.Result r = Cli.run("simulate", "--input", file.toString(), "--set", "cn-1999:SRDI.SCORE.pass_mark=59");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cn-1999");
    }

    @Test
    void a_value_of_the_wrong_type_exits_2() {
        Cli.Result r = Cli.run("simulate", "--input", file.toString(), "--set", "SRDI.SCORE.pass_mark=sixty");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("SRDI.SCORE.pass_mark");
    }

    @Test
    void without_set_it_is_a_usage_error() {
        Cli.Result r = Cli.run("simulate", "--input", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--set");
    }
}
