package cn.srdi.engine.grading;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.RdInstitutionLevel;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.Bands;
import cn.srdi.engine.rules.RuleParams;
import java.util.ArrayList;
import java.util.List;

/**
 * TECH_INNOVATIVE (科技和创新型中小企业) of {@code cn-2026} (GRADING.md 5.1): the INNOVATIVE criteria
 * of 4.1, or the technology-based SME evaluation; the route is the first that holds of
 * INNOVATIVE_DIRECT, INNOVATIVE_SCORE, TECH_SME_DIRECT, TECH_SME_SCORE.
 */
final class TechInnovativeRule extends TierRule {
    private static final String[] TECH_DIMS = {"科技人员", "研发投入", "科技成果"};

    private final InnovativeBlock inn;
    private final long maxEmployees;
    private final long maxRevenue;
    private final long maxAssets;
    private final long awardNational;
    private final int minInstitution;
    private final Bands staff;
    private final Bands rdRevenue;
    private final Bands rdCost;
    private final int ip1Points;
    private final Bands ip2;
    private final int passMark;

    private final int size;
    private final int exclusion;
    private final int techSize;
    private final int dHighTech;
    private final int dAward;
    private final int dInstitution;
    private final int dStandard;
    private final int iStaff;
    private final int iRd;
    private final int iIp;
    private final int aScore;
    private final int qualify;
    private final int techDimOffset;

    TechInnovativeRule(String ruleSetId, RuleParams p) {
        super(Tier.TECH_INNOVATIVE, ruleSetId, List.of());
        inn = new InnovativeBlock(p);
        maxEmployees = Decimals.of(p.integer("TECH.SIZE.max_employees"));
        maxRevenue = p.nonNegative("TECH.SIZE.max_revenue");
        maxAssets = p.nonNegative("TECH.SIZE.max_assets");
        awardNational = Decimals.of(p.integer("TECH.DIRECT.AWARD.max_national_rank"));
        minInstitution = p.enumValue("TECH.DIRECT.RD_INSTITUTION.min_level", RdInstitutionLevel.class).ordinal();
        staff = p.bands("TECH.STAFF.bands");
        rdRevenue = p.bands("TECH.RD.revenue_bands");
        rdCost = p.bands("TECH.RD.cost_bands");
        ip1Points = p.integer("TECH.IP.ip1_points");
        ip2 = p.bands("TECH.IP.ip2_bands");
        passMark = p.integer("TECH.SCORE.pass_mark");

        size = declareSize();
        exclusion = declareExclusion();
        inn.declare(this);
        techSize = alternative("TECH.SIZE", "科技型中小企业规模(职工 ≤ " + Hints.num(maxEmployees) + "人，营业收入、资产总额 ≤ " + Hints.num(maxRevenue) + "万元)",
                "technology-based SME size (≤ " + Hints.num(maxEmployees) + " staff, revenue and assets ≤ " + Hints.num(maxRevenue) + "万元)",
                "≤" + Hints.num(maxEmployees) + " staff, ≤" + Hints.num(maxRevenue) + "万元", ActualKind.NUMBER, "人");
        dHighTech = alternative("TECH.DIRECT.HIGH_TECH", "高新技术企业", "high-tech enterprise", true, ActualKind.BOOLEAN, "");
        dAward = atMost(alternative("TECH.DIRECT.AWARD", "近3年国家级科技奖励前" + Hints.num(awardNational) + "名", "national science award rank ≤ " + Hints.num(awardNational),
                Decimals.toDouble(awardNational), ActualKind.NUMBER, "名"));
        dInstitution = alternative("TECH.DIRECT.RD_INSTITUTION", "拥有省级以上研发机构", "provincial or national R&D institution",
                RdInstitutionLevel.values()[minInstitution].name(), ActualKind.RD_INSTITUTION, "");
        dStandard = alternative("TECH.DIRECT.STANDARD", "主导制定国际、国家或行业标准", "led an international, national or industry standard", true, ActualKind.BOOLEAN, "");
        techDimOffset = dimensions(TECH_DIMS);
        iStaff = indicator("TECH.STAFF", "科技人员", staff.max(), "科技人员占职工总数比例", "technology staff share", "%");
        iRd = indicator("TECH.RD", "研发投入", Math.max(rdRevenue.max(), rdCost.max()), "研发费用占营业收入或成本费用比例(取高)", "R&D share of revenue or of total cost, the better", "%");
        iIp = indicator("TECH.IP", "科技成果", Math.max(ip1Points, ip2.max()), "Ⅰ类/Ⅱ类知识产权", "Class I / II IP", "项");
        aScore = alternative("TECH.SCORE", "科技型中小企业评价得分 ≥ " + passMark + "且科技人员指标得分 > 0", "technology-based SME score ≥ " + passMark + " with staff points > 0",
                (double) passMark, ActualKind.NUMBER, "分");
        qualify = gate("TI.QUALIFY", "符合创新型中小企业条件，或符合科技型中小企业条件", "passes the innovative SME criteria or the technology-based SME criteria",
                "INNOVATIVE or TECH_SME", ActualKind.NONE, "");
    }

