package cn.srdi.engine.rules;

import cn.srdi.engine.model.Decimals;
import java.util.List;

/**
 * A banded score: ordered bands, first match wins, else {@code otherwise} points. Values and cuts are
 * scaled by {@link Decimals#SCALE}; for ratio metrics the cut is a percentage.
 */
public final class Bands {
    private final Band.Op[] ops;
    /** Per band, bit (signum + 1) is set when a comparison result with that signum is accepted. */
    private final int[] accept;
    private static final double PCT = 100.0 * Decimals.SCALE;
    private static final double TOLERANCE = 1e-9;
    private final long[] cuts;
    private final double[] cutsD;
    private final int[] points;
    private final int otherwise;
    private final int max;

    public Bands(List<Band> bands, int otherwise) {
        int n = bands.size();
        ops = new Band.Op[n];
        accept = new int[n];
        cuts = new long[n];
        cutsD = new double[n];
        points = new int[n];
        int m = otherwise;
        for (int i = 0; i < n; i++) {
            ops[i] = bands.get(i).op();
            accept[i] = (ops[i].test(-1) ? 1 : 0) | (ops[i].test(0) ? 2 : 0) | (ops[i].test(1) ? 4 : 0);
            cuts[i] = bands.get(i).cut();
            cutsD[i] = cuts[i];
            points[i] = bands.get(i).points();
            m = Math.max(m, points[i]);
        }
        this.otherwise = otherwise;
        this.max = m;
    }

    public int max() {
        return max;
    }

    public int otherwise() {
        return otherwise;
    }

    public int size() {
        return cuts.length;
    }

    public Band band(int i) {
        return new Band(ops[i], cuts[i], points[i]);
    }

    /** Points of a plain value. */
    public int score(long value) {
        for (int i = 0; i < cuts.length; i++) {
            if ((accept[i] >> (Long.compare(value, cuts[i]) + 1) & 1) != 0) {
                return points[i];
            }
        }
        return otherwise;
    }

    /**
     * Points of the percentage num/den·100, exactly; {@code otherwise} is not used for den ≤ 0 (callers
     * score 0). Each comparison num·100·10^4 vs cut·den is made in {@code double} (no division) and
     * confirmed exactly only when the two sides are within a relative 10^-9, where rounding could
     * matter (double rounding error is below 10^-15).
     */
    public int scorePercent(long num, long den) {
        double n = (double) num * PCT;
        double d = den;
        for (int i = 0; i < cuts.length; i++) {
            double c = cutsD[i] * d;
            double diff = n - c;
            double margin = TOLERANCE * (Math.abs(n) + Math.abs(c));
            int cmp;
            if (diff > margin) {
                cmp = 1;
            } else if (-diff > margin) {
                cmp = -1;
            } else {
                cmp = Decimals.comparePercent(num, den, cuts[i]);
            }
            if ((accept[i] >> (cmp + 1) & 1) != 0) {
                return points[i];
            }
        }
        return otherwise;
    }

    /** The exact form of {@link #scorePercent}, for tests. */
    int scorePercentExact(long num, long den) {
        for (int i = 0; i < cuts.length; i++) {
            if ((accept[i] >> (Decimals.comparePercent(num, den, cuts[i]) + 1) & 1) != 0) {
                return points[i];
            }
        }
        return otherwise;
    }

    /** Points of the growth (a−b)/b·100 with b &gt; 0. */
    public int scoreGrowth(long a, long b) {
        for (int i = 0; i < cuts.length; i++) {
            if ((accept[i] >> (Decimals.compareGrowth(a, b, cuts[i]) + 1) & 1) != 0) {
                return points[i];
            }
        }
        return otherwise;
    }

    /** Points of the mean of g(a,b) and g(b,c), b and c &gt; 0. */
    public int scoreMeanGrowth(long a, long b, long c) {
        for (int i = 0; i < cuts.length; i++) {
            if ((accept[i] >> (Decimals.compareMeanGrowth(a, b, c, cuts[i]) + 1) & 1) != 0) {
                return points[i];
            }
        }
        return otherwise;
    }

    /** Human-readable form, as written in rule files: ">=5:20, >=3:15, else:0". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cuts.length; i++) {
            sb.append(ops[i].symbol()).append(Decimals.format(cuts[i])).append(':').append(points[i]).append(", ");
        }
        return sb.append("else:").append(otherwise).toString();
    }
}
