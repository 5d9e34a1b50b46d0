package cn.srdi.engine.grading;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.RuleParams;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** LITTLE_GIANT of {@code cn-2026}, 2号 Annex 2 (GRADING.md 5.3): every condition must hold. */
final class LittleGiant2026Rule extends TierRule {
    private final long nicheMin;
    private final long revenueMin;
    private final long mainShareMin;
    private final long growthMin;
    private final long debtMax;
    private final long rdMinSum;
    private final long rdMinRatio;
    private final long ipMin;
    private final long ipExemptNational;
    private final long marketShareMin;
    private final long marketRankMax;
    private final long platformMin;

    private final int size;
    private final int exclusion;
    private final int niche;
    private final int revenue;
    private final int mainShare;
    private final int growth;
    private final int debt;
    private final int rd;
    private final int ip;
    private final int market;
    private final int field;
    private final int platform;

    LittleGiant2026Rule(String ruleSetId, RuleParams p) {
        super(Tier.LITTLE_GIANT, ruleSetId, List.of(Tier.SRDI));
        nicheMin = p.nonNegative("LG26.NICHE.min_years");
        revenueMin = p.nonNegative("LG26.REVENUE.min");
        mainShareMin = p.nonNegative("LG26.MAIN_SHARE.min_ratio");
        growthMin = p.decimal("LG26.GROWTH.min_compound_growth");
        debtMax = p.nonNegative("LG26.DEBT.max_ratio");
        rdMinSum = p.nonNegative("LG26.RD.min_sum_2y");
        rdMinRatio = p.nonNegative("LG26.RD.min_ratio");
        ipMin = Decimals.of(p.integer("LG26.IP.min_own_top3"));
        ipExemptNational = Decimals.of(p.integer("LG26.IP.exempt_max_national_rank"));
        marketShareMin = p.nonNegative("LG26.MARKET.min_share");
        marketRankMax = Decimals.of(p.integer("LG26.MARKET.max_domestic_rank"));
        platformMin = p.nonNegative("LG26.PLATFORM.min_score");

        size = declareSize();
        exclusion = declareExclusion();
        niche = gate("LG26.NICHE", "从事特定细分市场时间", "years in the niche market", Decimals.toDouble(nicheMin), ActualKind.NUMBER, "年");
        revenue = gate("LG26.REVENUE", "上年度营业收入", "revenue y1", Decimals.toDouble(revenueMin), ActualKind.NUMBER, "万元");
        mainShare = gate("LG26.MAIN_SHARE", "主营业务收入占营业收入比重", "main revenue share", Decimals.toDouble(mainShareMin), ActualKind.NUMBER, "%");
        growth = gate("LG26.GROWTH", "近2年营业收入复合增长率", "compound revenue growth over 2 years", Decimals.toDouble(growthMin), ActualKind.NUMBER, "%");
        debt = atMost(gate("LG26.DEBT", "资产负债率", "debt ratio", Decimals.toDouble(debtMax), ActualKind.NUMBER, "%"));
        rd = gate("LG26.RD", "近2年研发费用合计 ≥ " + Hints.num(rdMinSum) + "万元且每年占营业收入 ≥ " + Hints.num(rdMinRatio) + "%",
                "R&D of 2 years ≥ " + Hints.num(rdMinSum) + "万元 and ≥ " + Hints.num(rdMinRatio) + "% of revenue each year",
                "≥" + Hints.num(rdMinSum) + "万元, ≥" + Hints.num(rdMinRatio) + "% each year", ActualKind.NUMBER, "%");
        ip = gate("LG26.IP", "非受让且排名前三的Ⅰ类知识产权", "Class I IP, not transferred, ranked in the top 3", Decimals.toDouble(ipMin), ActualKind.NUMBER, "项");
        market = gate("LG26.MARKET", "细分市场占有率 ≥ " + Hints.num(marketShareMin) + "%或国内排名前" + Hints.num(marketRankMax),
                "niche market share ≥ " + Hints.num(marketShareMin) + "% or domestic rank ≤ " + Hints.num(marketRankMax),
                Decimals.toDouble(marketShareMin), ActualKind.NUMBER, "%");
        field = gate("LG26.FIELD", "属于重点领域且位于产业链关键环节", "in a key field and at a key chain link", true, ActualKind.BOOLEAN, "");
        platform = gate("LG26.PLATFORM", "专精特新发展评价得分", "SRDI development evaluation score", Decimals.toDouble(platformMin), ActualKind.NUMBER, "分");
    }

