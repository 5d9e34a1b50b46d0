package cn.srdi.engine.grading;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.MainProductField;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.RdInstitutionLevel;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.Bands;
import cn.srdi.engine.rules.RuleParams;
import java.util.ArrayList;
import java.util.List;

/**
 * SRDI (专精特新中小企业) of {@code cn-2022}, 63号 Annex 2 (GRADING.md 4.2): three basic conditions,
 * then a direct condition or a score of at least the pass mark.
 */
final class Srdi2022Rule extends TierRule {
    private static final String[] DIMS = {"专业化", "精细化", "特色化", "创新能力"};

    private final long nicheMin;
    private final long rdMinAmount;
    private final long rdMinRatio;
    private final long scaleRevenue;
    private final long scaleEquity;
    private final long awardProvincial;
    private final long awardNational;
    private final long rdMeanMin;
    private final long equityDirect;
    private final long makerRank;
    private final Bands mainShare;
    private final Bands growth;
    private final long nicheYearsPerPoint;
    private final int nicheMax;
    private final int fieldChainKey;
    private final int fieldSixBasics;
    private final int fieldOther;
    /** Points by main-product field ordinal (a look-up, not a branch on the field). */
    private final int[] fieldPoints = new int[MainProductField.values().length];
    private final Bands digital;
    private final int qualityPerItem;
    private final int qualityMax;
    private final Bands netMargin;
    private final Bands debt;
    private final int localMax;
    private final int ipHigh;
    private final int ipSelf;
    private final int ipAny;
    private final int ipClass2;
    private final Bands rdAmount;
    private final Bands rdRatio;
    private final Bands rdStaff;
    private final int[] institutionPoints = new int[RdInstitutionLevel.values().length];
    private final int passMark;

    private final int size;
    private final int exclusion;
    private final int niche;
    private final int rd;
    private final int scale;
    private final int dAward;
    private final int dRdMean;
    private final int dEquity;
    private final int dMaker;
    private final int iMainShare;
    private final int iGrowth;
    private final int iNicheYears;
    private final int iField;
    private final int iDigital;
    private final int iQuality;
    private final int iNetMargin;
    private final int iDebt;
    private final int iLocal;
    private final int iIp;
    private final int iRdInput;
    private final int iRdStaff;
    private final int iInstitution;
    private final int aScore;
    private final int qualify;

