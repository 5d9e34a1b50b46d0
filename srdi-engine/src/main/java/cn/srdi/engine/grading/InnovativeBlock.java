package cn.srdi.engine.grading;

import static cn.srdi.engine.grading.TierRule.altIf;
import static cn.srdi.engine.grading.TierRule.blank;
import static cn.srdi.engine.grading.TierRule.note;
import static cn.srdi.engine.grading.TierRule.points;
import static cn.srdi.engine.grading.TierRule.set;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.RdInstitutionLevel;
import cn.srdi.engine.rules.Band;
import cn.srdi.engine.rules.Bands;
import cn.srdi.engine.rules.RuleParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The INNOVATIVE criteria of 63号 Annex 1 (GRADING.md 4.1): four direct conditions and a 100-point
 * score in three dimensions. Used by the INNOVATIVE tier of {@code cn-2022} and, as its first two
 * routes, by TECH_INNOVATIVE of {@code cn-2026}.
 */
final class InnovativeBlock {
    static final String[] DIMENSIONS = {"创新能力", "成长性", "专业化"};

    private final int minInstitution;
    private final long equityMin;
    private final int ipHigh;
    private final int ipSelf;
    private final int ipAny;
    private final int ipClass2;
    private final Bands rdRatio;
    private final Bands growth;
    private final Bands debt;
    private final Bands mainShare;
    private final int fieldEmerging;
    private final int fieldOther;
    final int passMark;
    private final int minInnovation;
    private final int minGrowth;
    private final int minSpecialisation;

    int dAward;
    int dHonor;
    int dInstitution;
    int dEquity;
    int iIp;
    int iRd;
    int iGrowth;
    int iDebt;
    int iField;
    int iMain;
    int aScore;
    int dimOffset;

    InnovativeBlock(RuleParams p) {
        minInstitution = p.enumValue("INN.DIRECT.RD_INSTITUTION.min_level", RdInstitutionLevel.class).ordinal();
        equityMin = p.nonNegative("INN.DIRECT.EQUITY.min");
        ipHigh = p.integer("INN.IP.high_value");
        ipSelf = p.integer("INN.IP.self_developed");
        ipAny = p.integer("INN.IP.ip1");
        ipClass2 = p.integer("INN.IP.ip2");
        rdRatio = p.bands("INN.RD_RATIO.bands");
        growth = p.bands("INN.GROWTH.bands");
        debt = p.bands("INN.DEBT.bands");
        mainShare = p.bands("INN.MAIN_SHARE.bands");
        fieldEmerging = p.integer("INN.FIELD.strategic_emerging");
        fieldOther = p.integer("INN.FIELD.other");
        passMark = p.integer("INN.SCORE.pass_mark");
        minInnovation = p.integer("INN.SCORE.min_innovation");
        minGrowth = p.integer("INN.SCORE.min_growth");
        minSpecialisation = p.integer("INN.SCORE.min_specialisation");
    }

    void declare(TierRule t) {
        String inst = RdInstitutionLevel.values()[minInstitution].name();
        dAward = t.alternative("INN.DIRECT.AWARD", "近3年获得国家级或省部级科技奖励", "national or provincial science award in the last 3 years",
                true, ActualKind.BOOLEAN, "");
        dHonor = t.alternative("INN.DIRECT.HONOR", "高新技术企业、技术创新示范企业或知识产权优势(示范)企业",
                "high-tech enterprise, technology innovation demonstration or IP advantage enterprise", true, ActualKind.BOOLEAN, "");
        dInstitution = t.alternative("INN.DIRECT.RD_INSTITUTION", "拥有" + RdInstitutionLevel.values()[minInstitution].zh() + "以上研发机构",
                "R&D institution at " + inst + " level or above", inst, ActualKind.RD_INSTITUTION, "");
        dEquity = t.alternative("INN.DIRECT.EQUITY", "近3年新增股权融资", "new equity financing in the last 3 years",
                Decimals.toDouble(equityMin), ActualKind.NUMBER, "万元");
        dimOffset = t.dimensions(DIMENSIONS);
        iIp = t.indicator("INN.IP", "创新能力", ipHigh, "与主导产品相关的知识产权", "IP related to the main product", "项");
        iRd = t.indicator("INN.RD_RATIO", "创新能力", rdRatio.max(), "研发费用占营业收入比重", "R&D expense as a share of revenue", "%");
        iGrowth = t.indicator("INN.GROWTH", "成长性", growth.max(), "主营业务收入增长率", "main revenue growth", "%");
        iDebt = t.indicator("INN.DEBT", "成长性", debt.max(), "资产负债率", "debt ratio", "%");
        iField = t.indicator("INN.FIELD", "专业化", Math.max(fieldEmerging, fieldOther), "主导产品属于战略性新兴产业", "main product in a strategic emerging industry", "");
        iMain = t.indicator("INN.MAIN_SHARE", "专业化", mainShare.max(), "主营业务收入占营业收入比重", "main revenue as a share of revenue", "%");
        aScore = t.alternative("INN.SCORE", "评价得分 ≥ " + passMark + "(创新能力 ≥ " + minInnovation + "、成长性 ≥ " + minGrowth + "、专业化 ≥ " + minSpecialisation + ")",
                "score ≥ " + passMark + " (innovation ≥ " + minInnovation + ", growth ≥ " + minGrowth + ", specialisation ≥ " + minSpecialisation + ")",
                (double) passMark, ActualKind.NUMBER, "分");
    }

