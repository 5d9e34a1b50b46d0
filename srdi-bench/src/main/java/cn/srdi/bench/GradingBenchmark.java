package cn.srdi.bench;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.synth.RegionGenerator;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Engine throughput on one core: full assessments per second (every rung, every condition; the
 * explanation text is not built). Target of the issue: at least 2,000,000 ops/s.
 *
 * <p>Profiles come from {@link RegionGenerator#nextProfile()} (valid rows, 2% edge rows), generated
 * once per trial: one set dated 2026-03-01 (graded by {@code cn-2022} + {@code champion-2023}) and
 * one dated 2026-06-01 ({@code cn-2026} + {@code champion-2023}). Every profile is graded once in
 * the set-up so that the one-off industry-code normalisation of {@link Grader#grade} is not
 * measured. Each invocation moves to the next profile, so branch prediction sees the real mix of
 * outcomes; see {@link #profiles} for the cache effect. Figures: {@code docs/PERFORMANCE.md}.
 *
 * <pre>
 * mvn -q -DskipTests install
 * java -jar srdi-bench/target/benchmarks.jar GradingBenchmark -f 1 -wi 3 -w 2 -i 5 -r 3 -t 1
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Thread)
public class GradingBenchmark {
    /** Default profiles per set. */
    public static final int PROFILES = 1 << 16;
    /** Profiles graded per invocation of the batch benchmarks. */
    public static final int BATCH = 1024;

    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
    static final LocalDate DATE_2022 = LocalDate.of(2026, 3, 1);
    static final LocalDate DATE_2026 = LocalDate.of(2026, 6, 1);

    @Param({"1"})
    public long seed;

    /**
     * Profiles per set, a power of two (the cursor is masked). 65536 profiles (about 2 KB each, far
     * beyond L2) make every assessment start on a cold profile; 1024 keep the set cache-resident,
     * as in the CLI where a profile is graded right after it was built, and show the compute cost.
     */
    @Param({"65536"})
    public int profiles;
    int mask;

    Grader grader;
    Profile[] cn2022;
    Profile[] cn2026;
    Profile[] mixed;
    int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        if (Integer.bitCount(profiles) != 1) {
            throw new IllegalArgumentException("profiles must be a power of two: " + profiles);
        }
        mask = profiles - 1;
        grader = new Grader(RuleCatalog.builtIn(), RUN_DATE);
        cn2022 = generate(seed, DATE_2022, profiles);
        cn2026 = generate(seed + 1, DATE_2026, profiles);
        mixed = new Profile[profiles];
        for (int i = 0; i < profiles; i++) {
            mixed[i] = (i & 1) == 0 ? cn2022[i] : cn2026[i];
        }
        // The first grade of a profile may normalise its industry code in place (idempotent): do it now.
        long check = 0;
        for (Profile p : cn2022) {
            check += digest(grader.grade(p));
        }
        for (Profile p : cn2026) {
            check += digest(grader.grade(p));
        }
        if (check == 0) {
            throw new IllegalStateException("no profile graded");
        }
        cursor = 0;
    }

    static Profile[] generate(long seed, LocalDate date, int n) {
        RegionGenerator gen = new RegionGenerator(seed, date, 0, 0.02);
        Profile[] out = new Profile[n];
        for (int i = 0; i < n; i++) {
            out[i] = gen.nextProfile().row(i + 2L);
        }
        return out;
    }

    /**
     * Something that depends on the whole grade without allocating: the eligible tier, every
     * graded tier's status and score, and one condition's points, so nothing is dead code.
     */
    static int digest(Grade g) {
        Tier e = g.eligibleTier();
        int h = e == null ? 0 : e.ordinal() + 1;
        for (Tier t : TIERS) {
            TierResult r = g.tier(t);
            if (r != null) {
                h = 31 * h + r.status().ordinal();
                h = 31 * h + (r.conditionCount() > 0 ? r.points(0) : 0);
            }
        }
        return h;
    }

    private static final Tier[] TIERS = Tier.values();

    private Profile next(Profile[] set) {
        Profile p = set[cursor];
        cursor = (cursor + 1) & mask;
        return p;
    }

    /** One full assessment under cn-2022 (+ champion-2023, size class). */
    @Benchmark
    public int grade2022() {
        return digest(grader.grade(next(cn2022)));
    }

    /** One full assessment under cn-2026 (+ champion-2023, size class). */
    @Benchmark
    public int grade2026() {
        return digest(grader.grade(next(cn2026)));
    }

    /** Half and half, alternating (a region graded across the 2026-04-01 switch). */
    @Benchmark
    public int gradeMixed() {
        return digest(grader.grade(next(mixed)));
    }

    /** As {@link #gradeMixed}, {@value #BATCH} assessments per invocation (no per-call JMH overhead). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void gradeMixedBatch(Blackhole bh) {
        Profile[] set = mixed;
        int c = cursor;
        int m = mask;
        for (int i = 0; i < BATCH; i++) {
            bh.consume(digest(grader.grade(set[c])));
            c = (c + 1) & m;
        }
        cursor = c;
    }
}
