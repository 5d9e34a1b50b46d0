package cn.srdi.engine.synth;

import static cn.srdi.engine.model.Field.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Profile;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The generated district, graded roughly (see {@link MiniGrader}), forms a believable pyramid. */
class PyramidTest {

    @Test
    void districtFormsABelievablePyramid() {
        LocalDate date = LocalDate.of(2026, 3, 1);
        RegionGenerator g = RegionGenerator.of(2025, date);
        int n = 50_000;
        int large = 0, excluded = 0, inn = 0, basic = 0, srdi = 0, lg = 0, lgReview = 0, champion = 0, champReview = 0;
        int review = 0, highTech = 0, titled = 0;
        double[] revenue = new double[n];
        double[] rdRatio = new double[n];
        double[] share = new double[n];
        double[] debt = new double[n];
        for (int i = 0; i < n; i++) {
            Profile p = g.nextProfile();
            MiniGrader.Result r = MiniGrader.grade(p, date);
            large += r.large() ? 1 : 0;
            excluded += r.excluded() ? 1 : 0;
            inn += r.innovative() == MiniGrader.Status.PASS ? 1 : 0;
            basic += r.srdiBasic() ? 1 : 0;
            srdi += r.srdi() == MiniGrader.Status.PASS ? 1 : 0;
            lg += r.littleGiant() == MiniGrader.Status.PASS ? 1 : 0;
            lgReview += r.littleGiant() == MiniGrader.Status.REVIEW ? 1 : 0;
            champion += r.champion() == MiniGrader.Status.PASS ? 1 : 0;
            champReview += r.champion() == MiniGrader.Status.REVIEW ? 1 : 0;
            review += p.applicationType() == ApplicationType.REVIEW ? 1 : 0;
            highTech += p.isTrue(HIGH_TECH) ? 1 : 0;
            titled += p.has(TITLES) ? 1 : 0;
            revenue[i] = Decimals.toDouble(p.get(REVENUE_Y1));
            rdRatio[i] = MiniGrader.pct(p, RD_EXPENSE_Y1, REVENUE_Y1);
            share[i] = MiniGrader.pct(p, MAIN_REVENUE_Y1, REVENUE_Y1);
            debt[i] = MiniGrader.pct(p, TOTAL_LIABILITIES_Y1, TOTAL_ASSETS_Y1);
        }
        Arrays.sort(revenue);
        Arrays.sort(rdRatio);
        Arrays.sort(share);
        Arrays.sort(debt);
        System.out.printf("LARGE %.2f%% excluded %.2f%% INNOVATIVE %.1f%% SRDI-basic %.1f%% SRDI %.1f%% "
                + "LG %.2f%% (+review %.2f%%) CHAMPION %.3f%% (+review %.3f%%) REVIEW-type %.1f%% high_tech %.1f%% titled %.1f%%%n",
                pc(large, n), pc(excluded, n), pc(inn, n), pc(basic, n), pc(srdi, n), pc(lg, n), pc(lgReview, n),
                pc(champion, n), pc(champReview, n), pc(review, n), pc(highTech, n), pc(titled, n));
        System.out.printf("revenue p10 %.0f p50 %.0f p90 %.0f p99 %.0f max %.0f; R&D%% p10 %.2f p50 %.2f p90 %.2f; "
                + "main share p10 %.1f p50 %.1f; debt p10 %.1f p50 %.1f p90 %.1f%n",
                q(revenue, 0.1), q(revenue, 0.5), q(revenue, 0.9), q(revenue, 0.99), revenue[n - 1],
                q(rdRatio, 0.1), q(rdRatio, 0.5), q(rdRatio, 0.9), q(share, 0.1), q(share, 0.5),
                q(debt, 0.1), q(debt, 0.5), q(debt, 0.9));

        assertThat(q(revenue, 0.5)).isBetween(2000.0, 4000.0);
        assertThat(revenue[n - 1]).isGreaterThan(100_000);
        assertThat(pc(large, n)).isLessThan(3);
        assertThat(pc(inn, n)).isBetween(50.0, 85.0);
        assertThat(pc(basic, n)).isBetween(15.0, 30.0);
        assertThat(pc(srdi, n)).isBetween(8.0, 25.0);
        assertThat(pc(lg + lgReview, n)).isBetween(0.5, 6.0);
        assertThat(pc(champion + champReview, n)).isLessThan(0.3);
        assertThat(pc(review, n)).isBetween(7.0, 13.0);
        assertThat(pc(highTech, n)).isBetween(35.0, 45.0);
    }

    private static double pc(int k, int n) {
        return 100.0 * k / n;
    }

    private static double q(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
