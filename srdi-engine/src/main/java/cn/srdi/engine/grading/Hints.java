package cn.srdi.engine.grading;

import cn.srdi.engine.model.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Builds the bilingual hint of a gap: the smallest change that closes it, in the firm's own units. */
final class Hints {
    private Hints() {
    }

    static Gap gap(TierResult r, int i, String zh, String en) {
        return new Gap(r.def(i).id(), r.conditionStatus(i), r.actual(i), r.def(i).required(), zh, en);
    }


    /** value ≥ required, in a plain unit. */
    static Gap atLeast(TierResult r, int i, String zh, String en, long actual, long required, String unit) {
        long diff = required - actual;
        return gap(r, i,
                zh + " " + num(actual) + unit + "，需 ≥ " + num(required) + unit + "：还需增加 " + num(diff) + unit,
                en + " " + num(actual) + unit + ", needs ≥ " + num(required) + unit + ": +" + num(diff) + unit);
    }

    /** num/den·100 ≥ pct: how much more numerator at this denominator. */
    static String[] percentAtLeast(String numZh, String numEn, String denZh, String denEn, long num, long den, long pct) {
        if (den <= 0) {
            return new String[] {
                denZh + "为0或未填写，" + numZh + "占比无法计算(需 ≥ " + num(pct) + "%)",
                denEn + " is 0 or blank, so the " + numEn + " ratio is undefined (needs ≥ " + num(pct) + "%)"};
        }
        long more = Decimals.increaseForPercent(num, den, pct);
        String actual = pct(Decimals.percent(num, den));
        return new String[] {
            numZh + "占" + denZh + " " + actual + "%，需 ≥ " + num(pct) + "%：在当前" + denZh + "下" + numZh + "需增加 " + num(more) + "万元",
            numEn + " " + actual + "% of " + denEn + ", needs " + num(pct) + "%: +" + num(more) + "万元 of " + numEn + " at this " + denEn};
    }

    /** A staff or count share: how many more people at this head count. */
    static String[] shareAtLeast(String numZh, String numEn, String denZh, String denEn, long num, long den, long pct) {
        if (den <= 0) {
            return new String[] {denZh + "为0，" + numZh + "占比无法计算", denEn + " is 0, so the " + numEn + " share is undefined"};
        }
        long more = Decimals.increaseForPercent(num, den, pct);
        long people = (more + Decimals.SCALE - 1) / Decimals.SCALE;
        String actual = pct(Decimals.percent(num, den));
        return new String[] {
            numZh + "占" + denZh + " " + actual + "%，需 ≥ " + num(pct) + "%：在当前" + denZh + "下需增加 " + people + "人",
            numEn + " " + actual + "% of " + denEn + ", needs " + num(pct) + "%: +" + people + " people at this " + denEn};
    }

    /** A declaration (blank → REVIEW, false → FAIL). */
    static Gap declaration(TierResult r, int i, String zh, String en) {
        if (r.conditionStatus(i) == Status.REVIEW) {
            return gap(r, i, zh + "：企业尚未声明，需声明并经审核认定", en + ": not declared yet; the firm must declare it for review");
        }
        return gap(r, i, zh + "：不满足", en + ": not met");
    }

    /** A yes/no requirement that is not met. */
    static Gap mustHave(TierResult r, int i, String zh, String en) {
        return gap(r, i, "需具备：" + zh, "needs: " + en);
    }

    static String num(long scaled) {
        return Decimals.format(scaled);
    }

    static String pct(double percent) {
        if (Double.isNaN(percent)) {
            return "—";
        }
        return new BigDecimal(percent).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
