package cn.srdi.engine.grading;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.RuleParams;
import java.util.List;

/** CHAMPION (制造业单项冠军) of {@code champion-2023} (GRADING.md 6): not an SME tier, no size condition. */
final class ChampionRule extends TierRule {
    private final long minYears;
    private final long minYearsNew;
    private final long minMeanRevenue;
    private final long maxRank;
    private final String section;
    /** The section as 0-25 when it is one letter, else -1 (then the code text is compared). */
    private final int sectionLetter;

    private final int exclusion;
    private final int years;
    private final int revenue;
    private final int rank;
    private final int manufacturing;
    private final int qualitative;

    ChampionRule(String ruleSetId, RuleParams p) {
        super(Tier.CHAMPION, ruleSetId, List.of());
        minYears = p.nonNegative("CH.YEARS.min_years");
        minYearsNew = p.nonNegative("CH.YEARS.min_years_new_product");
        minMeanRevenue = p.nonNegative("CH.REVENUE.min_mean_main_revenue");
        maxRank = Decimals.of(p.integer("CH.RANK.max_global_rank"));
        section = p.get("CH.MANUFACTURING.section");
        sectionLetter = section.length() == 1 && section.charAt(0) >= 'A' && section.charAt(0) <= 'Z' ? section.charAt(0) - 'A' : -1;
        exclusion = declareExclusion();
        years = gate("CH.YEARS", "从事主导产品年限(新产品 ≥ " + Hints.num(minYearsNew) + "年)", "years in the main product (new products: ≥ " + Hints.num(minYearsNew) + ")",
                Decimals.toDouble(minYears), ActualKind.NUMBER, "年");
        revenue = gate("CH.REVENUE", "近3年主营业务收入平均", "mean main revenue of the last 3 years", Decimals.toDouble(minMeanRevenue), ActualKind.NUMBER, "万元");
        rank = atMost(gate("CH.RANK", "主导产品全球市场排名", "global market rank of the main product", Decimals.toDouble(maxRank), ActualKind.NUMBER, "名"));
        manufacturing = gate("CH.MANUFACTURING", "属于制造业(门类" + section + ")", "a manufacturing enterprise (section " + section + ")", section, ActualKind.BOOLEAN, "");
        qualitative = gate("CH.QUALITATIVE", "技术、研发、管理水平行业领先", "technology, R&D and management lead the industry", true, ActualKind.BOOLEAN, "");
    }

    @Override
    void evaluate(GradeContext c, TierResult r) {
        Profile p = c.p;
        exclusion(c, r, exclusion);
        long y = p.get(Field.PRODUCT_YEARS);
        long need = p.isTrue(Field.NEW_PRODUCT) ? minYearsNew : minYears;
        set(r, years, passIf(y >= need), r.actual == null ? 0 : Decimals.toDouble(y));
        blank(r, years, p, Field.PRODUCT_YEARS);
        long sum = p.get(Field.MAIN_REVENUE_Y1) + p.get(Field.MAIN_REVENUE_Y2) + p.get(Field.MAIN_REVENUE_Y3);
        set(r, revenue, passIf(sum >= 3 * minMeanRevenue), r.actual == null ? 0 : Decimals.round4(Decimals.toDouble(sum) / 3));
        noteIf(r, revenue, Note.NOT_PROVIDED, !(p.has(Field.MAIN_REVENUE_Y2) & p.has(Field.MAIN_REVENUE_Y3)));
        boolean ranked = p.has(Field.MARKET_RANK_GLOBAL);
        set(r, rank, passIf(ranked & p.get(Field.MARKET_RANK_GLOBAL) <= maxRank), r.actual == null ? 0 : ranked ? Decimals.toDouble(p.get(Field.MARKET_RANK_GLOBAL)) : Double.NaN);
        blank(r, rank, p, Field.MARKET_RANK_GLOBAL);
        int key = p.industryKey();
        boolean manuf;
        if (key >= 0 && sectionLetter >= 0) {
            manuf = key / 100 == sectionLetter; // the code starts with its section letter
        } else {
            String code = p.text(Field.INDUSTRY_CODE);
            manuf = code != null && code.startsWith(section);
        }
        set(r, manufacturing, passIf(manuf), manuf ? 1 : 0);
        LittleGiant2022Rule.declaration(p, r, qualitative, Field.CHAMPION_QUALITATIVE);
        settle(r);
    }

    @Override
    Gap gap(int i, GradeContext c, TierResult r) {
        Gap g = commonGap(i, c, r);
        if (g != null) {
            return g;
        }
        Profile p = c.p;
        if (i == years) {
            long need = p.isTrue(Field.NEW_PRODUCT) ? minYearsNew : minYears;
            return Hints.atLeast(r, i, "从事主导产品年限", "years in the main product", p.get(Field.PRODUCT_YEARS), need, "年");
        }
        if (i == revenue) {
            long sum = p.get(Field.MAIN_REVENUE_Y1) + p.get(Field.MAIN_REVENUE_Y2) + p.get(Field.MAIN_REVENUE_Y3);
            long more = 3 * minMeanRevenue - sum;
            return Hints.gap(r, i, "近3年主营业务收入平均需 ≥ " + Hints.num(minMeanRevenue) + "万元：3年合计还差 " + Hints.num(more) + "万元",
                    "mean main revenue of 3 years needs ≥ " + Hints.num(minMeanRevenue) + "万元: " + Hints.num(more) + "万元 short over 3 years");
        }
        if (i == rank) {
            return Hints.gap(r, i, "主导产品全球市场排名需进入前" + Hints.num(maxRank), "the main product must rank in the global top " + Hints.num(maxRank));
        }
        if (i == manufacturing) {
            return Hints.gap(r, i, "单项冠军仅限制造业企业", "single champions must be manufacturers");
        }
        return Hints.declaration(r, i, "技术、研发、管理水平行业领先", "technology, R&D and management lead the industry");
    }
}