    @Override
    void evaluate(GradeContext c, TierResult r) {
        Profile p = c.p;
        commonPreconditions(c, r, size, exclusion);
        int innRoutes = inn.evaluate(c, r);

        long employees = p.get(Field.EMPLOYEES_Y1);
        boolean sized = employees <= maxEmployees & p.get(Field.REVENUE_Y1) <= maxRevenue & p.get(Field.TOTAL_ASSETS_Y1) <= maxAssets;
        set(r, techSize, altIf(sized), r.actual == null ? 0 : Decimals.toDouble(employees));
        boolean highTech = p.isTrue(Field.HIGH_TECH);
        set(r, dHighTech, altIf(highTech), highTech ? 1 : 0);
        boolean award = p.has(Field.NATIONAL_AWARD_RANK) & p.get(Field.NATIONAL_AWARD_RANK) <= awardNational;
        set(r, dAward, altIf(award), r.actual == null ? 0 : p.has(Field.NATIONAL_AWARD_RANK) ? Decimals.toDouble(p.get(Field.NATIONAL_AWARD_RANK)) : Double.NaN);
        int level = p.rdInstitution().ordinal();
        set(r, dInstitution, altIf(level >= minInstitution), level);
        boolean standard = p.isTrue(Field.STANDARD_LED);
        set(r, dStandard, altIf(standard), standard ? 1 : 0);
        boolean techDirect = highTech | award | level >= minInstitution | standard;

        int staffPts = InnovativeBlock.ratio(r, iStaff, staff, p.get(Field.TECH_STAFF_Y1), employees);
        blank(r, iStaff, p, Field.TECH_STAFF_Y1);
        long rd = p.get(Field.RD_EXPENSE_Y1);
        long rev = p.get(Field.REVENUE_Y1);
        long cost = p.get(Field.TOTAL_COST_Y1);
        int byRevenue = rev > 0 ? rdRevenue.scorePercent(rd, rev) : 0;
        int byCost = cost > 0 ? rdCost.scorePercent(rd, cost) : 0;
        set(r, iRd, PASS, r.actual == null ? 0 : byRevenue >= byCost || cost <= 0 ? Decimals.percent(rd, rev) : Decimals.percent(rd, cost));
        points(r, iRd, Math.max(byRevenue, byCost));
        if (rev <= 0 && cost <= 0) {
            note(r, iRd, Note.UNDEFINED_RATIO);
        }
        blank(r, iRd, p, Field.TOTAL_COST_Y1);
        int ipPts = p.get(Field.IP1) > 0 ? ip1Points : ip2.score(p.get(Field.IP2));
        set(r, iIp, PASS, r.actual == null ? 0 : Decimals.toDouble(p.get(Field.IP1) + p.get(Field.IP2)));
        points(r, iIp, ipPts);
        r.cells[r.dim + techDimOffset] = staffPts;
        r.cells[r.dim + techDimOffset + 1] = r.points(iRd);
        r.cells[r.dim + techDimOffset + 2] = ipPts;
        int techScore = staffPts + r.points(iRd) + ipPts;
        r.techSmeScore = techScore;
        boolean techScorePass = techScore >= passMark & staffPts > 0;
        set(r, aScore, altIf(techScorePass), techScore);
        points(r, aScore, techScore);

        Route route = null;
        if ((innRoutes & 1) != 0) {
            route = Route.INNOVATIVE_DIRECT;
        } else if ((innRoutes & 2) != 0) {
            route = Route.INNOVATIVE_SCORE;
        } else if (sized && techDirect) {
            route = Route.TECH_SME_DIRECT;
        } else if (sized && techScorePass) {
            route = Route.TECH_SME_SCORE;
        }
        set(r, qualify, passIf(route != null), Double.NaN);
        settle(r);
        // A failing tier reports the INNOVATIVE score (GRADING.md 5.1), and the first route that holds,
        // or INNOVATIVE_SCORE (the route of the score it reports) when none does.
        boolean tech = r.tierStatus != Status.FAIL && (route == Route.TECH_SME_DIRECT || route == Route.TECH_SME_SCORE);
        r.route = route != null ? route : Route.INNOVATIVE_SCORE;
        r.score = tech ? techScore : r.innovativeScore;
        r.dimensionSet = tech ? 1 : 0;
    }