    @Override
    void evaluate(GradeContext c, TierResult r) {
        Profile p = c.p;
        commonPreconditions(c, r, size, exclusion);
        long years = p.get(Field.NICHE_YEARS);
        set(r, niche, passIf(years >= nicheMin), r.actual == null ? 0 : Decimals.toDouble(years));
        blank(r, niche, p, Field.NICHE_YEARS);
        long rev = p.get(Field.REVENUE_Y1);
        set(r, revenue, passIf(rev >= revenueMin), r.actual == null ? 0 : Decimals.toDouble(rev));
        long main = p.get(Field.MAIN_REVENUE_Y1);
        set(r, mainShare, passIf(Decimals.percentAtLeast(main, rev, mainShareMin)), r.actual == null ? 0 : Decimals.percent(main, rev));
        long rev3 = p.get(Field.REVENUE_Y3);
        double compound = rev3 > 0 ? Decimals.round4((Math.sqrt((double) rev / rev3) - 1) * 100) : Double.NaN;
        if (c.type == ApplicationType.REVIEW) {
            set(r, growth, PASS, compound);
            note(r, growth, Note.NOT_APPLICABLE);
        } else if (rev3 > 0) {
            set(r, growth, passIf(Decimals.compareCompoundGrowth(rev, rev3, growthMin) >= 0), compound);
        } else {
            set(r, growth, FAIL, Double.NaN);
            note(r, growth, Note.UNDEFINED_RATIO);
            blank(r, growth, p, Field.REVENUE_Y3);
        }
        long liab = p.get(Field.TOTAL_LIABILITIES_Y1);
        long assets = p.get(Field.TOTAL_ASSETS_Y1);
        set(r, debt, passIf(assets > 0 & Decimals.comparePercent(liab, assets, debtMax) <= 0), r.actual == null ? 0 : Decimals.percent(liab, assets));
        long rd1 = p.get(Field.RD_EXPENSE_Y1);
        long rd2 = p.get(Field.RD_EXPENSE_Y2);
        boolean y1 = Decimals.percentAtLeast(rd1, rev, rdMinRatio);
        boolean y2 = Decimals.percentAtLeast(rd2, p.get(Field.REVENUE_Y2), rdMinRatio);
        set(r, rd, passIf(rd1 + rd2 >= rdMinSum & y1 & y2), r.actual == null ? 0 : Decimals.percent(rd1, rev));
        noteIf(r, rd, Note.Y1_NOT_MET, !y1);
        noteIf(r, rd, Note.Y2_NOT_MET, !y2);
        blank(r, rd, p, Field.RD_EXPENSE_Y2);
        boolean exempt = p.has(Field.NATIONAL_AWARD_RANK) & p.get(Field.NATIONAL_AWARD_RANK) <= ipExemptNational;
        long own = p.get(Field.IP1_OWN_TOP3);
        set(r, ip, passIf(exempt | own >= ipMin), r.actual == null ? 0 : Decimals.toDouble(own));
        noteIf(r, ip, Note.EXEMPT, exempt);
        long share = p.get(Field.MARKET_SHARE_PCT);
        boolean ranked = p.has(Field.MARKET_RANK_DOMESTIC) & p.get(Field.MARKET_RANK_DOMESTIC) <= marketRankMax;
        set(r, market, passIf(share >= marketShareMin | ranked), r.actual == null ? 0 : Decimals.toDouble(share));
        blank(r, market, p, Field.MARKET_SHARE_PCT);
        boolean hasKey = p.has(Field.KEY_FIELD);
        boolean hasChain = p.has(Field.CHAIN_KEY_LINK);
        if ((hasKey && !p.isTrue(Field.KEY_FIELD)) || (hasChain && !p.isTrue(Field.CHAIN_KEY_LINK))) {
            set(r, field, FAIL, 0);
        } else if (!hasKey || !hasChain) {
            set(r, field, REVIEW, Double.NaN);
            note(r, field, Note.UNDECLARED);
        } else {
            set(r, field, PASS, 1);
        }
        PlatformScore.check(c, r, platform, platformMin);
        settle(r);
    }

