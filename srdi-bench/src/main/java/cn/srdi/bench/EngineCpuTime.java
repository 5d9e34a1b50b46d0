package cn.srdi.bench;

import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.model.Profile;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * A companion of {@link GradingBenchmark} for a shared machine: the same single-threaded loop,
 * measured both in wall time and in the grading thread's own CPU time (ThreadMXBean), plus bytes
 * allocated per assessment. On a machine where other processes compete for the cores, JMH's
 * wall-clock throughput falls with the load; assessments per CPU-second do not (much) and say what
 * one core can do. Not a replacement for the JMH figure, a way to read it.
 *
 * <pre>
 * java -cp srdi-bench/target/benchmarks.jar cn.srdi.bench.EngineCpuTime [profiles=65536] [rounds=5] [seconds=3]
 * </pre>
 */
public final class EngineCpuTime {
    private EngineCpuTime() {
    }

    public static void main(String[] args) {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : GradingBenchmark.PROFILES;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        Grader grader = new Grader(RuleCatalog.builtIn(), GradingBenchmark.RUN_DATE);
        Profile[] cn2022 = GradingBenchmark.generate(1, GradingBenchmark.DATE_2022, profiles);
        Profile[] cn2026 = GradingBenchmark.generate(2, GradingBenchmark.DATE_2026, profiles);
        Profile[] mixed = new Profile[profiles];
        for (int i = 0; i < profiles; i++) {
            mixed[i] = (i & 1) == 0 ? cn2022[i] : cn2026[i];
        }
        run("cn-2022", grader, cn2022, rounds, seconds);
        run("cn-2026", grader, cn2026, rounds, seconds);
        run("mixed", grader, mixed, rounds, seconds);
    }

    private static void run(String label, Grader grader, Profile[] set, int rounds, double seconds) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        // Warm-up: normalise every profile once, then let the JIT settle.
        loop(grader, set, set.length);
        long warmEnd = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            loop(grader, set, 100_000);
        }
        double[] perCpu = new double[rounds];
        double[] perWall = new double[rounds];
        double[] bytes = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long ops = 0;
            long cpu0 = mx.getCurrentThreadCpuTime();
            long alloc0 = mx.getThreadAllocatedBytes(tid);
            long wall0 = System.nanoTime();
            long end = wall0 + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                loop(grader, set, 65_536);
                ops += 65_536;
            }
            long wall = System.nanoTime() - wall0;
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long alloc = mx.getThreadAllocatedBytes(tid) - alloc0;
            perCpu[r] = ops / (cpu / 1e9);
            perWall[r] = ops / (wall / 1e9);
            bytes[r] = (double) alloc / ops;
            System.out.printf(Locale.ROOT, "%-8s round %d: %,12.0f ops/CPU-s  %,12.0f ops/wall-s  %6.0f B/op  (cpu/wall %.2f)%n",
                    label, r + 1, perCpu[r], perWall[r], bytes[r], (double) cpu / wall);
        }
        System.out.printf(Locale.ROOT, "%-8s median : %,12.0f ops/CPU-s  %,12.0f ops/wall-s  %6.0f B/op  (profiles %d)%n",
                label, median(perCpu), median(perWall), median(bytes), set.length);
    }

    private static int cursor;
    static volatile int sink;

    private static void loop(Grader grader, Profile[] set, int n) {
        int c = cursor;
        int h = 0;
        int len = set.length;
        for (int i = 0; i < n; i++) {
            h += GradingBenchmark.digest(grader.grade(set[c]));
            if (++c == len) {
                c = 0;
            }
        }
        cursor = c;
        sink = h;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
