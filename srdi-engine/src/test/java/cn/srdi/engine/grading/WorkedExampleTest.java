package cn.srdi.engine.grading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.TestProfiles;
import cn.srdi.engine.model.Tier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** GRADING.md section 10: Company X, assessed on 2026-03-01 under cn-2022. */
class WorkedExampleTest {
    private final Grader grader = new Grader(RuleCatalog.builtIn(), LocalDate.of(2026, 11, 22));

    @Test
    void company_x_is_graded_by_cn_2022_and_the_champion_rules() {
        Grade g = grader.grade(TestProfiles.parse(TestProfiles.COMPANY_X));
        assertThat(g.ruleSets()).containsExactly("cn-2022", "champion-2023");
        assertThat(g.smeClass().name()).isEqualTo("SMALL");
    }

    @Test
    void company_x_passes_innovative_by_score_90() {
        TierResult inn = grader.grade(TestProfiles.parse(TestProfiles.COMPANY_X)).tier(Tier.INNOVATIVE);
        assertThat(inn.status()).isEqualTo(Status.PASS);
        assertThat(inn.route()).isEqualTo(Route.SCORE);
        assertThat(inn.score()).isEqualTo(90);
        assertThat(inn.points(inn.indexOf("INN.IP"))).isEqualTo(15);
        assertThat(inn.points(inn.indexOf("INN.RD_RATIO"))).isEqualTo(20);
        assertThat(inn.points(inn.indexOf("INN.GROWTH"))).isEqualTo(15);
        assertThat(inn.points(inn.indexOf("INN.DEBT"))).isEqualTo(10);
        assertThat(inn.points(inn.indexOf("INN.FIELD"))).isEqualTo(10);
        assertThat(inn.points(inn.indexOf("INN.MAIN_SHARE"))).isEqualTo(20);
        assertThat(inn.dimensions()).containsEntry("创新能力", 35).containsEntry("成长性", 25).containsEntry("专业化", 30);
    }

    @Test
    void company_x_passes_srdi_with_64_points() {
        Grade g = grader.grade(TestProfiles.parse(TestProfiles.COMPANY_X));
        TierResult srdi = g.tier(Tier.SRDI);
        assertThat(srdi.status()).isEqualTo(Status.PASS);
        assertThat(srdi.route()).isEqualTo(Route.SCORE);
        assertThat(srdi.score()).isEqualTo(64);
        int[] expected = {5, 10, 3, 3, 3, 5, 8, 3, 5, 8, 4, 3, 4};
        String[] ids = {"SRDI.MAIN_SHARE", "SRDI.GROWTH", "SRDI.NICHE_YEARS", "SRDI.FIELD", "SRDI.DIGITAL", "SRDI.QUALITY",
            "SRDI.NET_MARGIN", "SRDI.DEBT", "SRDI.LOCAL", "SRDI.IP", "SRDI.RD_INPUT", "SRDI.RD_STAFF", "SRDI.RD_INSTITUTION"};
        for (int i = 0; i < ids.length; i++) {
            assertThat(srdi.points(srdi.indexOf(ids[i]))).as(ids[i]).isEqualTo(expected[i]);
        }
        assertThat(g.eligibleTier()).isEqualTo(Tier.SRDI);
        assertThat(g.missingTitles()).containsKey(Tier.LITTLE_GIANT);
    }

    @Test
    void without_local_points_company_x_scores_59_and_fails_srdi() {
        Grade g = grader.grade(TestProfiles.parse(TestProfiles.COMPANY_X + ";local_points=0"));
        assertThat(g.tier(Tier.SRDI).score()).isEqualTo(59);
        assertThat(g.tier(Tier.SRDI).status()).isEqualTo(Status.FAIL);
        assertThat(g.eligibleTier()).isEqualTo(Tier.INNOVATIVE);
        assertThat(g.nextTier()).isEqualTo(Tier.SRDI);
        assertThat(g.nextTierGaps()).extracting(Gap::id).containsExactly("SRDI.QUALIFY");
        assertThat(g.nextTierGaps().get(0).hintEn()).startsWith("score 59, needs 60: cheapest points are");
    }

    @Test
    void company_x_fails_little_giant_on_revenue_and_rd_ratio() {
        Grade g = grader.grade(TestProfiles.parse(TestProfiles.COMPANY_X));
        TierResult lg = g.tier(Tier.LITTLE_GIANT);
        assertThat(lg.status()).isEqualTo(Status.FAIL);
        assertThat(lg.conditionStatus(lg.indexOf("LG.REVENUE_FLOOR"))).isEqualTo(Status.FAIL);
        assertThat(lg.conditionStatus(lg.indexOf("LG.INNOVATION"))).isEqualTo(Status.FAIL);
        assertThat(lg.notes(lg.indexOf("LG.INNOVATION"))).contains(Note.RD_BAND_NOT_MET);
        assertThat(g.nextTier()).isEqualTo(Tier.LITTLE_GIANT);
    }
}