    @Override
    Gap gap(int i, GradeContext c, TierResult r) {
        Gap g = commonGap(i, c, r);
        if (g != null) {
            return g;
        }
        String[] innHint = inn.scoreHint(c, r);
        Profile p = c.p;
        List<ScoreOption> options = new ArrayList<>();
        long rd = p.get(Field.RD_EXPENSE_Y1);
        long[] up = Improvements.raisePercentNumerator(rdRevenue, rd, p.get(Field.REVENUE_Y1), r.points(iRd));
        if (up != null) {
            options.add(new ScoreOption("TECH.RD", "研发费用增加 " + Hints.num(up[0]) + "万元", "+" + Hints.num(up[0]) + "万元 of R&D",
                    (int) up[1] - r.points(iRd), Improvements.effort(up[0], rd)));
        }
        long techStaff = p.get(Field.TECH_STAFF_Y1);
        long[] st = Improvements.raisePercentNumerator(staff, techStaff, p.get(Field.EMPLOYEES_Y1), r.points(iStaff));
        if (st != null) {
            long people = (st[0] + Decimals.SCALE - 1) / Decimals.SCALE;
            options.add(new ScoreOption("TECH.STAFF", "科技人员增加 " + people + "人", "+" + people + " technology staff",
                    (int) st[1] - r.points(iStaff), Improvements.effort(people * Decimals.SCALE, techStaff)));
        }
        if (r.points(iIp) < ip1Points) {
            options.add(new ScoreOption("TECH.IP", "取得1项Ⅰ类知识产权", "obtain one Class I IP", ip1Points - r.points(iIp), 0.5));
        }
        List<ScoreOption> picked = Improvements.cheapest(options, Math.max(1, passMark - r.techSmeScore));
        String sizeZh = r.rawStatus(techSize) == PASS ? "" : "(规模超出科技型中小企业上限，此途径不可用)";
        String sizeEn = r.rawStatus(techSize) == PASS ? "" : " (too large for a technology-based SME: this route is closed)";
        return new Gap(defs[i].id(), r.conditionStatus(i), r.innovativeScore, inn.passMark,
                "创新型途径：" + innHint[0] + "。科技型途径" + sizeZh + "：" + Improvements.scoreHintZh(r.techSmeScore, passMark, picked, "")
                        + "；或为高新技术企业、主导制定标准、拥有省级以上研发机构",
                "innovative route: " + innHint[1] + ". Technology-based route" + sizeEn + ": " + Improvements.scoreHintEn(r.techSmeScore, passMark, picked, "")
                        + "; or be a high-tech enterprise, lead a standard, or hold a provincial R&D institution");
    }
}
