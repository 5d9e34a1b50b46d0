package cn.srdi.engine.grading;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.RdInstitutionLevel;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.RuleParams;
import java.util.ArrayList;
import java.util.List;

/** LITTLE_GIANT (专精特新"小巨人") of {@code cn-2022}, 63号 Annex 3 and the 2025 notice (GRADING.md 4.3). */
final class LittleGiant2022Rule extends TierRule {
    private final long nicheMin;
    private final long mainShareMin;
    private final long growthMin;
    private final long infoMin;
    private final long debtMax;
    private final long marketMin;
    private final long directNational;
    private final long directMaker;
    private final long highRevenue;
    private final long highRatio;
    private final long midRevenue;
    private final long midRatio;
    private final long lowEquity;
    private final long lowRdSum;
    private final long lowStaffShare;
    private final long minApplied;
    private final long floorFrom;
    private final long floorRevenue;

    private final int size;
    private final int exclusion;
    private final int niche;
    private final int mainShare;
    private final int growth;
    private final int info;
    private final int cert;
    private final int debt;
    private final int market;
    private final int brand;
    private final int innovation;
    private final int chain;
    private final int field;
    private final int revenueFloor;

    LittleGiant2022Rule(String ruleSetId, RuleParams p) {
        super(Tier.LITTLE_GIANT, ruleSetId, List.of(Tier.SRDI));
        nicheMin = p.nonNegative("LG.NICHE.min_years");
        mainShareMin = p.nonNegative("LG.MAIN_SHARE.min_ratio");
        growthMin = p.decimal("LG.GROWTH.min_mean_growth");
        infoMin = Decimals.of(p.integer("LG.INFO_SYSTEM.min_processes"));
        debtMax = p.nonNegative("LG.DEBT.max_ratio");
        marketMin = p.nonNegative("LG.MARKET.min_share");
        directNational = Decimals.of(p.integer("LG.INNOVATION.direct_max_national_rank"));
        directMaker = Decimals.of(p.integer("LG.INNOVATION.direct_max_maker_rank"));
        highRevenue = p.nonNegative("LG.INNOVATION.high_revenue");
        highRatio = p.nonNegative("LG.INNOVATION.high_ratio");
        midRevenue = p.nonNegative("LG.INNOVATION.mid_revenue");
        midRatio = p.nonNegative("LG.INNOVATION.mid_ratio");
        lowEquity = p.nonNegative("LG.INNOVATION.low_min_equity_2y");
        lowRdSum = p.nonNegative("LG.INNOVATION.low_min_rd_sum");
        lowStaffShare = p.nonNegative("LG.INNOVATION.low_min_rd_staff_share");
        minApplied = Decimals.of(p.integer("LG.INNOVATION.min_ip1_applied"));
        floorFrom = p.date("LG.REVENUE_FLOOR.from").toEpochDay();
        floorRevenue = p.nonNegative("LG.REVENUE_FLOOR.min_revenue");

        size = declareSize();
        exclusion = declareExclusion();
        niche = gate("LG.NICHE", "从事特定细分市场时间", "years in the niche market", Decimals.toDouble(nicheMin), ActualKind.NUMBER, "年");
        mainShare = gate("LG.MAIN_SHARE", "主营业务收入占营业收入比重", "main revenue share", Decimals.toDouble(mainShareMin), ActualKind.NUMBER, "%");
        growth = gate("LG.GROWTH", "近2年主营业务收入平均增长率", "average main revenue growth over 2 years", Decimals.toDouble(growthMin), ActualKind.NUMBER, "%");
        info = gate("LG.INFO_SYSTEM", "信息系统支撑的核心业务环节数", "core business processes supported by information systems", Decimals.toDouble(infoMin), ActualKind.NUMBER, "个");
        cert = gate("LG.CERT", "通过质量管理体系认证", "quality management system certified", true, ActualKind.BOOLEAN, "");
        debt = atMost(gate("LG.DEBT", "资产负债率", "debt ratio", Decimals.toDouble(debtMax), ActualKind.NUMBER, "%"));
        market = gate("LG.MARKET", "细分市场占有率", "niche market share", Decimals.toDouble(marketMin), ActualKind.NUMBER, "%");
        brand = gate("LG.BRAND", "拥有自主品牌", "own brand", true, ActualKind.BOOLEAN, "");
        innovation = gate("LG.INNOVATION", "创新能力(按营业收入分档的研发投入、研发机构、已实施Ⅰ类知识产权 ≥ " + Hints.num(minApplied) + "项，或直通条件)",
                "innovation (R&D by revenue band, an R&D institution, ≥ " + Hints.num(minApplied) + " applied Class I IP, or a direct condition)",
                "see notes", ActualKind.NONE, "");
        chain = gate("LG.CHAIN", "位于产业链关键环节", "at a key link of an industrial chain", true, ActualKind.BOOLEAN, "");
        field = gate("LG.FIELD", "属于重点领域", "in a key field", true, ActualKind.BOOLEAN, "");
        revenueFloor = gate("LG.REVENUE_FLOOR", "上年度营业收入(2025年起新申报)", "revenue y1 (new applications from 2025-05-14)",
                Decimals.toDouble(floorRevenue), ActualKind.NUMBER, "万元");
    }

