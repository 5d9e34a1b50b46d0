package cn.srdi.app.grading;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Role;
import cn.srdi.engine.grading.Status;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.output.GradeSummaryRow;

/**
 * The summary columns of a stored grade ({@code grade_record}): what dashboards and lists read,
 * and what a reproduction compares. Tiers not graded under the record's rule set are null.
 */
public record GradeSummary(String ruleSets, String eligibleTier, String nextTier, Integer nextGapCount,
                           String statusInnovative, Integer scoreInnovative, String statusTech, Integer scoreTech,
                           String statusSrdi, Integer scoreSrdi, String statusGiant, Integer scoreGiant,
                           String statusChampion, String failing) {

    static final int FAILING_MAX = 2000;

    public static GradeSummary of(Grade g) {
        Tier next = g.nextTier();
        String failing = String.join(";", GradeSummaryRow.failing(g));
        if (failing.length() > FAILING_MAX) {
            failing = failing.substring(0, FAILING_MAX);
        }
        return new GradeSummary(String.join(";", g.ruleSets()), g.eligibleTierName(), next == null ? null : next.name(),
                next == null ? 0 : gapCount(g.tier(next)),
                status(g, Tier.INNOVATIVE), score(g, Tier.INNOVATIVE), status(g, Tier.TECH_INNOVATIVE),
                score(g, Tier.TECH_INNOVATIVE), status(g, Tier.SRDI), score(g, Tier.SRDI),
                status(g, Tier.LITTLE_GIANT), score(g, Tier.LITTLE_GIANT), status(g, Tier.CHAMPION), failing);
    }

    /** The number of gaps of a tier: its gates that FAIL or are REVIEW (as {@code TierResult.gaps()}, without the hints). */
    static int gapCount(TierResult r) {
        int n = 0;
        for (int i = 0; i < r.conditionCount(); i++) {
            if (r.def(i).role() == Role.GATE) {
                Status s = r.conditionStatus(i);
                if (s == Status.FAIL || s == Status.REVIEW) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String status(Grade g, Tier t) {
        TierResult r = g.tier(t);
        return r == null ? null : r.status().name();
    }

    private static Integer score(Grade g, Tier t) {
        TierResult r = g.tier(t);
        return r == null ? null : r.score();
    }

    /** Rank of the eligible tier on the ladder: 0 none, 1 (科技和)创新型, 2 专精特新, 3 小巨人. */
    public static int rank(String eligibleTier) {
        if (eligibleTier == null) {
            return 0;
        }
        return switch (eligibleTier) {
            case "INNOVATIVE", "TECH_INNOVATIVE" -> 1;
            case "SRDI" -> 2;
            case "LITTLE_GIANT" -> 3;
            default -> 0;
        };
    }

    /** The score of the first rung, whichever rule set graded it. */
    public Integer firstRungScore() {
        return scoreTech != null ? scoreTech : scoreInnovative;
    }
}
