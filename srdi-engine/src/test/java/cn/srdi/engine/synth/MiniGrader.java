package cn.srdi.engine.synth;

import static cn.srdi.engine.model.Field.*;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.MainProductField;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.RdInstitutionLevel;
import java.time.LocalDate;

/**
 * A rough, floating-point reading of GRADING.md cn-2022 + champion-2023, only to check that the
 * generated population forms a believable pyramid. Not the engine: edges are not exact here.
 */
final class MiniGrader {
    enum Status { PASS, REVIEW, FAIL }

    record Result(boolean large, boolean excluded, Status innovative, boolean srdiBasic, Status srdi,
            Status littleGiant, Status champion) {
    }

    private static final LocalDate FLOOR_FROM = LocalDate.of(2025, 5, 14);

    static double v(Profile p, Field f) {
        return Decimals.toDouble(p.get(f));
    }

    static double pct(Profile p, Field num, Field den) {
        double d = v(p, den);
        return d > 0 ? v(p, num) / d * 100 : Double.NaN;
    }

    static boolean large(Profile p) {
        String code = p.text(INDUSTRY_CODE);
        double e = v(p, EMPLOYEES_Y1);
        double r = v(p, REVENUE_Y1);
        if (code.charAt(0) == 'C') {
            return !(e < 1000 || r < 40000);
        }
        if (code.startsWith("I65")) {
            return !(e < 300 || r < 10000);
        }
        if (code.startsWith("I64")) {
            return !(e < 2000 || r < 100000);
        }
        return !(e < 300);
    }

    static boolean excluded(Profile p) {
        return p.isTrue(ABNORMAL_OPERATION) || p.isTrue(SERIOUSLY_UNTRUSTWORTHY) || p.isTrue(PROHIBITED_INDUSTRY)
                || p.isTrue(MAJOR_INCIDENT_3Y) || p.isTrue(TAX_VIOLATION_3Y);
    }

    static double growth(double a, double b) {
        return b > 0 ? (a - b) / b * 100 : Double.NaN;
    }

    static double meanGrowth(Profile p) {
        double g1 = growth(v(p, MAIN_REVENUE_Y1), v(p, MAIN_REVENUE_Y2));
        double g2 = growth(v(p, MAIN_REVENUE_Y2), v(p, MAIN_REVENUE_Y3));
        if (Double.isNaN(g1)) {
            return g2;
        }
        return Double.isNaN(g2) ? g1 : (g1 + g2) / 2;
    }

    static int innovativeScore(Profile p, int[] dims) {
        int ip = v(p, IP1_HIGH_VALUE) >= 1 ? 20 : v(p, IP1_SELF_DEVELOPED) >= 1 ? 15 : v(p, IP1) >= 1 ? 10 : v(p, IP2) >= 1 ? 5 : 0;
        double rd = pct(p, RD_EXPENSE_Y1, REVENUE_Y1);
        int rdp = rd >= 5 ? 20 : rd >= 3 ? 15 : rd >= 2 ? 10 : rd >= 1 ? 5 : 0;
        double g = growth(v(p, MAIN_REVENUE_Y1), v(p, MAIN_REVENUE_Y2));
        int gp = Double.isNaN(g) ? 0 : g >= 15 ? 20 : g >= 10 ? 15 : g >= 5 ? 10 : g >= 0 ? 5 : 0;
        double debt = pct(p, TOTAL_LIABILITIES_Y1, TOTAL_ASSETS_Y1);
        int dp = debt <= 55 ? 10 : debt <= 75 ? 5 : 0;
        int fp = p.isTrue(STRATEGIC_EMERGING) ? 10 : 5;
        double share = pct(p, MAIN_REVENUE_Y1, REVENUE_Y1);
        int sp = share >= 70 ? 20 : share >= 60 ? 15 : share >= 55 ? 10 : share >= 50 ? 5 : 0;
        dims[0] = ip + rdp;
        dims[1] = gp + dp;
        dims[2] = fp + sp;
        return dims[0] + dims[1] + dims[2];
    }