    @Override
    void evaluate(GradeContext c, TierResult r) {
        Profile p = c.p;
        commonPreconditions(c, r, size, exclusion);
        long years = p.get(Field.NICHE_YEARS);
        set(r, niche, passIf(years >= nicheMin), r.actual == null ? 0 : Decimals.toDouble(years));
        blank(r, niche, p, Field.NICHE_YEARS);
        long rev = p.get(Field.REVENUE_Y1);
        long main = p.get(Field.MAIN_REVENUE_Y1);
        set(r, mainShare, passIf(Decimals.percentAtLeast(main, rev, mainShareMin)), r.actual == null ? 0 : Decimals.percent(main, rev));
        if (rev <= 0) {
            note(r, mainShare, Note.UNDEFINED_RATIO);
        }
        meanGrowth(p, r, growth, growthMin);
        long processes = p.get(Field.INFO_SYSTEM_PROCESSES);
        set(r, info, passIf(processes >= infoMin), r.actual == null ? 0 : Decimals.toDouble(processes));
        blank(r, info, p, Field.INFO_SYSTEM_PROCESSES);
        flag(p, r, cert, Field.QUALITY_CERT);
        long liab = p.get(Field.TOTAL_LIABILITIES_Y1);
        long assets = p.get(Field.TOTAL_ASSETS_Y1);
        set(r, debt, passIf(assets > 0 & Decimals.comparePercent(liab, assets, debtMax) <= 0), r.actual == null ? 0 : Decimals.percent(liab, assets));
        if (assets <= 0) {
            note(r, debt, Note.UNDEFINED_RATIO);
        }
        long share = p.get(Field.MARKET_SHARE_PCT);
        set(r, market, passIf(share >= marketMin), r.actual == null ? 0 : Decimals.toDouble(share));
        blank(r, market, p, Field.MARKET_SHARE_PCT);
        flag(p, r, brand, Field.OWN_BRAND);
        innovation(p, r, rev);
        declaration(p, r, chain, Field.CHAIN_KEY_LINK);
        declaration(p, r, field, Field.KEY_FIELD);
        if (c.epochDay >= floorFrom && c.type == ApplicationType.NEW) {
            set(r, revenueFloor, passIf(rev >= floorRevenue), r.actual == null ? 0 : Decimals.toDouble(rev));
        } else {
            set(r, revenueFloor, PASS, r.actual == null ? 0 : Decimals.toDouble(rev));
            note(r, revenueFloor, Note.NOT_APPLICABLE);
        }
        settle(r);
    }

    private void innovation(Profile p, TierResult r, long rev) {
        boolean direct = (p.has(Field.NATIONAL_AWARD_RANK) & p.get(Field.NATIONAL_AWARD_RANK) <= directNational)
                | (p.has(Field.MAKER_CHINA_RANK) & p.get(Field.MAKER_CHINA_RANK) <= directMaker);
        actual(r, innovation, Double.NaN);
        // every part is evaluated (no side effects); a direct condition exempts from the others' notes
        boolean band = rdBandHolds(p, rev);
        boolean institution = p.rdInstitution() != RdInstitutionLevel.NONE;
        boolean applied = p.get(Field.IP1_APPLIED) >= minApplied;
        noteIf(r, innovation, Note.EXEMPT, direct);
        noteIf(r, innovation, Note.RD_BAND_NOT_MET, !direct & !band);
        noteIf(r, innovation, Note.NO_RD_INSTITUTION, !direct & !institution);
        noteIf(r, innovation, Note.TOO_FEW_APPLIED_IP, !direct & !applied);
        status(r, innovation, passIf(direct | (band & institution & applied)));
    }

