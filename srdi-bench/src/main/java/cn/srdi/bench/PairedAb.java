package cn.srdi.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Locale;

/**
 * Paired A/B of engine builds in one JVM, for a shared machine whose speed drifts by ±20% over
 * minutes: each {@code benchmarks.jar} is loaded in its own class loader, rounds of 200,000
 * assessments alternate between the builds (ABBA order), and each round is timed by the thread's
 * CPU time. The per-round ratios B/A cancel most of the drift; their median is the figure to trust.
 * Both jars must contain {@link PairedSide} (builds from this commit on).
 *
 * <pre>
 * java -Xms3g -Xmx3g -XX:+UseParallelGC -cp srdi-bench/target/benchmarks.jar cn.srdi.bench.PairedAb \
 *     1024 40 2022 /tmp/a/benchmarks.jar /tmp/b/benchmarks.jar
 * </pre>
 * Arguments: profiles per set (power of two), rounds, set ({@code 2022}, {@code 2026} or
 * {@code mixed}), then two or more jars; the first is the reference.
 */
public final class PairedAb {
    private static final int ROUND = 200_000;

    private PairedAb() {
    }

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        int rounds = Integer.parseInt(a[1]);
        String set = a[2];
        int jars = a.length - 3;
        Object[] state = new Object[jars];
        Method[] loop = new Method[jars];
        for (int j = 0; j < jars; j++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {new File(a[3 + j]).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> c = Class.forName("cn.srdi.bench.PairedSide", true, cl);
            state[j] = c.getMethod("make", int.class, String.class).invoke(null, n, set);
            loop[j] = c.getMethod("loop", Object.class, int.class);
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 8; w++) {
            for (int j = 0; j < jars; j++) {
                loop[j].invoke(null, state[j], ROUND);
            }
        }
        double[][] r = new double[jars][rounds];
        for (int k = 0; k < rounds; k++) {
            for (int jj = 0; jj < jars; jj++) {
                int j = (k & 1) == 0 ? jj : jars - 1 - jj;
                long c0 = mx.getCurrentThreadCpuTime();
                loop[j].invoke(null, state[j], ROUND);
                r[j][k] = ROUND / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
            }
        }
        for (int j = 0; j < jars; j++) {
            double[] x = r[j].clone();
            Arrays.sort(x);
            System.out.printf(Locale.ROOT, "%-40s %s n=%d  median %,10.0f  p75 %,10.0f  best %,10.0f ops/CPU-s%n",
                    a[3 + j], set, n, x[rounds / 2], x[rounds * 3 / 4], x[rounds - 1]);
        }
        for (int j = 1; j < jars; j++) {
            double[] q = new double[rounds];
            for (int k = 0; k < rounds; k++) {
                q[k] = r[j][k] / r[0][k];
            }
            Arrays.sort(q);
            System.out.printf(Locale.ROOT, "ratio %s / %s: median %.3f (p25 %.3f, p75 %.3f)%n",
                    a[3 + j], a[3], q[rounds / 2], q[rounds / 4], q[rounds * 3 / 4]);
        }
    }
}