    static int srdiScore(Profile p) {
        int score = 0;
        double share = pct(p, MAIN_REVENUE_Y1, REVENUE_Y1);
        score += share >= 80 ? 5 : share >= 70 ? 3 : share >= 60 ? 1 : 0;
        double mg = meanGrowth(p);
        score += Double.isNaN(mg) || mg < 0 ? 0 : mg >= 10 ? 10 : mg >= 8 ? 8 : mg >= 6 ? 6 : mg >= 4 ? 4 : 2;
        score += (int) Math.min(5, Math.floor(v(p, NICHE_YEARS) / 2));
        MainProductField mpf = p.mainProductField();
        score += mpf == MainProductField.CHAIN_KEY ? 5 : mpf == MainProductField.SIX_BASICS ? 3 : 0;
        double dl = v(p, DIGITAL_LEVEL);
        score += dl >= 3 ? 5 : dl >= 2 ? 3 : 0;
        int q = (p.isTrue(QUALITY_AWARD) ? 1 : 0) + (p.isTrue(QUALITY_CERT) ? 1 : 0) + (p.isTrue(OWN_BRAND) ? 1 : 0)
                + (p.isTrue(STANDARD_DRAFTING) ? 1 : 0);
        score += Math.min(5, 3 * q);
        double m = pct(p, NET_PROFIT_Y1, REVENUE_Y1);
        score += m >= 10 ? 10 : m >= 8 ? 8 : m >= 6 ? 6 : m >= 4 ? 4 : m >= 2 ? 2 : 0;
        double debt = pct(p, TOTAL_LIABILITIES_Y1, TOTAL_ASSETS_Y1);
        score += debt < 50 ? 5 : debt <= 60 ? 3 : debt <= 70 ? 1 : 0;
        score += (int) Math.max(0, Math.min(15, v(p, LOCAL_POINTS)));
        score += v(p, IP1_HIGH_VALUE) >= 1 ? 10 : v(p, IP1_SELF_DEVELOPED) >= 1 ? 8 : v(p, IP1) >= 1 ? 6 : v(p, IP2) >= 1 ? 2 : 0;
        double rd = v(p, RD_EXPENSE_Y1);
        int a = rd >= 500 ? 10 : rd >= 400 ? 8 : rd >= 300 ? 6 : rd >= 200 ? 4 : rd >= 100 ? 2 : 0;
        double rr = pct(p, RD_EXPENSE_Y1, REVENUE_Y1);
        int b = rr >= 10 ? 10 : rr >= 8 ? 8 : rr >= 6 ? 6 : rr >= 4 ? 4 : rr >= 3 ? 2 : 0;
        score += Math.max(a, b);
        double st = pct(p, RD_STAFF_Y1, EMPLOYEES_Y1);
        score += st >= 20 ? 5 : st >= 10 ? 3 : st >= 5 ? 1 : 0;
        RdInstitutionLevel inst = p.rdInstitution();
        score += switch (inst) {
            case NATIONAL -> 10;
            case PROVINCIAL -> 8;
            case MUNICIPAL -> 4;
            case BELOW_MUNICIPAL -> 2;
            case NONE -> 0;
        };
        return score;
    }