    private boolean rdBandHolds(Profile p, long rev) {
        long rd1 = p.get(Field.RD_EXPENSE_Y1);
        long rd2 = p.get(Field.RD_EXPENSE_Y2);
        long rev2 = p.get(Field.REVENUE_Y2);
        if (rev >= highRevenue) {
            return Decimals.percentAtLeast(rd1, rev, highRatio) & Decimals.percentAtLeast(rd2, rev2, highRatio);
        }
        if (rev >= midRevenue) {
            return Decimals.percentAtLeast(rd1, rev, midRatio) & Decimals.percentAtLeast(rd2, rev2, midRatio);
        }
        return p.get(Field.EQUITY_FINANCING_2Y) >= lowEquity & rd1 + rd2 >= lowRdSum
                & Decimals.percentAtLeast(p.get(Field.RD_STAFF_Y1), p.get(Field.EMPLOYEES_Y1), lowStaffShare);
    }

    /** A mean-growth gate (rule 2.5): the mean of the defined yearly growths, FAIL when neither is defined. */
    static void meanGrowth(Profile p, TierResult r, int i, long min) {
        long a = p.get(Field.MAIN_REVENUE_Y1);
        long b = p.get(Field.MAIN_REVENUE_Y2);
        long c = p.get(Field.MAIN_REVENUE_Y3);
        if (b > 0 && c > 0) {
            set(r, i, passIf(Decimals.compareMeanGrowth(a, b, c, min) >= 0), r.actual == null ? 0 : Decimals.round4((Decimals.percent(a - b, b) + Decimals.percent(b - c, c)) / 2));
        } else if (b > 0) {
            set(r, i, passIf(Decimals.compareGrowth(a, b, min) >= 0), r.actual == null ? 0 : Decimals.percent(a - b, b));
        } else if (c > 0) {
            set(r, i, passIf(Decimals.compareGrowth(b, c, min) >= 0), r.actual == null ? 0 : Decimals.percent(b - c, c));
        } else {
            set(r, i, FAIL, Double.NaN);
            note(r, i, Note.UNDEFINED_RATIO);
        }
        if (!p.has(Field.MAIN_REVENUE_Y2) || !p.has(Field.MAIN_REVENUE_Y3)) {
            note(r, i, Note.NOT_PROVIDED);
        }
    }

    static void flag(Profile p, TierResult r, int i, Field f) {
        set(r, i, passIf(p.isTrue(f)), p.isTrue(f) ? 1 : 0);
        blank(r, i, p, f);
    }

    /** A declaration: true passes, false fails, blank is REVIEW (rule 2.6). */
    static void declaration(Profile p, TierResult r, int i, Field f) {
        if (!p.has(f)) {
            set(r, i, REVIEW, Double.NaN);
            note(r, i, Note.UNDECLARED);
        } else {
            set(r, i, passIf(p.isTrue(f)), p.isTrue(f) ? 1 : 0);
        }
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
        if (i == mainShare) {
            String[] h = Hints.percentAtLeast("主营业务收入", "main revenue", "营业收入", "revenue", p.get(Field.MAIN_REVENUE_Y1), rev, mainShareMin);
            return Hints.gap(r, i, h[0], h[1]);
        }
        if (i == growth) {
            return growthGap(p, r, i, growthMin);
        }
        if (i == info) {
            return Hints.atLeast(r, i, "信息系统支撑的核心业务环节", "core processes on information systems", p.get(Field.INFO_SYSTEM_PROCESSES), infoMin, "个");
        }
        if (i == cert) {
            return Hints.mustHave(r, i, "质量管理体系认证", "a quality management system certification");
        }
        if (i == debt) {
            return debtGap(p, r, i, debtMax);
        }
        if (i == market) {
            return Hints.atLeast(r, i, "细分市场占有率", "niche market share", p.get(Field.MARKET_SHARE_PCT), marketMin, "%");
        }
        if (i == brand) {
            return Hints.mustHave(r, i, "自主品牌", "an own brand");
        }
        if (i == innovation) {
            return innovationGap(p, r, i, rev);
        }
        if (i == chain) {
            return Hints.declaration(r, i, "位于产业链关键环节", "at a key link of an industrial chain");
        }
        if (i == field) {
            return Hints.declaration(r, i, "属于重点领域(六基/十大重点产业/网络强国)", "in a key field (six basics, ten key industries, cyber power)");
        }
        return Hints.atLeast(r, i, "上年度营业收入", "revenue y1", rev, floorRevenue, "万元");
    }

