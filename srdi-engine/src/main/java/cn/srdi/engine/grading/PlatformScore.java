package cn.srdi.engine.grading;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;

/** The platform score check of GRADING.md 5.2, shared by SRDI and LITTLE_GIANT of {@code cn-2026}. */
final class PlatformScore {
    private PlatformScore() {
    }

    static void check(GradeContext c, TierResult r, int i, long threshold) {
        Profile p = c.p;
        boolean has = p.has(Field.PLATFORM_SCORE);
        long score = p.get(Field.PLATFORM_SCORE);
        TierRule.actual(r, i, r.actual == null ? 0 : has ? Decimals.toDouble(score) : Double.NaN);
        if (has && score >= threshold) {
            TierRule.status(r, i, TierRule.PASS);
            return;
        }
        if (c.type == ApplicationType.REVIEW && p.has(Field.PLATFORM_SCORE_PREV) && p.get(Field.PLATFORM_SCORE_PREV) >= threshold) {
            TierRule.status(r, i, TierRule.PASS);
            TierRule.note(r, i, Note.PREVIOUS_SCORE_USED);
            return;
        }
        if (!has) {
            TierRule.status(r, i, TierRule.REVIEW);
            TierRule.note(r, i, Note.NOT_AVAILABLE);
        } else {
            TierRule.status(r, i, TierRule.FAIL);
        }
    }

    static Gap gap(GradeContext c, TierResult r, int i, long threshold) {
        Profile p = c.p;
        if (!p.has(Field.PLATFORM_SCORE)) {
            return Hints.gap(r, i, "专精特新发展评价得分尚未提供(需 ≥ " + Hints.num(threshold) + "分)，待评价结果后确定",
                    "the SRDI development evaluation score is not available yet (needs ≥ " + Hints.num(threshold) + "); decided when it arrives");
        }
        return Hints.atLeast(r, i, "专精特新发展评价得分", "SRDI development evaluation score", p.get(Field.PLATFORM_SCORE), threshold, "分");
    }
}
