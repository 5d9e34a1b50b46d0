package cn.srdi.engine.grading;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.RdInstitutionLevel;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.RuleParams;
import java.util.ArrayList;
import java.util.List;

/** SRDI of {@code cn-2026}, 2号 Annex 1 (GRADING.md 5.2): no score, every condition must hold. */
final class Srdi2026Rule extends TierRule {
    private final long nicheMin;
    private final long scaleRevenue;
    private final long scaleEquity;
    private final long mainShareMin;
    private final long debtMax;
    private final long rdMinAmount;
    private final long rdMinRatio;
    private final long ipMinApplied;
    private final long exemptProvincial;
    private final long exemptNational;
    private final int exemptInstitution;
    private final long platformMin;

    private final int size;
    private final int exclusion;
    private final int niche;
    private final int scale;
    private final int mainShare;
    private final int debt;
    private final int rd;
    private final int ip;
    private final int market;
    private final int platform;

    Srdi2026Rule(String ruleSetId, RuleParams p) {
        super(Tier.SRDI, ruleSetId, List.of(Tier.TECH_INNOVATIVE));
        nicheMin = p.nonNegative("SRDI26.NICHE.min_years");
        scaleRevenue = p.nonNegative("SRDI26.SCALE.min_revenue");
        scaleEquity = p.nonNegative("SRDI26.SCALE.min_equity_2y");
        mainShareMin = p.nonNegative("SRDI26.MAIN_SHARE.min_ratio");
        debtMax = p.nonNegative("SRDI26.DEBT.max_ratio");
        rdMinAmount = p.nonNegative("SRDI26.RD.min_amount");
        rdMinRatio = p.nonNegative("SRDI26.RD.min_ratio");
        ipMinApplied = Decimals.of(p.integer("SRDI26.IP.min_ip1_applied"));
        exemptProvincial = Decimals.of(p.integer("SRDI26.IP.exempt_max_provincial_rank"));
        exemptNational = Decimals.of(p.integer("SRDI26.IP.exempt_max_national_rank"));
        exemptInstitution = p.enumValue("SRDI26.IP.exempt_min_institution", RdInstitutionLevel.class).ordinal();
        platformMin = p.nonNegative("SRDI26.PLATFORM.min_score");

        size = declareSize();
        exclusion = declareExclusion();
        niche = gate("SRDI26.NICHE", "从事特定细分市场时间", "years in the niche market", Decimals.toDouble(nicheMin), ActualKind.NUMBER, "年");
        scale = gate("SRDI26.SCALE", "上年度营业收入 ≥ " + Hints.num(scaleRevenue) + "万元，或近2年新增股权融资 ≥ " + Hints.num(scaleEquity) + "万元",
                "revenue y1 ≥ " + Hints.num(scaleRevenue) + "万元, or equity financing ≥ " + Hints.num(scaleEquity) + "万元 in 2 years",
                Decimals.toDouble(scaleRevenue), ActualKind.NUMBER, "万元");
        mainShare = gate("SRDI26.MAIN_SHARE", "主营业务收入占营业收入比重", "main revenue share", Decimals.toDouble(mainShareMin), ActualKind.NUMBER, "%");
        debt = atMost(gate("SRDI26.DEBT", "资产负债率", "debt ratio", Decimals.toDouble(debtMax), ActualKind.NUMBER, "%"));
        rd = gate("SRDI26.RD", "近2年每年研发费用 ≥ " + Hints.num(rdMinAmount) + "万元且占营业收入 ≥ " + Hints.num(rdMinRatio) + "%",
                "R&D ≥ " + Hints.num(rdMinAmount) + "万元 and ≥ " + Hints.num(rdMinRatio) + "% of revenue in each of the last 2 years",
                "≥" + Hints.num(rdMinAmount) + "万元, ≥" + Hints.num(rdMinRatio) + "% each year", ActualKind.NUMBER, "%");
        ip = gate("SRDI26.IP", "已实施并产生效益的Ⅰ类知识产权", "Class I IP applied with benefit", Decimals.toDouble(ipMinApplied), ActualKind.NUMBER, "项");
        market = gate("SRDI26.MARKET", "细分市场占有率较为靠前", "a leading niche market share", true, ActualKind.BOOLEAN, "");
        platform = gate("SRDI26.PLATFORM", "专精特新发展评价得分", "SRDI development evaluation score", Decimals.toDouble(platformMin), ActualKind.NUMBER, "分");
    }

