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
    /**
     * +1 when the bands are nested upwards (all {@code >=}/{@code >}, each band's set inside the
     * next one's: cuts falling), -1 when nested downwards (all {@code <=}/{@code <}, cuts rising),
     * 0 otherwise. In a nested list the bands that do not match form a prefix, so the first match is
     * at index "number of bands that do not match", which is counted without a branch per band.
     */
    private final int nested;
    /** {@link #nested} as a double (±1), to flip the sign of a difference. */
    private final double dir;
    /** Per band 1 for {@code >}/{@code <} (a value equal to the cut does not match), 0 for {@code >=}/{@code <=}. */
    private final long[] strict;
    /** {@code 2.0 * cut}, the factor of the mean-growth comparison, exactly as {@link Decimals#compareMeanGrowth} forms it. */
    private final double[] cuts2D;
    /** Points by number of leading bands that do not match: {@code points}, then {@code otherwise}. */
    private final int[] byMisses;
    /** The cuts (as doubles) between an infinite sentinel before and after, in {@link #nested} order. */
    private final double[] padded;
    /** Bound of |value| below which the integer differences of {@link #score} cannot overflow. */
    private static final long PLAIN_LIMIT = 1L << 61;
    /**
     * Cuts a nested list is counted over in straight-line code (no loop): the built-in rule files
     * have at most 6 cuts per list. A longer list (from an overlay) is counted by the loop.
     */
    static final int WIDE = 6;
    /**
     * {@link #cutsD} padded to {@link #WIDE} with cuts no value misses (−∞ for nested upwards, +∞
     * downwards), so the miss count is the same; null when the list is longer or not nested.
     */
    private final double[] wideD;
    /** {@link #cuts} padded the same way with ∓2·{@link #PLAIN_LIMIT} (strict 0): no overflow, no miss. */
    private final long[] wide;

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
        this.nested = nesting(ops, cuts);
        this.dir = nested;
        strict = new long[n];
        cuts2D = new double[n];
        byMisses = new int[n + 1];
        for (int i = 0; i < n; i++) {
            strict[i] = ops[i] == Band.Op.GT || ops[i] == Band.Op.LT ? 1 : 0;
            cuts2D[i] = 2.0 * cuts[i];
            byMisses[i] = points[i];
        }
        byMisses[n] = otherwise;
        padded = new double[n + 2];
        padded[0] = nested >= 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        padded[n + 1] = -padded[0];
        System.arraycopy(cutsD, 0, padded, 1, n);
        if (nested != 0 && n <= WIDE) {
            wideD = new double[WIDE];
            wide = new long[2 * WIDE];
            for (int i = 0; i < WIDE; i++) {
                wideD[i] = i < n ? cutsD[i] : nested > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                // value - cut - strict (nested upwards) or cut - value - strict: one array, cut then strict
                wide[2 * i] = i < n ? cuts[i] : nested > 0 ? -2 * PLAIN_LIMIT : 2 * PLAIN_LIMIT;
                wide[2 * i + 1] = i < n ? strict[i] : 0;
            }
        } else {
            wideD = null;
            wide = null;
        }
    }

    /** 1 when {@code x} is negative, else 0. */
    private static int neg(long x) {
        return (int) (x >>> 63);
    }

    /** +1 nested upwards, -1 downwards, 0 not nested (scored by the walk). */
    int nesting() {
        return nested;
    }

    /** +1, -1 or 0: see {@link #nested}. */
    static int nesting(Band.Op[] ops, long[] cuts) {
        boolean up = true;
        boolean down = true;
        for (Band.Op op : ops) {
            up &= op == Band.Op.GE || op == Band.Op.GT;
            down &= op == Band.Op.LE || op == Band.Op.LT;
        }
        for (int i = 0; i + 1 < ops.length; i++) {
            // band i's set must lie inside band i+1's; with equal cuts only a strict op may come first
            boolean sameCutOk = !(ops[i] == Band.Op.GE && ops[i + 1] == Band.Op.GT) && !(ops[i] == Band.Op.LE && ops[i + 1] == Band.Op.LT);
            up &= cuts[i] > cuts[i + 1] || (cuts[i] == cuts[i + 1] && sameCutOk);
            down &= cuts[i] < cuts[i + 1] || (cuts[i] == cuts[i + 1] && sameCutOk);
        }
        return up ? 1 : down ? -1 : 0;
    }

    /** 1 when the sign bit of {@code x} is set (negative, or -0.0), else 0. */
    private static int signBit(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 63);
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
        if (nested != 0 && value < PLAIN_LIMIT && value > -PLAIN_LIMIT) {
            // a band does not match when (value − cut)·dir − strict < 0 (cuts are bounded like values)
            long[] w = wide;
            if (w != null) {
                // straight-line over the padded cuts (no loop to unroll, no exit to predict)
                int misses = nested > 0
                        ? neg(value - w[10] - w[11]) + neg(value - w[8] - w[9]) + neg(value - w[6] - w[7])
                            + neg(value - w[4] - w[5]) + neg(value - w[2] - w[3]) + neg(value - w[0] - w[1])
                        : neg(w[10] - value - w[11]) + neg(w[8] - value - w[9]) + neg(w[6] - value - w[7])
                            + neg(w[4] - value - w[5]) + neg(w[2] - value - w[3]) + neg(w[0] - value - w[1]);
                return byMisses[misses];
            }
            long[] c = cuts;
            long[] st = strict;
            int misses = 0;
            if (nested > 0) {
                for (int i = 0; i < c.length; i++) {
                    misses += (int) ((value - c[i] - st[i]) >>> 63);
                }
            } else {
                for (int i = 0; i < c.length; i++) {
                    misses += (int) ((c[i] - value - st[i]) >>> 63);
                }
            }
            return byMisses[misses];
        }
        return scoreLoop(value);
    }

    /** The band walk of {@link #score}, first match wins (the reference, and for lists that are not nested). */
    int scoreLoop(long value) {
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
        if (nested == 0 || den <= 0) {
            return scorePercentLoop(num, den);
        }
        // The percentage once, as a double q (relative error below 10^-15), compared with every cut
        // without a branch; the count of bands that do not match picks the points. The count is
        // exact unless q lies within a relative 10^-9 of a cut, and because the cuts are sorted, q
        // can only lie that close to some cut if it does to one of the two cuts around the count
        // (the last band missed, the first matched): only those two are checked, then the walk
        // decides exactly.
        double q = (double) num * PCT / den;
        int misses = 0;
        double[] w = wideD;
        if (w != null) {
            // straight-line over the padded cuts (no loop to unroll, no exit to predict)
            misses = nested > 0
                    ? signBit(q - w[5]) + signBit(q - w[4]) + signBit(q - w[3]) + signBit(q - w[2]) + signBit(q - w[1]) + signBit(q - w[0])
                    : signBit(w[5] - q) + signBit(w[4] - q) + signBit(w[3] - q) + signBit(w[2] - q) + signBit(w[1] - q) + signBit(w[0] - q);
        } else {
            double[] cd = cutsD;
            if (nested > 0) {
                for (int i = 0; i < cd.length; i++) {
                    misses += signBit(q - cd[i]);
                }
            } else {
                for (int i = 0; i < cd.length; i++) {
                    misses += signBit(cd[i] - q);
                }
            }
        }
        double margin = TOLERANCE * Math.abs(q);
        double[] around = padded;
        int far = signBit(margin - Math.abs(q - around[misses])) & signBit(margin - Math.abs(q - around[misses + 1]));
        return far != 0 ? byMisses[misses] : scorePercentLoop(num, den);
    }

    /** The band walk of {@link #scorePercent} (the reference, near a cut, and for lists that are not nested). */
    int scorePercentLoop(long num, long den) {
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
        // (a−b)/b·100 compared with a cut is (a−b)·100·SCALE vs cut·b: the percentage (a−b)/b
        return b > 0 && nested != 0 ? scorePercent(a - b, b) : scoreGrowthLoop(a, b);
    }

    /** The band walk of {@link #scoreGrowth}, exact per band (the reference). */
    int scoreGrowthLoop(long a, long b) {
        for (int i = 0; i < cuts.length; i++) {
            if ((accept[i] >> (Decimals.compareGrowth(a, b, cuts[i]) + 1) & 1) != 0) {
                return points[i];
            }
        }
        return otherwise;
    }

    /** Points of the mean of g(a,b) and g(b,c), b and c &gt; 0. */
    public int scoreMeanGrowth(long a, long b, long c) {
        if (nested == 0) {
            return scoreMeanGrowthLoop(a, b, c);
        }
        // Decimals.compareMeanGrowth for every band at once: the same doubles in the same order,
        // the same margin; any band within it sends the whole score to the exact walk.
        double lhs = (double) Decimals.PCT_FACTOR * ((double) (a - b) * c + (double) (b - c) * b);
        double al = Math.abs(lhs);
        double[] c2 = cuts2D;
        int misses = 0;
        int near = 0;
        for (int i = 0; i < c2.length; i++) {
            double rhs = c2[i] * (double) b * c;
            double diff = lhs - rhs;
            double mag = al + Math.abs(rhs);
            misses += signBit(diff * dir);
            near |= signBit(mag * 1e-12 - Math.abs(diff)) ^ 1;
        }
        return near == 0 ? byMisses[misses] : scoreMeanGrowthLoop(a, b, c);
    }

    /** The band walk of {@link #scoreMeanGrowth} (the reference). */
    int scoreMeanGrowthLoop(long a, long b, long c) {
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