    /** Evaluates into r; returns 1 when a direct condition holds, 2 when the score passes (bits). */
    int evaluate(GradeContext c, TierResult r) {
        Profile p = c.p;
        boolean award = p.has(Field.NATIONAL_AWARD_RANK) | p.has(Field.PROVINCIAL_AWARD_RANK);
        set(r, dAward, altIf(award), award ? 1 : 0);
        boolean honor = p.isTrue(Field.HIGH_TECH) | p.isTrue(Field.INNOVATION_HONOR);
        set(r, dHonor, altIf(honor), honor ? 1 : 0);
        int level = p.rdInstitution().ordinal();
        set(r, dInstitution, altIf(level >= minInstitution), level);
        long equity = p.get(Field.EQUITY_FINANCING_3Y);
        set(r, dEquity, altIf(equity >= equityMin), r.actual == null ? 0 : Decimals.toDouble(equity));
        blank(r, dEquity, p, Field.EQUITY_FINANCING_3Y);
        boolean direct = award | honor | level >= minInstitution | equity >= equityMin;

        int ip = ipPoints(p);
        set(r, iIp, TierRule.PASS, r.actual == null ? 0 : Decimals.toDouble(p.get(Field.IP1)));
        points(r, iIp, ip);
        blank(r, iIp, p, Field.IP1);

        long rev = p.get(Field.REVENUE_Y1);
        long rd = p.get(Field.RD_EXPENSE_Y1);
        int rdPts = ratio(r, iRd, rdRatio, rd, rev);

        long main = p.get(Field.MAIN_REVENUE_Y1);
        long main2 = p.get(Field.MAIN_REVENUE_Y2);
        int growthPts;
        if (main2 > 0) {
            growthPts = growth.scoreGrowth(main, main2);
            set(r, iGrowth, TierRule.PASS, r.actual == null ? 0 : Decimals.percent(main - main2, main2));
        } else {
            growthPts = 0;
            set(r, iGrowth, TierRule.PASS, Double.NaN);
            note(r, iGrowth, Note.UNDEFINED_RATIO);
            blank(r, iGrowth, p, Field.MAIN_REVENUE_Y2);
        }
        points(r, iGrowth, growthPts);

        int debtPts = ratio(r, iDebt, debt, p.get(Field.TOTAL_LIABILITIES_Y1), p.get(Field.TOTAL_ASSETS_Y1));
        int fieldPts = p.isTrue(Field.STRATEGIC_EMERGING) ? fieldEmerging : fieldOther;
        set(r, iField, TierRule.PASS, p.isTrue(Field.STRATEGIC_EMERGING) ? 1 : 0);
        points(r, iField, fieldPts);
        blank(r, iField, p, Field.STRATEGIC_EMERGING);
        int mainPts = ratio(r, iMain, mainShare, main, rev);

        int innovation = ip + rdPts;
        int grow = growthPts + debtPts;
        int spec = fieldPts + mainPts;
        r.cells[r.dim + dimOffset] = innovation;
        r.cells[r.dim + dimOffset + 1] = grow;
        r.cells[r.dim + dimOffset + 2] = spec;
        int score = innovation + grow + spec;
        r.innovativeScore = score;
        boolean scorePass = score >= passMark & innovation >= minInnovation & grow >= minGrowth & spec >= minSpecialisation;
        set(r, aScore, altIf(scorePass), score);
        points(r, aScore, score);
        return (direct ? 1 : 0) | (scorePass ? 2 : 0);
    }

    private int ipPoints(Profile p) {
        int pts = p.get(Field.IP2) > 0 ? ipClass2 : 0;
        pts = p.get(Field.IP1) > 0 ? ipAny : pts;
        pts = p.get(Field.IP1_SELF_DEVELOPED) > 0 ? ipSelf : pts;
        return p.get(Field.IP1_HIGH_VALUE) > 0 ? ipHigh : pts;
    }

    /** Scores a percentage indicator; an undefined ratio scores 0 with UNDEFINED_RATIO (rule 2.4). */
    static int ratio(TierResult r, int i, Bands bands, long num, long den) {
        int pts;
        if (den > 0) {
            pts = bands.scorePercent(num, den);
            set(r, i, TierRule.PASS, r.actual == null ? 0 : Decimals.percent(num, den));
        } else {
            pts = 0;
            set(r, i, TierRule.PASS, Double.NaN);
            note(r, i, Note.UNDEFINED_RATIO);
        }
        points(r, i, pts);
        return pts;
    }

