package cn.srdi.engine.synth;

import java.util.SplittableRandom;

/**
 * The generator's only source of randomness: a {@link SplittableRandom} plus normal variates by
 * inversion (Acklam's rational approximation, relative error &lt; 1.2e-9). Only IEEE arithmetic and
 * {@link StrictMath} are used, so a seed gives the same numbers on every JVM and platform.
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

    /** Standard normal variate. */
    double gauss() {
        double p = r.nextDouble();
        return inverseNormal(p == 0 ? 0x1.0p-53 : p);
    }

    /** Log-normal variate with the given median and log-scale sigma. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gauss());
    }

    /**
     * A latent-threshold Bernoulli: true with probability {@code p}, correlated with the standard
     * normal {@code s} by {@code rho} (a one-factor probit model). {@code cut} is {@code
     * inverseNormal(1 - p)}, precomputed by the caller.
     */
    boolean probit(double cut, double s, double rho) {
        return rho * s + StrictMath.sqrt(1 - rho * rho) * gauss() > cut;
    }

    /** Quantile function of the standard normal distribution, for 0 &lt; p &lt; 1. */
    static double inverseNormal(double p) {
        if (p < P_LOW) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p <= 1 - P_LOW) {
            double q = p - 0.5;
            double t = q * q;
            return (((((A[0] * t + A[1]) * t + A[2]) * t + A[3]) * t + A[4]) * t + A[5]) * q
                    / (((((B[0] * t + B[1]) * t + B[2]) * t + B[3]) * t + B[4]) * t + 1);
        }
        double q = StrictMath.sqrt(-2 * StrictMath.log(1 - p));
        return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }

    /** The cut of {@link #probit}: the (1 - p) quantile. */
    static double cut(double p) {
        return inverseNormal(1 - p);
    }
}