    Srdi2022Rule(String ruleSetId, RuleParams p) {
        super(Tier.SRDI, ruleSetId, List.of());
        nicheMin = p.nonNegative("SRDI.NICHE.min_years");
        rdMinAmount = p.nonNegative("SRDI.RD.min_amount");
        rdMinRatio = p.nonNegative("SRDI.RD.min_ratio");
        scaleRevenue = p.nonNegative("SRDI.SCALE.min_revenue");
        scaleEquity = p.nonNegative("SRDI.SCALE.min_equity_2y");
        awardProvincial = Decimals.of(p.integer("SRDI.DIRECT.AWARD.max_provincial_rank"));
        awardNational = Decimals.of(p.integer("SRDI.DIRECT.AWARD.max_national_rank"));
        rdMeanMin = p.nonNegative("SRDI.DIRECT.RD_MEAN.min");
        equityDirect = p.nonNegative("SRDI.DIRECT.EQUITY.min");
        makerRank = Decimals.of(p.integer("SRDI.DIRECT.MAKER.max_rank"));
        mainShare = p.bands("SRDI.MAIN_SHARE.bands");
        growth = p.bands("SRDI.GROWTH.bands");
        nicheYearsPerPoint = p.nonNegative("SRDI.NICHE_YEARS.years_per_point");
        if (nicheYearsPerPoint == 0) {
            throw p.fail("SRDI.NICHE_YEARS.years_per_point", "必须大于0", "must be greater than 0");
        }
        nicheMax = p.integer("SRDI.NICHE_YEARS.max");
        fieldChainKey = p.integer("SRDI.FIELD.chain_key");
        fieldSixBasics = p.integer("SRDI.FIELD.six_basics");
        fieldOther = p.integer("SRDI.FIELD.other");
        for (MainProductField f : MainProductField.values()) {
            fieldPoints[f.ordinal()] = switch (f) {
                case CHAIN_KEY -> fieldChainKey;
                case SIX_BASICS -> fieldSixBasics;
                case OTHER -> fieldOther;
            };
        }
        digital = p.bands("SRDI.DIGITAL.bands");
        qualityPerItem = p.integer("SRDI.QUALITY.per_item");
        qualityMax = p.integer("SRDI.QUALITY.max");
        netMargin = p.bands("SRDI.NET_MARGIN.bands");
        debt = p.bands("SRDI.DEBT.bands");
        localMax = p.integer("SRDI.LOCAL.max");
        ipHigh = p.integer("SRDI.IP.high_value");
        ipSelf = p.integer("SRDI.IP.self_developed");
        ipAny = p.integer("SRDI.IP.ip1");
        ipClass2 = p.integer("SRDI.IP.ip2");
        rdAmount = p.bands("SRDI.RD_INPUT.amount_bands");
        rdRatio = p.bands("SRDI.RD_INPUT.ratio_bands");
        rdStaff = p.bands("SRDI.RD_STAFF.bands");
        for (RdInstitutionLevel l : RdInstitutionLevel.values()) {
            institutionPoints[l.ordinal()] = p.integer("SRDI.RD_INSTITUTION." + l.name().toLowerCase(java.util.Locale.ROOT));
        }
        passMark = p.integer("SRDI.SCORE.pass_mark");

        size = declareSize();
        exclusion = declareExclusion();
        niche = gate("SRDI.NICHE", "从事特定细分市场时间", "years in the niche market", Decimals.toDouble(nicheMin), ActualKind.NUMBER, "年");
        rd = gate("SRDI.RD", "上年度研发费用 ≥ " + Hints.num(rdMinAmount) + "万元且占营业收入 ≥ " + Hints.num(rdMinRatio) + "%",
                "R&D in y1 ≥ " + Hints.num(rdMinAmount) + "万元 and ≥ " + Hints.num(rdMinRatio) + "% of revenue",
                "≥" + Hints.num(rdMinAmount) + "万元, ≥" + Hints.num(rdMinRatio) + "%", ActualKind.NUMBER, "%");
        scale = gate("SRDI.SCALE", "上年度营业收入 ≥ " + Hints.num(scaleRevenue) + "万元，或近2年新增股权融资 ≥ " + Hints.num(scaleEquity) + "万元",
                "revenue y1 ≥ " + Hints.num(scaleRevenue) + "万元, or equity financing in 2 years ≥ " + Hints.num(scaleEquity) + "万元",
                Decimals.toDouble(scaleRevenue), ActualKind.NUMBER, "万元");
        dAward = alternative("SRDI.DIRECT.AWARD", "近3年省部级科技奖励前" + Hints.num(awardProvincial) + "名或国家级前" + Hints.num(awardNational) + "名",
                "provincial science award rank ≤ " + Hints.num(awardProvincial) + " or national ≤ " + Hints.num(awardNational), true, ActualKind.BOOLEAN, "");
        dRdMean = alternative("SRDI.DIRECT.RD_MEAN", "近2年研发费用平均", "mean R&D of the last 2 years", Decimals.toDouble(rdMeanMin), ActualKind.NUMBER, "万元");
        dEquity = alternative("SRDI.DIRECT.EQUITY", "近2年新增股权融资", "equity financing in the last 2 years", Decimals.toDouble(equityDirect), ActualKind.NUMBER, "万元");
        dMaker = atMost(alternative("SRDI.DIRECT.MAKER", "近3年\"创客中国\"全国排名", "Maker China national rank in 3 years", Decimals.toDouble(makerRank), ActualKind.NUMBER, "名"));
        dimensions(DIMS);
        iMainShare = indicator("SRDI.MAIN_SHARE", "专业化", mainShare.max(), "主营业务收入占营业收入比重", "main revenue share", "%");
        iGrowth = indicator("SRDI.GROWTH", "专业化", growth.max(), "近2年主营业务收入平均增长率", "average main revenue growth over 2 years", "%");
        iNicheYears = indicator("SRDI.NICHE_YEARS", "专业化", nicheMax, "从事细分市场年限", "years in the niche", "年");
        iField = def("SRDI.FIELD", Role.INDICATOR, "专业化", Math.max(fieldChainKey, Math.max(fieldSixBasics, fieldOther)),
                "主导产品所属领域", "field of the main product", null, ActualKind.PRODUCT_FIELD, "");
        iDigital = indicator("SRDI.DIGITAL", "精细化", digital.max(), "数字化水平等级", "digitalisation level", "级");
        iQuality = indicator("SRDI.QUALITY", "精细化", qualityMax, "质量奖、质量管理体系认证、自主品牌、参与制修订标准", "quality award, certification, own brand, standards", "项");
        iNetMargin = indicator("SRDI.NET_MARGIN", "精细化", netMargin.max(), "净利润率", "net profit margin", "%");
        iDebt = indicator("SRDI.DEBT", "精细化", debt.max(), "资产负债率", "debt ratio", "%");
        iLocal = indicator("SRDI.LOCAL", "特色化", localMax, "特色化指标(省定)", "local distinctiveness points (set by the province)", "分");
        iIp = indicator("SRDI.IP", "创新能力", ipHigh, "Ⅰ类/Ⅱ类知识产权", "Class I / II IP", "项");
        iRdInput = indicator("SRDI.RD_INPUT", "创新能力", Math.max(rdAmount.max(), rdRatio.max()), "研发费用总额或占比(取高)", "R&D amount or ratio, the better", "万元");
        iRdStaff = indicator("SRDI.RD_STAFF", "创新能力", rdStaff.max(), "研发人员占比", "R&D staff share", "%");
        iInstitution = def("SRDI.RD_INSTITUTION", Role.INDICATOR, "创新能力", institutionPoints[RdInstitutionLevel.NATIONAL.ordinal()],
                "研发机构级别", "R&D institution level", null, ActualKind.RD_INSTITUTION, "");
        aScore = alternative("SRDI.SCORE", "评价得分 ≥ " + passMark, "score ≥ " + passMark, (double) passMark, ActualKind.NUMBER, "分");
        qualify = gate("SRDI.QUALIFY", "满足任一直通条件，或评价得分达标", "a direct condition holds, or the score passes", "DIRECT or SCORE", ActualKind.NONE, "");
    }