    @Override
    Gap gap(int i, GradeContext c, TierResult r) {
        Gap g = commonGap(i, c, r);
        if (g != null) {
            return g;
        }
        Profile p = c.p;
        long rev = p.get(Field.REVENUE_Y1);
        if (i == niche) {
            return Hints.atLeast(r, i, "从事细分市场年限", "niche years", p.get(Field.NICHE_YEARS), nicheMin, "年");
        }
        if (i == revenue) {
            return Hints.atLeast(r, i, "上年度营业收入", "revenue y1", rev, revenueMin, "万元");
        }
        if (i == mainShare) {
            String[] h = Hints.percentAtLeast("主营业务收入", "main revenue", "营业收入", "revenue", p.get(Field.MAIN_REVENUE_Y1), rev, mainShareMin);
            return Hints.gap(r, i, h[0], h[1]);
        }
        if (i == growth) {
            long rev3 = p.get(Field.REVENUE_Y3);
            if (rev3 <= 0) {
                return Hints.gap(r, i, "大前年营业收入缺失或为0，复合增长率无法计算", "revenue y3 missing or 0: compound growth undefined");
            }
            BigDecimal f = BigDecimal.ONE.add(BigDecimal.valueOf(growthMin).divide(BigDecimal.valueOf(100 * Decimals.SCALE)));
            long need = f.multiply(f).multiply(BigDecimal.valueOf(rev3)).setScale(0, RoundingMode.CEILING).longValueExact();
            return Hints.gap(r, i,
                    "营业收入复合增长率 " + Hints.pct(r.actualNumber(i)) + "%，需 ≥ " + Hints.num(growthMin) + "%：上年营业收入需达到 " + Hints.num(need) + "万元(增加 " + Hints.num(need - rev) + "万元)",
                    "compound revenue growth " + Hints.pct(r.actualNumber(i)) + "%, needs " + Hints.num(growthMin) + "%: revenue y1 of " + Hints.num(need) + "万元 (+" + Hints.num(need - rev) + "万元)");
        }
        if (i == debt) {
            return LittleGiant2022Rule.debtGap(p, r, i, debtMax);
        }
        if (i == rd) {
            long sum = p.get(Field.RD_EXPENSE_Y1) + p.get(Field.RD_EXPENSE_Y2);
            Gap each = Srdi2026Rule.rdEachYearGap(p, r, i, 0, rdMinRatio);
            String zh = each.hintZh();
            String en = each.hintEn();
            if (sum < rdMinSum) {
                zh = "近2年研发费用合计 " + Hints.num(sum) + "万元，需 ≥ " + Hints.num(rdMinSum) + "万元：还需增加 " + Hints.num(rdMinSum - sum) + "万元" + (zh.isEmpty() ? "" : "；" + zh);
                en = "R&D of 2 years " + Hints.num(sum) + "万元, needs ≥ " + Hints.num(rdMinSum) + "万元: +" + Hints.num(rdMinSum - sum) + "万元" + (en.isEmpty() ? "" : "; " + en);
            }
            return Hints.gap(r, i, zh, en);
        }
        if (i == ip) {
            return Hints.atLeast(r, i, "非受让且排名前三的Ⅰ类知识产权", "own top-3 Class I IP", p.get(Field.IP1_OWN_TOP3), ipMin, "项");
        }
        if (i == market) {
            Gap a = Hints.atLeast(r, i, "细分市场占有率", "niche market share", p.get(Field.MARKET_SHARE_PCT), marketShareMin, "%");
            return Hints.gap(r, i, a.hintZh() + "；或国内细分市场排名进入前" + Hints.num(marketRankMax), a.hintEn() + "; or a domestic rank ≤ " + Hints.num(marketRankMax));
        }
        if (i == field) {
            return Hints.declaration(r, i, "属于重点领域且位于产业链关键环节", "in a key field and at a key link of an industrial chain");
        }
        return PlatformScore.gap(c, r, i, platformMin);
    }
}