    /** Ways to raise the INNOVATIVE score, cheapest first (for the gap of a failed score route). */
    List<ScoreOption> options(GradeContext c, TierResult r) {
        Profile p = c.p;
        List<ScoreOption> o = new ArrayList<>();
        int ip = r.points(iIp);
        if (ip < ipHigh) {
            o.add(new ScoreOption("INN.IP", "取得与主导产品相关的高价值Ⅰ类知识产权", "obtain a high-value Class I IP for the main product", ipHigh - ip, 0.5));
        }
        if (ip < ipClass2) {
            o.add(new ScoreOption("INN.IP", "取得1项Ⅱ类知识产权", "obtain one Class II IP", ipClass2 - ip, 0.2));
        }
        long rev = p.get(Field.REVENUE_Y1);
        long rd = p.get(Field.RD_EXPENSE_Y1);
        long[] up = Improvements.raisePercentNumerator(rdRatio, rd, rev, r.points(iRd));
        if (up != null) {
            o.add(new ScoreOption("INN.RD_RATIO", "研发费用增加 " + Hints.num(up[0]) + "万元", "+" + Hints.num(up[0]) + "万元 of R&D",
                    (int) up[1] - r.points(iRd), Improvements.effort(up[0], rd)));
        }
        long main = p.get(Field.MAIN_REVENUE_Y1);
        long main2 = p.get(Field.MAIN_REVENUE_Y2);
        if (main2 > 0) {
            long best = -1;
            int pts = 0;
            for (int i = 0; i < growth.size(); i++) {
                Band b = growth.band(i);
                if (b.points() > r.points(iGrowth)) {
                    long inc = Math.max(0, Improvements.valueForGrowth(main2, b.cut()) - main);
                    if (best < 0 || inc < best) {
                        best = inc;
                        pts = b.points();
                    }
                }
            }
            if (best >= 0) {
                o.add(new ScoreOption("INN.GROWTH", "上年主营业务收入增加 " + Hints.num(best) + "万元", "+" + Hints.num(best) + "万元 of main revenue in y1",
                        pts - r.points(iGrowth), Improvements.effort(best, main)));
            }
        }
        long liab = p.get(Field.TOTAL_LIABILITIES_Y1);
        long[] down = Improvements.lowerPercentNumerator(debt, liab, p.get(Field.TOTAL_ASSETS_Y1), r.points(iDebt));
        if (down != null) {
            o.add(new ScoreOption("INN.DEBT", "负债减少 " + Hints.num(down[0]) + "万元", "−" + Hints.num(down[0]) + "万元 of liabilities",
                    (int) down[1] - r.points(iDebt), Improvements.effort(down[0], liab)));
        }
        long[] share = Improvements.raisePercentNumerator(mainShare, main, rev, r.points(iMain));
        if (share != null) {
            o.add(new ScoreOption("INN.MAIN_SHARE", "主营业务收入增加 " + Hints.num(share[0]) + "万元(营业收入不变)",
                    "+" + Hints.num(share[0]) + "万元 of main revenue at this revenue", (int) share[1] - r.points(iMain), Improvements.effort(share[0], main)));
        }
        return o;
    }

    /** The hint for an INNOVATIVE route that does not hold: the score gap and the direct conditions. */
    String[] scoreHint(GradeContext c, TierResult r) {
        int score = r.innovativeScore;
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        int[] d = {r.cells[r.dim + dimOffset], r.cells[r.dim + dimOffset + 1], r.cells[r.dim + dimOffset + 2]};
        int[] min = {minInnovation, minGrowth, minSpecialisation};
        String[] enNames = {"innovation", "growth", "specialisation"};
        for (int i = 0; i < 3; i++) {
            if (d[i] < min[i]) {
                zh.append("，").append(DIMENSIONS[i]).append(' ').append(d[i]).append("分需 ≥ ").append(min[i]);
                en.append(", ").append(enNames[i]).append(' ').append(d[i]).append(" needs ≥ ").append(min[i]);
            }
        }
        List<ScoreOption> picked = Improvements.cheapest(options(c, r), Math.max(1, passMark - score));
        return new String[] {
            Improvements.scoreHintZh(score, passMark, picked, zh.toString())
                    + "；或满足任一直通条件(高新技术企业、省级以上研发机构、科技奖励、近3年股权融资 ≥ " + Hints.num(equityMin) + "万元)",
            Improvements.scoreHintEn(score, passMark, picked, en.toString())
                    + "; or meet a direct condition (high-tech enterprise, provincial R&D institution, science award, equity financing ≥ "
                    + Hints.num(equityMin) + "万元 in 3 years)"};
    }
}
