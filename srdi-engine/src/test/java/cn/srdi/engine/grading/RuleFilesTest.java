package cn.srdi.engine.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.engine.TestProfiles;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.RuleFileException;
import cn.srdi.engine.rules.RuleParams;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule files are validated at load: a malformed file fails fast, naming the file, the key and the problem. */
class RuleFilesTest {

    @Test
    void the_built_in_rule_sets_load_and_validate() {
        RuleCatalog c = RuleCatalog.builtIn();
        assertThat(c.all()).extracting(RuleSet::id).containsExactly("sme-size-2011", "cn-2022", "cn-2026", "champion-2023");
        assertThat(c.get("cn-2022").tiers()).extracting(TierRule::tier).containsExactly(Tier.INNOVATIVE, Tier.SRDI, Tier.LITTLE_GIANT);
        assertThat(c.get("cn-2026").tiers()).extracting(TierRule::tier).containsExactly(Tier.TECH_INNOVATIVE, Tier.SRDI, Tier.LITTLE_GIANT);
    }

    private static RuleCatalog overlay(String text) {
        return RuleCatalog.builtIn().withOverlay("cq-test.rules", new StringReader(text));
    }

    @Test
    void an_overlay_changes_the_pass_mark_without_code() {
        RuleCatalog c = overlay("id = cq-2023\nextends = cn-2022\nSRDI.SCORE.pass_mark = 70\n");
        Grader g = new Grader(c, LocalDate.of(2026, 1, 1));
        Grade grade = g.grade(TestProfiles.parse(TestProfiles.COMPANY_X));
        assertThat(grade.ruleSets()).containsExactly("cq-2023", "champion-2023");
        assertThat(grade.tier(Tier.SRDI).score()).isEqualTo(64);
        assertThat(grade.tier(Tier.SRDI).status()).isEqualTo(Status.FAIL);
        Grade base = new Grader(c, "cn-2022", LocalDate.of(2026, 1, 1)).grade(TestProfiles.parse(TestProfiles.COMPANY_X));
        assertThat(base.tier(Tier.SRDI).status()).isEqualTo(Status.PASS);
    }

    @Test
    void an_overlay_with_an_unknown_key_fails_naming_the_key() {
        assertThatThrownBy(() -> overlay("id = cq-2023\nextends = cn-2022\nSRDI.SCORE.passmark = 70\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("cq-test.rules").hasMessageContaining("SRDI.SCORE.passmark").hasMessageContaining("has no such key");
    }

    @Test
    void an_overlay_with_a_malformed_value_fails_naming_file_and_key() {
        assertThatThrownBy(() -> overlay("id = cq-2023\nextends = cn-2022\nSRDI.RD.min_ratio = three\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("cq-test.rules").hasMessageContaining("SRDI.RD.min_ratio").hasMessageContaining("not \"three\"");
    }

    @Test
    void bands_out_of_order_are_refused() {
        assertThatThrownBy(() -> overlay("id = x\nextends = cn-2022\nINN.RD_RATIO.bands = >=3:15, >=5:20, else:0\n"))
                .hasMessageContaining("INN.RD_RATIO.bands").hasMessageContaining("out of order");
    }

    @Test
    void bands_without_else_are_refused() {
        assertThatThrownBy(() -> overlay("id = x\nextends = cn-2022\nINN.RD_RATIO.bands = >=5:20, >=3:15\n"))
                .hasMessageContaining("else");
    }

    @Test
    void an_overlay_of_an_unknown_base_is_refused() {
        assertThatThrownBy(() -> overlay("id = x\nextends = cn-2099\n")).hasMessageContaining("cn-2099");
    }

    @Test
    void a_rule_file_with_a_duplicate_key_is_refused_with_both_lines() {
        assertThatThrownBy(() -> RuleParams.parse("dup.rules", new StringReader("a = 1\n# c\na = 2\n")))
                .hasMessageContaining("dup.rules:3").hasMessageContaining("[a]").hasMessageContaining("line 1");
    }

    @Test
    void a_line_without_equals_is_refused() {
        assertThatThrownBy(() -> RuleParams.parse("bad.rules", new StringReader("id = x\nthis is not a pair\n")))
                .hasMessageContaining("bad.rules:2").hasMessageContaining("key = value");
    }

    @Test
    void a_rule_set_with_a_key_it_does_not_use_is_refused() {
        String base = RuleCatalog.builtIn().get("champion-2023").params().asMap().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).reduce("", (a, b) -> a + b + "\n");
        RuleParams p = RuleParams.parse("champ.rules", new StringReader(base + "CH.TYPO = 1\n"));
        assertThatThrownBy(() -> new RuleSet(p, "champion-2023")).hasMessageContaining("CH.TYPO").hasMessageContaining("unknown key");
    }

    @Test
    void a_rule_set_missing_a_key_is_refused() {
        RuleParams p = RuleParams.parse("champ.rules", new StringReader(
                "id = c\ntitle = t\nshape = champion-2023\neffective_from = 2023-01-01\nCH.YEARS.min_years = 10\n"));
        assertThatThrownBy(() -> new RuleSet(p, "c")).hasMessageContaining("CH.YEARS.min_years_new_product").hasMessageContaining("missing");
    }

    @Test
    void sandbox_settings_change_a_threshold_of_every_rule_set_that_has_it() {
        RuleCatalog c = RuleCatalog.builtIn().withSettings(Map.of("INN.SCORE.pass_mark", "95"));
        assertThat(c.get("cn-2022").params().get("INN.SCORE.pass_mark")).isEqualTo("95");
        assertThat(c.get("cn-2026").params().get("INN.SCORE.pass_mark")).isEqualTo("95");
        RuleCatalog only = RuleCatalog.builtIn().withSettings(Map.of("cn-2026:INN.SCORE.pass_mark", "95"));
        assertThat(only.get("cn-2022").params().get("INN.SCORE.pass_mark")).isEqualTo("60");
    }

    @Test
    void sandbox_settings_with_an_unknown_key_are_refused() {
        assertThatThrownBy(() -> RuleCatalog.builtIn().withSettings(Map.of("SRDI.RD.min_ratioo", "2.5")))
                .hasMessageContaining("SRDI.RD.min_ratioo");
    }

    @Test
    void a_size_rule_with_a_bad_expression_is_refused() {
        assertThatThrownBy(() -> overlay("id = s\nextends = sme-size-2011\nSIZE.industry.sme = E < 1000 or Q < 5\n"))
                .hasMessageContaining("SIZE.industry.sme").hasMessageContaining("E, R or A");
    }
}
