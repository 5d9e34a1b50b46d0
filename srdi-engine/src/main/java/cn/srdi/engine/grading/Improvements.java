package cn.srdi.engine.grading;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.rules.Band;
import cn.srdi.engine.rules.Bands;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds, for a banded indicator, the smallest change that reaches a better band. */
final class Improvements {
    private static final BigDecimal SCALE = BigDecimal.valueOf(Decimals.SCALE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Improvements() {
    }

    /**
     * For a higher-is-better percentage num/den·100: the cheapest increase of num (scaled) that earns
     * more than {@code current} points, as {increase, points}; null when none exists.
     */
    static long[] raisePercentNumerator(Bands bands, long num, long den, int current) {
        if (den <= 0) {
            return null;
        }
        long[] best = null;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.band(i);
            if (b.points() <= current || (b.op() != Band.Op.GE && b.op() != Band.Op.GT)) {
                continue;
            }
            long inc = Decimals.increaseForPercent(num, den, b.cut());
            if (b.op() == Band.Op.GT && Decimals.comparePercent(num + inc, den, b.cut()) <= 0) {
                inc += 1;
            }
            if (best == null || inc < best[0]) {
                best = new long[] {inc, b.points()};
            }
        }
        return best;
    }

    /** For a higher-is-better plain value: the cheapest increase that earns more points. */
    static long[] raiseValue(Bands bands, long value, int current) {
        long[] best = null;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.band(i);
            if (b.points() <= current || (b.op() != Band.Op.GE && b.op() != Band.Op.GT)) {
                continue;
            }
            long inc = Math.max(0, b.cut() - value + (b.op() == Band.Op.GT ? 1 : 0));
            if (best == null || inc < best[0]) {
                best = new long[] {inc, b.points()};
            }
        }
        return best;
    }

    /**
     * For a lower-is-better percentage num/den·100 (the debt ratio): the cheapest decrease of num
     * that earns more points, as {decrease, points}.
     */
    static long[] lowerPercentNumerator(Bands bands, long num, long den, int current) {
        if (den <= 0) {
            return null;
        }
        long[] best = null;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.band(i);
            if (b.points() <= current || (b.op() != Band.Op.LE && b.op() != Band.Op.LT)) {
                continue;
            }
            // largest num' with num'/den·100 ≤ cut: floor(cut·den / (100·SCALE))
            BigDecimal limit = BigDecimal.valueOf(b.cut()).multiply(BigDecimal.valueOf(den))
                    .divide(HUNDRED.multiply(SCALE), 0, RoundingMode.FLOOR);
            long target = limit.longValueExact();
            if (b.op() == Band.Op.LT && Decimals.comparePercent(target, den, b.cut()) >= 0) {
                target -= 1;
            }
            long dec = Math.max(0, num - target);
            if (best == null || dec < best[0]) {
                best = new long[] {dec, b.points()};
            }
        }
        return best;
    }

    /** Smallest a (scaled) with g(a,b) ≥ pct, b &gt; 0. */
    static long valueForGrowth(long b, long pct) {
        BigDecimal need = BigDecimal.valueOf(b).multiply(BigDecimal.ONE.add(pctToFraction(pct)));
        return need.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Smallest a (scaled) with mean(g(a,b), g(b,c)) ≥ pct, b, c &gt; 0. */
    static long valueForMeanGrowth(long b, long c, long pct) {
        BigDecimal bb = BigDecimal.valueOf(b);
        BigDecimal g2 = BigDecimal.valueOf(b - c).divide(BigDecimal.valueOf(c), 20, RoundingMode.HALF_EVEN);
        BigDecimal g1 = pctToFraction(pct).multiply(BigDecimal.valueOf(2)).subtract(g2);
        BigDecimal need = bb.multiply(BigDecimal.ONE.add(g1));
        long a = need.setScale(0, RoundingMode.CEILING).longValueExact();
        while (Decimals.compareMeanGrowth(a, b, c, pct) < 0) {
            a++; // guard against the rounding of g2
        }
        return a;
    }

    private static BigDecimal pctToFraction(long pct) {
        return BigDecimal.valueOf(pct).divide(HUNDRED.multiply(SCALE));
    }

    /** Picks the cheapest options, enough to close {@code deficit} points (at least three when there are). */
    static List<ScoreOption> cheapest(List<ScoreOption> options, int deficit) {
        List<ScoreOption> sorted = new ArrayList<>(options);
        sorted.removeIf(o -> o.gain() <= 0);
        sorted.sort(Comparator.comparingDouble(ScoreOption::effort).thenComparing(o -> -o.gain()));
        List<ScoreOption> picked = new ArrayList<>();
        int sum = 0;
        for (ScoreOption o : sorted) {
            if (sum >= deficit && picked.size() >= 3) {
                break;
            }
            picked.add(o);
            sum += o.gain();
        }
        return picked;
    }

    /** Relative effort of raising {@code base} by {@code inc} (both scaled); 1 when the base is 0. */
    static double effort(long inc, long base) {
        return base <= 0 ? 1.0 : inc / (double) base;
    }

    static String scoreHintZh(int score, int passMark, List<ScoreOption> picked, String extraZh) {
        StringBuilder sb = new StringBuilder("得分 ").append(score).append("，需 ≥ ").append(passMark);
        sb.append(extraZh);
        if (!picked.isEmpty()) {
            sb.append("：最易得分的途径是 ");
            for (int i = 0; i < picked.size(); i++) {
                ScoreOption o = picked.get(i);
                sb.append(i > 0 ? "；" : "").append(o.zh()).append("(+").append(o.gain()).append("分)");
            }
        }
        return sb.toString();
    }

    static String scoreHintEn(int score, int passMark, List<ScoreOption> picked, String extraEn) {
        StringBuilder sb = new StringBuilder("score ").append(score).append(", needs ").append(passMark);
        sb.append(extraEn);
        if (!picked.isEmpty()) {
            sb.append(": cheapest points are ");
            for (int i = 0; i < picked.size(); i++) {
                ScoreOption o = picked.get(i);
                sb.append(i > 0 ? "; " : "").append(o.en()).append(" (+").append(o.gain()).append(")");
            }
        }
        return sb.toString();
    }
}
