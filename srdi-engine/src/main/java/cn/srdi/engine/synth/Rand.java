package cn.srdi.engine.synth;

import java.util.SplittableRandom;

/**
 * The generator's only source of randomness: a {@link SplittableRandom} plus normal variates by
 * Marsaglia and Tsang's ziggurat (128 strips; index and value from independent bits of one 64-bit
 * draw). {@link #exp} and {@link #log} are small table-and-polynomial implementations built from IEEE
 * +, ×, ÷ only, and the ziggurat tables are built from them: a seed gives the same numbers on every
 * JVM and platform, and a million rows need no slow {@code StrictMath} calls.
 */
final class Rand {
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549671010173880e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double P_LOW = 0.02425;
    /** Ziggurat tables (Marsaglia and Tsang 2000, 128 strips). */
    private static final int[] KN = new int[128];
    private static final double[] WN = new double[128];
    private static final double[] FN = new double[128];
    private static final double ZIGGURAT_R = 3.442619855899;
    private static final double LN2 = 0.6931471805599453;
    private static final double LN2_OVER_256 = LN2 / 256;
    private static final double INV_LN2_TIMES_256 = 256 / LN2;
    private static final double SQRT2 = 1.4142135623730951;
    /** EXP2[j] = 2^(j/256). */
    private static final double[] EXP2 = new double[256];

    static {
        for (int j = 0; j < 256; j++) {
            EXP2[j] = StrictMath.pow(2, j / 256.0);
        }
        double m1 = 2147483648.0;
        double dn = ZIGGURAT_R;
        double tn = dn;
        double vn = 9.91256303526217e-3;
        double q = vn / exp(-0.5 * dn * dn);
        KN[0] = (int) ((dn / q) * m1);
        KN[1] = 0;
        WN[0] = q / m1;
        WN[127] = dn / m1;
        FN[0] = 1.0;
        FN[127] = exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; i--) {
            dn = Math.sqrt(-2 * log(vn / dn + exp(-0.5 * dn * dn)));
            KN[i + 1] = (int) ((dn / tn) * m1);
            tn = dn;
            FN[i] = exp(-0.5 * dn * dn);
            WN[i] = dn / m1;
        }
    }

    private final SplittableRandom r;

    Rand(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** Uniform in [0, 1). */
    double u() {
        return r.nextDouble();
    }

    /** Uniform in [lo, hi). */
    double between(double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Uniform integer in [0, n). */
    int below(int n) {
        return r.nextInt(n);
    }

    /** Uniform integer in [lo, hi]. */
    int range(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    long nextLong() {
        return r.nextLong();
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    /** Standard normal variate (ziggurat). */
    double gauss() {
        while (true) {
            long bits = r.nextLong();
            int hz = (int) bits; // value: low 32 bits, signed
            int iz = (int) (bits >>> 57); // strip: top 7 bits, independent of the value
            if (hz != Integer.MIN_VALUE && Math.abs(hz) < KN[iz]) {
                return hz * WN[iz];
            }
            double x = hz * WN[iz];
            if (iz == 0) { // the tail beyond R
                double t;
                double y;
                do {
                    t = -log(uPositive()) / ZIGGURAT_R;
                    y = -log(uPositive());
                } while (y + y < t * t);
                return hz > 0 ? ZIGGURAT_R + t : -ZIGGURAT_R - t;
            }
            if (FN[iz] + r.nextDouble() * (FN[iz - 1] - FN[iz]) < exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /** Uniform in (0, 1). */
    private double uPositive() {
        double u;
        do {
            u = r.nextDouble();
        } while (u == 0);
        return u;
    }

    /** Log-normal variate with the given median and log-scale sigma. */
    double logNormal(double median, double sigma) {
        return median * exp(sigma * gauss());
    }

    /**
     * e^x, relative error below 1e-13, from IEEE arithmetic only (so bit-identical everywhere):
     * x = (256k + j)·ln2/256 + t, e^x = 2^k · 2^(j/256) · e^t with a short Taylor series for e^t.
     */
    static double exp(double x) {
        if (!(x > -700 && x < 700)) {
            return x != x ? x : x > 0 ? Double.POSITIVE_INFINITY : StrictMath.exp(x);
        }
        double n = Math.floor(x * INV_LN2_TIMES_256);
        double t = x - n * LN2_OVER_256; // 0 ≤ t < ln2/256 (up to rounding)
        long k = (long) n;
        int j = (int) (k & 255);
        double p = 1 + t * (1 + t * (0.5 + t * (1 / 6.0 + t * (1 / 24.0 + t * (1 / 120.0)))));
        return EXP2[j] * p * Double.longBitsToDouble(((k >> 8) + 1023) << 52); // × 2^(k >> 8), exact
    }

    /** Natural logarithm of a positive normal number, relative error below 1e-14 (IEEE arithmetic only). */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) ((bits >>> 52) & 0x7ff) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000f_ffff_ffff_ffffL) | 0x3ff0_0000_0000_0000L);
        if (m > SQRT2) {
            m *= 0.5;
            e++;
        }
        double s = (m - 1) / (m + 1); // |s| ≤ 0.1716
        double s2 = s * s;
        double series = s * (2 + s2 * (2 / 3.0 + s2 * (2 / 5.0 + s2 * (2 / 7.0 + s2 * (2 / 9.0 + s2 * (2 / 11.0
                + s2 * (2 / 13.0 + s2 * (2 / 15.0 + s2 * (2 / 17.0 + s2 * (2 / 19.0))))))))));
        return e * LN2 + series;
    }

    /** x^y for x &gt; 0. */
    static double pow(double x, double y) {
        return exp(y * log(x));
    }

    /**
     * A latent-threshold Bernoulli: true with probability {@code p}, correlated with the standard
     * normal {@code s} by {@code rho} (a one-factor probit model). {@code cut} is {@code
     * inverseNormal(1 - p)}, precomputed by the caller.
     */
    boolean probit(double cut, double s, double rho) {
        return rho * s + Math.sqrt(1 - rho * rho) * gauss() > cut;
    }

    /** Quantile function of the standard normal distribution, for 0 &lt; p &lt; 1. */
    static double inverseNormal(double p) {
        if (p < P_LOW) {
            double q = Math.sqrt(-2 * log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p <= 1 - P_LOW) {
            double q = p - 0.5;
            double t = q * q;
            return (((((A[0] * t + A[1]) * t + A[2]) * t + A[3]) * t + A[4]) * t + A[5]) * q
                    / (((((B[0] * t + B[1]) * t + B[2]) * t + B[3]) * t + B[4]) * t + 1);
        }
        double q = Math.sqrt(-2 * log(1 - p));
        return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }

    /** The cut of {@link #probit}: the (1 - p) quantile. */
    static double cut(double p) {
        return inverseNormal(1 - p);
    }
}
