package cn.srdi.engine.output;

import cn.srdi.engine.grading.ConditionDef;
import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Role;
import cn.srdi.engine.grading.Status;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.Tier;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-row summary of a grade used by the CSV and XLSX outputs: eligible tier, status and score
 * per tier, and the failing condition ids. Tiers not graded under the row's rule set are blank.
 */
public final class GradeSummaryRow {
    /** Column headers, in order. */
    public static final List<String> HEADER = List.of(
            "row", "credit_code", "name", "rule_sets", "sme_class", "eligible_tier", "next_tier",
            "INNOVATIVE_status", "INNOVATIVE_score", "TECH_INNOVATIVE_status", "TECH_INNOVATIVE_score", "TECH_INNOVATIVE_route",
            "SRDI_status", "SRDI_score", "LITTLE_GIANT_status", "CHAMPION_status", "missing_titles", "failing_conditions");

    private GradeSummaryRow() {
    }

    /** The cells of one grade, in {@link #HEADER} order ("" for blank). */
    public static String[] cells(Grade g) {
        String[] c = new String[HEADER.size()];
        c[0] = Long.toString(g.row());
        c[1] = g.creditCode();
        c[2] = g.profile().name() == null ? "" : g.profile().name();
        c[3] = String.join(";", g.ruleSets());
        c[4] = g.smeClass().name();
        c[5] = g.eligibleTierName();
        Tier next = g.nextTier();
        c[6] = next == null ? "" : next.name();
        tier(g, Tier.INNOVATIVE, c, 7, 8);
        tier(g, Tier.TECH_INNOVATIVE, c, 9, 10);
        TierResult ti = g.tier(Tier.TECH_INNOVATIVE);
        c[11] = ti == null || ti.route() == null ? "" : ti.route().name();
        tier(g, Tier.SRDI, c, 12, 13);
        tier(g, Tier.LITTLE_GIANT, c, 14, -1);
        tier(g, Tier.CHAMPION, c, 15, -1);
        StringBuilder missing = new StringBuilder();
        g.missingTitles().forEach((t, list) -> {
            for (Tier m : list) {
                missing.append(missing.length() > 0 ? ";" : "").append(t.name()).append(':').append(m.name());
            }
        });
        c[16] = missing.toString();
        c[17] = String.join(";", failing(g));
        return c;
    }

    /** "TIER:CONDITION" for every gate that FAILs or is REVIEW, in tier order. */
    public static List<String> failing(Grade g) {
        List<String> out = new ArrayList<>();
        for (TierResult r : g.tiers()) {
            for (int i = 0; i < r.conditionCount(); i++) {
                ConditionDef d = r.def(i);
                Status s = r.conditionStatus(i);
                if (d.role() == Role.GATE && (s == Status.FAIL || s == Status.REVIEW)) {
                    out.add(r.tier().name() + ":" + d.id() + (s == Status.REVIEW ? "?" : ""));
                }
            }
        }
        return out;
    }

    private static void tier(Grade g, Tier t, String[] c, int status, int score) {
        TierResult r = g.tier(t);
        c[status] = r == null ? "" : r.status().name();
        if (score >= 0) {
            c[score] = r == null || r.score() == null ? "" : Integer.toString(r.score());
        }
    }
}