    @Override
    void evaluate(GradeContext c, TierResult r) {
        Profile p = c.p;
        commonPreconditions(c, r, size, exclusion);
        long nicheYears = p.get(Field.NICHE_YEARS);
        set(r, niche, passIf(nicheYears >= nicheMin), r.actual == null ? 0 : Decimals.toDouble(nicheYears));
        blank(r, niche, p, Field.NICHE_YEARS);

        long rev = p.get(Field.REVENUE_Y1);
        long rd1 = p.get(Field.RD_EXPENSE_Y1);
        boolean rdOk = rd1 >= rdMinAmount & Decimals.percentAtLeast(rd1, rev, rdMinRatio);
        set(r, rd, passIf(rdOk), r.actual == null ? 0 : Decimals.percent(rd1, rev));
        if (rev <= 0) {
            note(r, rd, Note.UNDEFINED_RATIO);
        }

        long eq2 = p.get(Field.EQUITY_FINANCING_2Y);
        set(r, scale, passIf(rev >= scaleRevenue | eq2 >= scaleEquity), r.actual == null ? 0 : Decimals.toDouble(rev));

        boolean award = (p.has(Field.PROVINCIAL_AWARD_RANK) & p.get(Field.PROVINCIAL_AWARD_RANK) <= awardProvincial)
                | (p.has(Field.NATIONAL_AWARD_RANK) & p.get(Field.NATIONAL_AWARD_RANK) <= awardNational);
        set(r, dAward, altIf(award), award ? 1 : 0);
        long rdSum = rd1 + p.get(Field.RD_EXPENSE_Y2);
        boolean rdMean = rdSum >= 2 * rdMeanMin;
        set(r, dRdMean, altIf(rdMean), r.actual == null ? 0 : Decimals.toDouble(rdSum) / 2);
        blank(r, dRdMean, p, Field.RD_EXPENSE_Y2);
        boolean equity = eq2 >= equityDirect;
        set(r, dEquity, altIf(equity), r.actual == null ? 0 : Decimals.toDouble(eq2));
        boolean maker = p.has(Field.MAKER_CHINA_RANK) & p.get(Field.MAKER_CHINA_RANK) <= makerRank;
        set(r, dMaker, altIf(maker), r.actual == null ? 0 : p.has(Field.MAKER_CHINA_RANK) ? Decimals.toDouble(p.get(Field.MAKER_CHINA_RANK)) : Double.NaN);
        boolean direct = award | rdMean | equity | maker;

        long main = p.get(Field.MAIN_REVENUE_Y1);
        int specialisation = InnovativeBlock.ratio(r, iMainShare, mainShare, main, rev);
        specialisation += growthPoints(p, r);
        int nichePts = (int) Math.min(nicheMax, nicheYears / (nicheYearsPerPoint));
        // floor(niche / per) with both scaled: the quotient of scaled values is already unscaled
        set(r, iNicheYears, PASS, r.actual == null ? 0 : Decimals.toDouble(nicheYears));
        points(r, iNicheYears, nichePts);
        blank(r, iNicheYears, p, Field.NICHE_YEARS);
        MainProductField field = p.mainProductField();
        int fieldPts = fieldPoints[field.ordinal()];
        set(r, iField, PASS, field.ordinal());
        points(r, iField, fieldPts);
        blank(r, iField, p, Field.MAIN_PRODUCT_FIELD);
        specialisation += nichePts + fieldPts;

        long level = p.get(Field.DIGITAL_LEVEL);
        int refinement = digital.score(level);
        set(r, iDigital, PASS, r.actual == null ? 0 : Decimals.toDouble(level));
        points(r, iDigital, refinement);
        blank(r, iDigital, p, Field.DIGITAL_LEVEL);
        int items = (p.isTrue(Field.QUALITY_AWARD) ? 1 : 0) + (p.isTrue(Field.QUALITY_CERT) ? 1 : 0)
                + (p.isTrue(Field.OWN_BRAND) ? 1 : 0) + (p.isTrue(Field.STANDARD_DRAFTING) ? 1 : 0);
        int qualityPts = Math.min(qualityMax, items * qualityPerItem);
        set(r, iQuality, PASS, items);
        points(r, iQuality, qualityPts);
        refinement += qualityPts;
        refinement += InnovativeBlock.ratio(r, iNetMargin, netMargin, p.get(Field.NET_PROFIT_Y1), rev);
        blank(r, iNetMargin, p, Field.NET_PROFIT_Y1);
        refinement += InnovativeBlock.ratio(r, iDebt, debt, p.get(Field.TOTAL_LIABILITIES_Y1), p.get(Field.TOTAL_ASSETS_Y1));

        long local = p.get(Field.LOCAL_POINTS);
        int localPts = (int) Math.max(0, Math.min(localMax, local / Decimals.SCALE));
        set(r, iLocal, PASS, r.actual == null ? 0 : Decimals.toDouble(local));
        points(r, iLocal, localPts);
        if (local < 0 || local / Decimals.SCALE > localMax) {
            note(r, iLocal, Note.CLAMPED);
        }
        blank(r, iLocal, p, Field.LOCAL_POINTS);

        // the first that holds of high-value, self-developed, any Class I, Class II (a chain of selects)
        int ipPts = p.get(Field.IP2) > 0 ? ipClass2 : 0;
        ipPts = p.get(Field.IP1) > 0 ? ipAny : ipPts;
        ipPts = p.get(Field.IP1_SELF_DEVELOPED) > 0 ? ipSelf : ipPts;
        ipPts = p.get(Field.IP1_HIGH_VALUE) > 0 ? ipHigh : ipPts;
        set(r, iIp, PASS, r.actual == null ? 0 : Decimals.toDouble(p.get(Field.IP1)));
        points(r, iIp, ipPts);
        int amountPts = rdAmount.score(rd1);
        int ratioPts = rev > 0 ? rdRatio.scorePercent(rd1, rev) : 0;
        set(r, iRdInput, PASS, r.actual == null ? 0 : Decimals.toDouble(rd1));
        points(r, iRdInput, Math.max(amountPts, ratioPts));
        int innovation = ipPts + r.points(iRdInput);
        innovation += InnovativeBlock.ratio(r, iRdStaff, rdStaff, p.get(Field.RD_STAFF_Y1), p.get(Field.EMPLOYEES_Y1));
        blank(r, iRdStaff, p, Field.RD_STAFF_Y1);
        RdInstitutionLevel inst = p.rdInstitution();
        set(r, iInstitution, PASS, inst.ordinal());
        points(r, iInstitution, institutionPoints[inst.ordinal()]);
        innovation += r.points(iInstitution);

        r.cells[r.dim + 0] = specialisation;
        r.cells[r.dim + 1] = refinement;
        r.cells[r.dim + 2] = localPts;
        r.cells[r.dim + 3] = innovation;
        int score = specialisation + refinement + localPts + innovation;
        r.score = score;
        boolean scorePass = score >= passMark;
        set(r, aScore, altIf(scorePass), score);
        points(r, aScore, score);
        set(r, qualify, passIf(direct || scorePass), Double.NaN);
        r.route = direct ? Route.DIRECT : Route.SCORE;
        settle(r);
    }