    static Result grade(Profile p, LocalDate date) {
        boolean large = large(p);
        boolean excl = excluded(p);
        boolean sme = !large && !excl;
        // INNOVATIVE
        int[] dims = new int[3];
        int inn = innovativeScore(p, dims);
        boolean innDirect = p.has(NATIONAL_AWARD_RANK) || p.has(PROVINCIAL_AWARD_RANK) || p.isTrue(HIGH_TECH)
                || p.isTrue(INNOVATION_HONOR) || p.rdInstitution().ordinal() >= RdInstitutionLevel.PROVINCIAL.ordinal()
                || v(p, EQUITY_FINANCING_3Y) >= 500;
        boolean innScore = inn >= 60 && dims[0] >= 20 && dims[1] >= 15 && dims[2] >= 15;
        Status innovative = sme && (innDirect || innScore) ? Status.PASS : Status.FAIL;
        // SRDI
        double rr = pct(p, RD_EXPENSE_Y1, REVENUE_Y1);
        boolean basic = v(p, NICHE_YEARS) >= 2 && v(p, RD_EXPENSE_Y1) >= 100 && rr >= 3
                && (v(p, REVENUE_Y1) >= 1000 || v(p, EQUITY_FINANCING_2Y) >= 2000);
        boolean srdiDirect = (p.has(PROVINCIAL_AWARD_RANK) && v(p, PROVINCIAL_AWARD_RANK) <= 3)
                || (p.has(NATIONAL_AWARD_RANK) && v(p, NATIONAL_AWARD_RANK) <= 5)
                || (v(p, RD_EXPENSE_Y1) + v(p, RD_EXPENSE_Y2)) / 2 >= 1000 || v(p, EQUITY_FINANCING_2Y) >= 6000
                || (p.has(MAKER_CHINA_RANK) && v(p, MAKER_CHINA_RANK) <= 500);
        Status srdi = sme && basic && (srdiScore(p) >= 60 || srdiDirect) ? Status.PASS : Status.FAIL;
        // LITTLE_GIANT
        Status lg = Status.PASS;
        double rev = v(p, REVENUE_Y1);
        boolean innovation;
        if ((p.has(NATIONAL_AWARD_RANK) && v(p, NATIONAL_AWARD_RANK) <= 3) || (p.has(MAKER_CHINA_RANK) && v(p, MAKER_CHINA_RANK) <= 50)) {
            innovation = true;
        } else {
            double rr2 = pct(p, RD_EXPENSE_Y2, REVENUE_Y2);
            boolean a;
            if (rev >= 10000) {
                a = rr >= 3 && rr2 >= 3;
            } else if (rev >= 5000) {
                a = rr >= 6 && rr2 >= 6;
            } else {
                a = v(p, EQUITY_FINANCING_2Y) >= 8000 && v(p, RD_EXPENSE_Y1) + v(p, RD_EXPENSE_Y2) >= 3000
                        && pct(p, RD_STAFF_Y1, EMPLOYEES_Y1) >= 50;
            }
            innovation = a && p.rdInstitution() != RdInstitutionLevel.NONE && v(p, IP1_APPLIED) >= 2;
        }
        double mg = meanGrowth(p);
        boolean hard = sme && v(p, NICHE_YEARS) >= 3 && pct(p, MAIN_REVENUE_Y1, REVENUE_Y1) >= 70 && !Double.isNaN(mg) && mg >= 5
                && v(p, INFO_SYSTEM_PROCESSES) >= 1 && p.isTrue(QUALITY_CERT) && pct(p, TOTAL_LIABILITIES_Y1, TOTAL_ASSETS_Y1) <= 70
                && v(p, MARKET_SHARE_PCT) >= 10 && p.isTrue(OWN_BRAND) && innovation
                && !(p.has(CHAIN_KEY_LINK) && !p.isTrue(CHAIN_KEY_LINK)) && !(p.has(KEY_FIELD) && !p.isTrue(KEY_FIELD))
                && !(!date.isBefore(FLOOR_FROM) && p.applicationType() == ApplicationType.NEW && rev < 5000);
        if (!hard) {
            lg = Status.FAIL;
        } else if (!p.has(CHAIN_KEY_LINK) || !p.has(KEY_FIELD)) {
            lg = Status.REVIEW;
        }
        // CHAMPION
        Status champion;
        double years = v(p, PRODUCT_YEARS);
        boolean chHard = !excl && (years >= 10 || (years >= 5 && p.isTrue(NEW_PRODUCT)))
                && (v(p, MAIN_REVENUE_Y1) + v(p, MAIN_REVENUE_Y2) + v(p, MAIN_REVENUE_Y3)) / 3 >= 40000
                && p.has(MARKET_RANK_GLOBAL) && v(p, MARKET_RANK_GLOBAL) <= 3 && p.text(INDUSTRY_CODE).charAt(0) == 'C'
                && !(p.has(CHAMPION_QUALITATIVE) && !p.isTrue(CHAMPION_QUALITATIVE));
        champion = !chHard ? Status.FAIL : p.has(CHAMPION_QUALITATIVE) ? Status.PASS : Status.REVIEW;
        return new Result(large, excl, innovative, sme && basic, srdi, lg, champion);
    }
}
