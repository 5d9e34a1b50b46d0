package cn.srdi.engine.grading;

import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.RuleParams;
import java.util.List;

/** INNOVATIVE (创新型中小企业) of {@code cn-2022}: a direct condition, or the score (GRADING.md 4.1). */
final class InnovativeRule extends TierRule {
    private final int size;
    private final int exclusion;
    private final InnovativeBlock block;
    private final int qualify;

    InnovativeRule(String ruleSetId, RuleParams p) {
        super(Tier.INNOVATIVE, ruleSetId, List.of());
        size = declareSize();
        exclusion = declareExclusion();
        block = new InnovativeBlock(p);
        block.declare(this);
        qualify = gate("INN.QUALIFY", "满足任一直通条件，或评价得分达标", "a direct condition holds, or the score passes",
                "DIRECT or SCORE", ActualKind.NONE, "");
    }

    @Override
    void evaluate(GradeContext c, TierResult r) {
        commonPreconditions(c, r, size, exclusion);
        int routes = block.evaluate(c, r);
        set(r, qualify, passIf(routes != 0), Double.NaN);
        r.score = r.innovativeScore;
        r.route = (routes & 1) != 0 ? Route.DIRECT : Route.SCORE;
        settle(r);
    }

    @Override
    Gap gap(int i, GradeContext c, TierResult r) {
        Gap g = commonGap(i, c, r);
        if (g != null) {
            return g;
        }
        String[] h = block.scoreHint(c, r);
        return new Gap(defs[i].id(), r.conditionStatus(i), r.innovativeScore, block.passMark, h[0], h[1]);
    }
}
