package cn.srdi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srdi explain}: a readable report for one firm. */
class ExplainCommandTest {
    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void file() {
        file = Csv.write(dir.resolve("firms.csv"),
                Csv.companyX("credit_code", Csv.creditCode(1), "name", "Other firm"),
                Csv.companyX(),
                Csv.companyX("credit_code", Csv.creditCode(2), "revenue_y1", "oops"));
    }

    @Test
    void the_chinese_report_of_company_x_names_srdi_and_its_64_points() {
        Cli.Result r = Cli.run("explain", "--input", file.toString(), "--credit-code", "91350100M000100Y43");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Company X").contains("91350100M000100Y43").contains("专精特新").contains("64")
                .contains("得分 90").contains("得分 64").contains("LG.REVENUE_FLOOR").doesNotContain("Other firm");
    }

    @Test
    void the_english_report_of_company_x_says_score_64() {
        Cli.Result r = Cli.run("explain", "--input", file.toString(), "--credit-code", "91350100M000100Y43", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Company X").contains("score 64").contains("score 90").contains("PASS");
    }

    @Test
    void a_lower_case_credit_code_finds_the_firm() {
        Cli.Result r = Cli.run("explain", "--input", file.toString(), "--credit-code", "91350100m000100y43", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("score 64");
    }

    @Test
    void the_report_follows_the_rules_chosen() {
        Cli.Result r = Cli.run("explain", "--input", file.toString(), "--credit-code", "91350100M000100Y43", "--lang", "en",
                "--rules", "cn-2026");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("cn-2026").doesNotContain("score 64");
    }

    @Test
    void an_unknown_credit_code_exits_2_and_names_it() {
        Cli.Result r = Cli.run("explain", "--input", file.toString(), "--credit-code", Csv.creditCode(50));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(Csv.creditCode(50));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_firm_whose_row_was_rejected_is_not_explained() {
        Cli.Result r = Cli.run("explain", "--input", file.toString(), "--credit-code", Csv.creditCode(2));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_missing_input_file_exits_2() {
        Cli.Result r = Cli.run("explain", "--input", dir.resolve("gone.csv").toString(), "--credit-code", "91350100M000100Y43");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("gone.csv");
    }
}
