package cn.srdi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.web.BilingualException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DashboardRulesTest {

    @Test
    void anIndustryFilterIsAFocusIndustryOrAGbt4754SectionLetter() {
        assertThat(new DashboardFilter(" ", "vehicles").industry()).isEqualTo("VEHICLES");
        assertThat(new DashboardFilter(null, "c").isSection()).isTrue();
        assertThat(new DashboardFilter("LIJIA", "").industry()).isNull();
        assertThatThrownBy(() -> new DashboardFilter(null, "ROCKETS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DashboardFilter(null, "Z")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSectionOfAnIndustryCodeComesFromItsLetterOrItsDivision() {
        assertThat(DashboardFilter.section("C3670")).isEqualTo("C");
        assertThat(DashboardFilter.section("3670")).isEqualTo("C");
        assertThat(DashboardFilter.section("6510")).isEqualTo("I");
        assertThat(DashboardFilter.section("00")).isEqualTo("?");
        assertThat(DashboardFilter.section(null)).isEqualTo("?");
        DashboardFilter f = new DashboardFilter(null, "I");
        assertThat(f.matches("LIJIA", "DIGITAL", "I6510")).isTrue();
        assertThat(f.matches("LIJIA", "DIGITAL", "6510")).isTrue();
        assertThat(f.matches("LIJIA", "DIGITAL", "C3670")).isFalse();
        List<Object> args = new ArrayList<>();
        assertThat(f.sql("e", args)).contains("e.industry_code like ?");
        assertThat(args).startsWith("I%").contains("63", "64", "65").doesNotContain("13");
    }

    private static Plan plan(int from, int to, Map<Integer, Integer> targets) {
        return new Plan(1, "计划", "plan", from, to, true, Map.of("SRDI", targets));
    }

    private static List<PlanProgress.Point> points(Plan p, Long... actuals) {
        List<PlanProgress.Point> out = new ArrayList<>();
        for (int y = p.startYear(); y <= p.endYear(); y++) {
            int i = y - p.startYear();
            out.add(new PlanProgress.Point(y, p.target("SRDI", y), i < actuals.length ? actuals[i] : null, false));
        }
        return out;
    }

    @Test
    void aRunningPlanIsOnTrackWhenTheActualReachesTheTargetExpectedByToday() {
        Plan p = plan(2026, 2028, Map.of(2026, 100, 2027, 200, 2028, 300));
        LocalDate midYear = LocalDate.of(2027, 7, 2); // about half of 2027: 150 expected
        var onTrack = PlanService.judge("SRDI", p, 50L, points(p, 100L, 160L), null, midYear);
        assertThat(onTrack.status()).isEqualTo(PlanProgress.Status.ON_TRACK);
        assertThat(onTrack.expected()).isBetween(149.0, 151.0);
        assertThat(onTrack.percent()).isEqualTo(80.0);
        assertThat(PlanService.judge("SRDI", p, 50L, points(p, 100L, 130L), null, midYear).status())
                .isEqualTo(PlanProgress.Status.AT_RISK);
        assertThat(PlanService.judge("SRDI", p, 50L, points(p, 100L, 120L), null, midYear).status())
                .isEqualTo(PlanProgress.Status.BEHIND);
    }

    @Test
    void aFinishedPlanIsAchievedOrMissedOnItsFinalTargetAndAFuturePlanHasNotStarted() {
        Plan p = plan(2022, 2025, Map.of(2025, 500));
        assertThat(PlanService.judge("SRDI", p, 119L, points(p, 200L, 300L, 400L, 500L), null, LocalDate.of(2026, 3, 1))
                .status()).isEqualTo(PlanProgress.Status.ACHIEVED);
        assertThat(PlanService.judge("SRDI", p, 119L, points(p, 200L, 300L, 400L, 499L), null, LocalDate.of(2026, 3, 1))
                .status()).isEqualTo(PlanProgress.Status.MISSED);
        Plan later = plan(2030, 2032, Map.of(2030, 10));
        assertThat(PlanService.judge("SRDI", later, null, points(later), null, LocalDate.of(2026, 3, 1)).status())
                .isEqualTo(PlanProgress.Status.NOT_STARTED);
    }

    @Test
    void planInputIsValidatedWithBilingualMessages() {
        assertThatThrownBy(() -> PlanStore.validate(new Plan.Input("", "x", 2026, 2027, Map.of())))
                .isInstanceOf(BilingualException.class);
        assertThatThrownBy(() -> PlanStore.validate(new Plan.Input("x", "x", 2026, 2050, Map.of())))
                .isInstanceOf(BilingualException.class).hasMessageContaining("15");
        assertThatThrownBy(() -> PlanStore.validate(new Plan.Input("x", "x", 2026, 2027, Map.of("GDP", Map.of(2026, 1)))))
                .isInstanceOf(BilingualException.class).hasMessageContaining("GDP");
        assertThatThrownBy(() -> PlanStore.validate(new Plan.Input("x", "x", 2026, 2027, Map.of("SRDI", Map.of(2029, 1)))))
                .isInstanceOf(BilingualException.class).hasMessageContaining("2029");
        PlanStore.validate(new Plan.Input("x", "x", 2026, 2027, Map.of("SRDI", Map.of(2027, 0))));
    }

    @Test
    void theFormDropsTargetsOfYearsOutsideTheNewRangeAndBlankCells() {
        Plan.Input in = PlanController.input(Map.of("nameZh", "计划", "nameEn", "plan", "startYear", "2026", "endYear", "2027",
                "t_SRDI_2026", "5", "t_SRDI_2025", "4", "t_LITTLE_GIANT_2027", " ", "t_LISTING_2027", "2"));
        assertThat(in.targets()).isEqualTo(Map.of("SRDI", Map.of(2026, 5), "LISTING", Map.of(2027, 2)));
        assertThat(PlanController.input(Map.of("startYear", "twenty", "endYear", "2027")).startYear()).isZero();
    }

    @Test
    void conditionIdsReadAsTheEngineNamesThem() {
        ConditionNames names = new ConditionNames();
        assertThat(names.known("SRDI.RD")).isTrue();
        assertThat(names.label("SRDI.RD", true)).isNotEqualTo("SRDI.RD");
        assertThat(names.label("SRDI.RD", false)).isNotEqualTo(names.label("SRDI.RD", true));
        assertThat(names.label("NO.SUCH", true)).isEqualTo("NO.SUCH");
    }

    @Test
    void theChineseAndEnglishDashboardBundlesHaveTheSameKeys() throws Exception {
        Properties zh = new Properties();
        Properties en = new Properties();
        try (InputStream a = getClass().getResourceAsStream("/messages/dashboard.properties");
             InputStream b = getClass().getResourceAsStream("/messages/dashboard_en.properties")) {
            zh.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(zh.keySet()).isNotEmpty().isEqualTo(en.keySet());
        for (String s : DashboardFilter.SECTIONS) {
            assertThat(zh).containsKey("dash.section." + s);
        }
    }
}