    @Override
    void evaluate(GradeContext c, TierResult r) {
        Profile p = c.p;
        commonPreconditions(c, r, size, exclusion);
        long years = p.get(Field.NICHE_YEARS);
        set(r, niche, passIf(years >= nicheMin), r.actual == null ? 0 : Decimals.toDouble(years));
        blank(r, niche, p, Field.NICHE_YEARS);
        long rev = p.get(Field.REVENUE_Y1);
        set(r, scale, passIf(rev >= scaleRevenue | p.get(Field.EQUITY_FINANCING_2Y) >= scaleEquity), r.actual == null ? 0 : Decimals.toDouble(rev));
        long main = p.get(Field.MAIN_REVENUE_Y1);
        set(r, mainShare, passIf(Decimals.percentAtLeast(main, rev, mainShareMin)), r.actual == null ? 0 : Decimals.percent(main, rev));
        if (rev <= 0) {
            note(r, mainShare, Note.UNDEFINED_RATIO);
        }
        long liab = p.get(Field.TOTAL_LIABILITIES_Y1);
        long assets = p.get(Field.TOTAL_ASSETS_Y1);
        set(r, debt, passIf(assets > 0 & Decimals.comparePercent(liab, assets, debtMax) <= 0), r.actual == null ? 0 : Decimals.percent(liab, assets));
        rdEachYear(p, r, rd, rdMinAmount, rdMinRatio);
        boolean exempt = (p.has(Field.PROVINCIAL_AWARD_RANK) & p.get(Field.PROVINCIAL_AWARD_RANK) <= exemptProvincial)
                | (p.has(Field.NATIONAL_AWARD_RANK) & p.get(Field.NATIONAL_AWARD_RANK) <= exemptNational)
                | p.rdInstitution().ordinal() >= exemptInstitution;
        long applied = p.get(Field.IP1_APPLIED);
        set(r, ip, passIf(exempt | applied >= ipMinApplied), r.actual == null ? 0 : Decimals.toDouble(applied));
        noteIf(r, ip, Note.EXEMPT, exempt);
        LittleGiant2022Rule.declaration(p, r, market, Field.MARKET_POSITION_HIGH);
        PlatformScore.check(c, r, platform, platformMin);
        settle(r);
    }

    /** R&D amount ≥ min and ratio ≥ min in each of y1 and y2; actual is the y1 ratio. */
    static void rdEachYear(Profile p, TierResult r, int i, long minAmount, long minRatio) {
        long rd1 = p.get(Field.RD_EXPENSE_Y1);
        long rd2 = p.get(Field.RD_EXPENSE_Y2);
        boolean y1 = rd1 >= minAmount & Decimals.percentAtLeast(rd1, p.get(Field.REVENUE_Y1), minRatio);
        boolean y2 = rd2 >= minAmount & Decimals.percentAtLeast(rd2, p.get(Field.REVENUE_Y2), minRatio);
        set(r, i, passIf(y1 & y2), r.actual == null ? 0 : Decimals.percent(rd1, p.get(Field.REVENUE_Y1)));
        noteIf(r, i, Note.Y1_NOT_MET, !y1);
        noteIf(r, i, Note.Y2_NOT_MET, !y2);
        blank(r, i, p, Field.RD_EXPENSE_Y2);
    }

    static Gap rdEachYearGap(Profile p, TierResult r, int i, long minAmount, long minRatio) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        long[][] years = {
            {p.get(Field.RD_EXPENSE_Y1), p.get(Field.REVENUE_Y1)},
            {p.get(Field.RD_EXPENSE_Y2), p.get(Field.REVENUE_Y2)}};
        String[] zhYear = {"上年", "前年"};
        String[] enYear = {"y1", "y2"};
        for (int k = 0; k < 2; k++) {
            long rdk = years[k][0];
            if (rdk < minAmount) {
                zh.add(zhYear[k] + "研发费用 " + Hints.num(rdk) + "万元，需 ≥ " + Hints.num(minAmount) + "万元");
                en.add("R&D " + enYear[k] + " " + Hints.num(rdk) + "万元, needs ≥ " + Hints.num(minAmount) + "万元");
            }
            if (!Decimals.percentAtLeast(rdk, years[k][1], minRatio)) {
                String[] h = Hints.percentAtLeast(zhYear[k] + "研发费用", "R&D " + enYear[k], zhYear[k] + "营业收入", "revenue " + enYear[k], rdk, years[k][1], minRatio);
                zh.add(h[0]);
                en.add(h[1]);
            }
        }
        return Hints.gap(r, i, String.join("；", zh), String.join("; ", en));
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
        if (i == scale) {
            return Hints.gap(r, i,
                    "营业收入 " + Hints.num(rev) + "万元，需 ≥ " + Hints.num(scaleRevenue) + "万元：还需增加 " + Hints.num(scaleRevenue - rev) + "万元；或近2年新增股权融资达到 " + Hints.num(scaleEquity) + "万元",
                    "revenue " + Hints.num(rev) + "万元, needs ≥ " + Hints.num(scaleRevenue) + "万元: +" + Hints.num(scaleRevenue - rev) + "万元; or equity financing of " + Hints.num(scaleEquity) + "万元 in 2 years");
        }
        if (i == mainShare) {
            String[] h = Hints.percentAtLeast("主营业务收入", "main revenue", "营业收入", "revenue", p.get(Field.MAIN_REVENUE_Y1), rev, mainShareMin);
            return Hints.gap(r, i, h[0], h[1]);
        }
        if (i == debt) {
            return LittleGiant2022Rule.debtGap(p, r, i, debtMax);
        }
        if (i == rd) {
            return rdEachYearGap(p, r, i, rdMinAmount, rdMinRatio);
        }
        if (i == ip) {
            return Hints.atLeast(r, i, "已实施并产生效益的Ⅰ类知识产权", "applied Class I IP", p.get(Field.IP1_APPLIED), ipMinApplied, "项");
        }
        if (i == market) {
            return Hints.declaration(r, i, "细分市场占有率较为靠前", "a leading niche market share");
        }
        return PlatformScore.gap(c, r, i, platformMin);
    }
}