    private Gap innovationGap(Profile p, TierResult r, int i, long rev) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (!rdBandHolds(p, rev)) {
            long rd1 = p.get(Field.RD_EXPENSE_Y1);
            long rd2 = p.get(Field.RD_EXPENSE_Y2);
            long rev2 = p.get(Field.REVENUE_Y2);
            long ratio = rev >= highRevenue ? highRatio : rev >= midRevenue ? midRatio : -1;
            if (ratio >= 0) {
                String[] h1 = Hints.percentAtLeast("上年研发费用", "R&D y1", "营业收入", "revenue", rd1, rev, ratio);
                if (!Decimals.percentAtLeast(rd1, rev, ratio)) {
                    zh.add(h1[0]);
                    en.add(h1[1]);
                }
                if (!Decimals.percentAtLeast(rd2, rev2, ratio)) {
                    String[] h2 = Hints.percentAtLeast("前年研发费用", "R&D y2", "前年营业收入", "revenue y2", rd2, rev2, ratio);
                    zh.add(h2[0]);
                    en.add(h2[1]);
                }
            } else {
                zh.add("营业收入低于" + Hints.num(midRevenue) + "万元时，需近2年股权融资 ≥ " + Hints.num(lowEquity) + "万元、近2年研发费用合计 ≥ "
                        + Hints.num(lowRdSum) + "万元(现 " + Hints.num(rd1 + rd2) + "万元)且研发人员占比 ≥ " + Hints.num(lowStaffShare) + "%");
                en.add("below " + Hints.num(midRevenue) + "万元 of revenue: equity financing ≥ " + Hints.num(lowEquity) + "万元 in 2 years, R&D of 2 years ≥ "
                        + Hints.num(lowRdSum) + "万元 (now " + Hints.num(rd1 + rd2) + "万元) and R&D staff ≥ " + Hints.num(lowStaffShare) + "%");
            }
        }
        if (p.rdInstitution() == RdInstitutionLevel.NONE) {
            zh.add("需建立研发机构");
            en.add("set up an R&D institution");
        }
        long applied = p.get(Field.IP1_APPLIED);
        if (applied < minApplied) {
            zh.add("已实施Ⅰ类知识产权 " + Hints.num(applied) + "项，需 ≥ " + Hints.num(minApplied) + "项");
            en.add("applied Class I IP " + Hints.num(applied) + ", needs ≥ " + Hints.num(minApplied));
        }
        return Hints.gap(r, i, String.join("；", zh), String.join("; ", en));
    }

    static Gap growthGap(Profile p, TierResult r, int i, long min) {
        long b = p.get(Field.MAIN_REVENUE_Y2);
        long c = p.get(Field.MAIN_REVENUE_Y3);
        long a = p.get(Field.MAIN_REVENUE_Y1);
        if (b > 0) {
            long need = c > 0 ? Improvements.valueForMeanGrowth(b, c, min) : Improvements.valueForGrowth(b, min);
            long inc = Math.max(0, need - a);
            return Hints.gap(r, i,
                    "近2年主营业务收入平均增长率 " + Hints.pct(r.actualNumber(i)) + "%，需 ≥ " + Hints.num(min) + "%：上年主营业务收入需增加 " + Hints.num(inc) + "万元",
                    "average main revenue growth " + Hints.pct(r.actualNumber(i)) + "%, needs " + Hints.num(min) + "%: +" + Hints.num(inc) + "万元 of main revenue in y1");
        }
        return Hints.gap(r, i, "前两年主营业务收入缺失或为0，增长率无法计算", "main revenue of earlier years missing or 0: growth undefined");
    }

    static Gap debtGap(Profile p, TierResult r, int i, long max) {
        long liab = p.get(Field.TOTAL_LIABILITIES_Y1);
        long assets = p.get(Field.TOTAL_ASSETS_Y1);
        if (assets <= 0) {
            return Hints.gap(r, i, "资产总额为0，资产负债率无法计算", "total assets are 0: debt ratio undefined");
        }
        long limit = java.math.BigDecimal.valueOf(max).multiply(java.math.BigDecimal.valueOf(assets))
                .divide(java.math.BigDecimal.valueOf(100 * Decimals.SCALE), 0, java.math.RoundingMode.FLOOR).longValueExact();
        long dec = Math.max(0, liab - limit);
        return Hints.gap(r, i,
                "资产负债率 " + Hints.pct(r.actualNumber(i)) + "%，需 ≤ " + Hints.num(max) + "%：在当前资产下负债需减少 " + Hints.num(dec) + "万元",
                "debt ratio " + Hints.pct(r.actualNumber(i)) + "%, needs ≤ " + Hints.num(max) + "%: −" + Hints.num(dec) + "万元 of liabilities at these assets");
    }
}