    private int growthPoints(Profile p, TierResult r) {
        long a = p.get(Field.MAIN_REVENUE_Y1);
        long b = p.get(Field.MAIN_REVENUE_Y2);
        long c = p.get(Field.MAIN_REVENUE_Y3);
        int pts;
        if (b > 0 && c > 0) {
            pts = growth.scoreMeanGrowth(a, b, c);
            set(r, iGrowth, PASS, r.actual == null ? 0 : Decimals.round4((Decimals.percent(a - b, b) + Decimals.percent(b - c, c)) / 2));
        } else if (b > 0) {
            pts = growth.scoreGrowth(a, b);
            set(r, iGrowth, PASS, r.actual == null ? 0 : Decimals.percent(a - b, b));
        } else if (c > 0) {
            pts = growth.scoreGrowth(b, c);
            set(r, iGrowth, PASS, r.actual == null ? 0 : Decimals.percent(b - c, c));
        } else {
            pts = 0;
            set(r, iGrowth, PASS, Double.NaN);
            note(r, iGrowth, Note.UNDEFINED_RATIO);
        }
        noteIf(r, iGrowth, Note.NOT_PROVIDED, !(p.has(Field.MAIN_REVENUE_Y2) & p.has(Field.MAIN_REVENUE_Y3)));
        points(r, iGrowth, pts);
        return pts;
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
        if (i == rd) {
            long rd1 = p.get(Field.RD_EXPENSE_Y1);
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            if (rd1 < rdMinAmount) {
                zh.add("研发费用 " + Hints.num(rd1) + "万元，需 ≥ " + Hints.num(rdMinAmount) + "万元：还需增加 " + Hints.num(rdMinAmount - rd1) + "万元");
                en.add("R&D " + Hints.num(rd1) + "万元, needs ≥ " + Hints.num(rdMinAmount) + "万元: +" + Hints.num(rdMinAmount - rd1) + "万元");
            }
            if (!Decimals.percentAtLeast(rd1, rev, rdMinRatio)) {
                String[] h = Hints.percentAtLeast("研发费用", "R&D", "营业收入", "revenue", rd1, rev, rdMinRatio);
                zh.add(h[0]);
                en.add(h[1]);
            }
            return Hints.gap(r, i, String.join("；", zh), String.join("; ", en));
        }
        if (i == scale) {
            return Hints.gap(r, i,
                    "营业收入 " + Hints.num(rev) + "万元，需 ≥ " + Hints.num(scaleRevenue) + "万元：还需增加 " + Hints.num(scaleRevenue - rev)
                            + "万元；或近2年新增股权融资达到 " + Hints.num(scaleEquity) + "万元",
                    "revenue " + Hints.num(rev) + "万元, needs ≥ " + Hints.num(scaleRevenue) + "万元: +" + Hints.num(scaleRevenue - rev)
                            + "万元; or equity financing of " + Hints.num(scaleEquity) + "万元 in 2 years");
        }
        // the score route
        List<ScoreOption> picked = Improvements.cheapest(options(p, r), Math.max(1, passMark - r.score));
        return new Gap(defs[i].id(), r.conditionStatus(i), r.score, passMark,
                Improvements.scoreHintZh(r.score, passMark, picked, "") + "；或满足任一直通条件(科技奖励、近2年研发费用平均 ≥ "
                        + Hints.num(rdMeanMin) + "万元、近2年股权融资 ≥ " + Hints.num(equityDirect) + "万元、创客中国前" + Hints.num(makerRank) + "名)",
                Improvements.scoreHintEn(r.score, passMark, picked, "") + "; or meet a direct condition (science award, mean R&D ≥ "
                        + Hints.num(rdMeanMin) + "万元, equity financing ≥ " + Hints.num(equityDirect) + "万元 in 2 years, Maker China top "
                        + Hints.num(makerRank) + ")");
    }

    private List<ScoreOption> options(Profile p, TierResult r) {
        List<ScoreOption> o = new ArrayList<>();
        long rev = p.get(Field.REVENUE_Y1);
        long rd1 = p.get(Field.RD_EXPENSE_Y1);
        int rdPts = r.points(iRdInput);
        long[] byAmount = Improvements.raiseValue(rdAmount, rd1, rdPts);
        long[] byRatio = Improvements.raisePercentNumerator(rdRatio, rd1, rev, rdPts);
        long[] rdBest = byAmount == null ? byRatio : byRatio == null ? byAmount : byAmount[0] <= byRatio[0] ? byAmount : byRatio;
        if (rdBest != null) {
            o.add(new ScoreOption("SRDI.RD_INPUT", "研发费用增加 " + Hints.num(rdBest[0]) + "万元", "+" + Hints.num(rdBest[0]) + "万元 of R&D",
                    (int) rdBest[1] - rdPts, Improvements.effort(rdBest[0], rd1)));
        }
        long profit = p.get(Field.NET_PROFIT_Y1);
        long[] margin = Improvements.raisePercentNumerator(netMargin, profit, rev, r.points(iNetMargin));
        if (margin != null) {
            o.add(new ScoreOption("SRDI.NET_MARGIN", "净利润增加 " + Hints.num(margin[0]) + "万元", "+" + Hints.num(margin[0]) + "万元 of net profit",
                    (int) margin[1] - r.points(iNetMargin), Improvements.effort(margin[0], Math.abs(profit))));
        }
        long liab = p.get(Field.TOTAL_LIABILITIES_Y1);
        long[] down = Improvements.lowerPercentNumerator(debt, liab, p.get(Field.TOTAL_ASSETS_Y1), r.points(iDebt));
        if (down != null) {
            o.add(new ScoreOption("SRDI.DEBT", "负债减少 " + Hints.num(down[0]) + "万元", "−" + Hints.num(down[0]) + "万元 of liabilities",
                    (int) down[1] - r.points(iDebt), Improvements.effort(down[0], liab)));
        }
        long staff = p.get(Field.RD_STAFF_Y1);
        long[] st = Improvements.raisePercentNumerator(rdStaff, staff, p.get(Field.EMPLOYEES_Y1), r.points(iRdStaff));
        if (st != null) {
            long people = (st[0] + Decimals.SCALE - 1) / Decimals.SCALE;
            o.add(new ScoreOption("SRDI.RD_STAFF", "研发人员增加 " + people + "人", "+" + people + " R&D staff",
                    (int) st[1] - r.points(iRdStaff), Improvements.effort(people * Decimals.SCALE, staff)));
        }
        long[] dig = Improvements.raiseValue(digital, p.get(Field.DIGITAL_LEVEL), r.points(iDigital));
        if (dig != null) {
            o.add(new ScoreOption("SRDI.DIGITAL", "数字化水平提升 " + Hints.num(dig[0]) + " 级", "raise the digital level by " + Hints.num(dig[0]),
                    (int) dig[1] - r.points(iDigital), 0.3 * dig[0] / Decimals.SCALE));
        }
        if (r.points(iQuality) < qualityMax) {
            String what = !p.isTrue(Field.QUALITY_CERT) ? "质量管理体系认证" : !p.isTrue(Field.OWN_BRAND) ? "自主品牌" : "参与制修订标准";
            String whatEn = !p.isTrue(Field.QUALITY_CERT) ? "a quality management certification" : !p.isTrue(Field.OWN_BRAND) ? "an own brand" : "standard drafting";
            o.add(new ScoreOption("SRDI.QUALITY", "取得" + what, "obtain " + whatEn,
                    Math.min(qualityMax, r.points(iQuality) + qualityPerItem) - r.points(iQuality), 0.25));
        }
        RdInstitutionLevel inst = p.rdInstitution();
        if (inst.ordinal() < RdInstitutionLevel.MUNICIPAL.ordinal()) {
            int gain = institutionPoints[RdInstitutionLevel.MUNICIPAL.ordinal()] - institutionPoints[inst.ordinal()];
            o.add(new ScoreOption("SRDI.RD_INSTITUTION", "建立市级研发机构", "set up a municipal R&D institution", gain, 0.4));
        }
        if (r.points(iIp) < ipHigh) {
            o.add(new ScoreOption("SRDI.IP", "取得高价值Ⅰ类知识产权", "obtain a high-value Class I IP", ipHigh - r.points(iIp), 0.5));
        }
        long main = p.get(Field.MAIN_REVENUE_Y1);
        long[] share = Improvements.raisePercentNumerator(mainShare, main, rev, r.points(iMainShare));
        if (share != null) {
            o.add(new ScoreOption("SRDI.MAIN_SHARE", "主营业务收入增加 " + Hints.num(share[0]) + "万元(营业收入不变)",
                    "+" + Hints.num(share[0]) + "万元 of main revenue at this revenue", (int) share[1] - r.points(iMainShare), Improvements.effort(share[0], main)));
        }
        long b = p.get(Field.MAIN_REVENUE_Y2);
        long c3 = p.get(Field.MAIN_REVENUE_Y3);
        if (b > 0 && c3 > 0) {
            long best = -1;
            int pts = 0;
            for (int k = 0; k < growth.size(); k++) {
                var band = growth.band(k);
                if (band.points() > r.points(iGrowth)) {
                    long inc = Math.max(0, Improvements.valueForMeanGrowth(b, c3, band.cut()) - main);
                    if (best < 0 || inc < best) {
                        best = inc;
                        pts = band.points();
                    }
                }
            }
            if (best >= 0) {
                o.add(new ScoreOption("SRDI.GROWTH", "上年主营业务收入增加 " + Hints.num(best) + "万元", "+" + Hints.num(best) + "万元 of main revenue in y1",
                        pts - r.points(iGrowth), Improvements.effort(best, main)));
            }
        }
        return o;
    }
}
