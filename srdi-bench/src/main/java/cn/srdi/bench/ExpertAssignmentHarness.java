package cn.srdi.bench;

import cn.srdi.app.cultivation.assign.ExpertAssigner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The cultivation figure: a round of {@code cases} applications (default 5,000) and {@code experts}
 * experts (default 200), 3 experts per case, firms and experts spread over the four demo parks plus
 * none, and {@code conflicts} declared conflicts (default 2,000), assigned by the platform's own
 * {@link ExpertAssigner} (compiled from srdi-app's source into this jar). Every run is checked: no
 * same-park expert, no declared conflict, no expert twice on a case, every case served. Prints wall
 * and thread CPU time per run after warm-up runs.
 *
 * <pre>java -cp srdi-bench/target/benchmarks.jar cn.srdi.bench.ExpertAssignmentHarness [cases experts conflicts runs]</pre>
 */
public final class ExpertAssignmentHarness {

    static final List<String> PARKS = List.of("LIJIA", "ZHAOMUSHAN", "DADI", "TIANHAIXING");

    /** A generated round. */
    public record Round(List<ExpertAssigner.Case> cases, List<ExpertAssigner.Expert> experts,
                        Set<ExpertAssigner.Conflict> conflicts) {
    }

    private ExpertAssignmentHarness() {
    }

    public static Round round(int cases, int experts, int conflicts, long seed) {
        Random r = new Random(seed);
        List<ExpertAssigner.Case> cs = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            cs.add(new ExpertAssigner.Case(i + 1, String.format(Locale.ROOT, "91500000MA%08d", i),
                    r.nextInt(5) == 0 ? null : PARKS.get(r.nextInt(PARKS.size()))));
        }
        List<ExpertAssigner.Expert> es = new ArrayList<>(experts);
        for (int i = 0; i < experts; i++) {
            es.add(new ExpertAssigner.Expert("expert" + i, r.nextInt(2) == 0 ? null : PARKS.get(r.nextInt(PARKS.size()))));
        }
        Set<ExpertAssigner.Conflict> cf = new HashSet<>();
        while (cf.size() < conflicts) {
            cf.add(new ExpertAssigner.Conflict("expert" + r.nextInt(experts), cs.get(r.nextInt(cases)).creditCode()));
        }
        return new Round(cs, es, cf);
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int experts = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int conflicts = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int perCase = 3;
        Round rd = round(cases, experts, conflicts, 2026);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 5; w++) {
            ExpertAssigner.assign(rd.cases(), rd.experts(), rd.conflicts(), Map.of(), perCase, w);
        }
        double worstWall = 0;
        double worstCpu = 0;
        double sumCpu = 0;
        for (int i = 0; i < runs; i++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ExpertAssigner.Result res = ExpertAssigner.assign(rd.cases(), rd.experts(), rd.conflicts(), Map.of(), perCase, 1000 + i);
            double wall = (System.nanoTime() - t0) / 1e6;
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6;
            List<String> broken = ExpertAssigner.broken(res, rd.cases(), rd.experts(), rd.conflicts());
            if (!broken.isEmpty()) {
                throw new IllegalStateException("conflicts broken: " + broken.subList(0, Math.min(5, broken.size())));
            }
            if (!res.shortfalls().isEmpty()) {
                throw new IllegalStateException(res.shortfalls().size() + " cases short of experts");
            }
            int min = res.load().values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = res.load().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            System.out.printf(Locale.ROOT, "run %2d: %,d cases x %d experts, %,d reviews, wall %.1f ms, cpu %.1f ms, load %d..%d, "
                            + "0 conflicts broken%n", i + 1, cases, experts, cases * perCase, wall, cpu, min, max);
            worstWall = Math.max(worstWall, wall);
            worstCpu = Math.max(worstCpu, cpu);
            sumCpu += cpu;
        }
        System.out.printf(Locale.ROOT, "worst wall %.1f ms, worst cpu %.1f ms, mean cpu %.1f ms over %d runs (target <= 2000 ms)%n",
                worstWall, worstCpu, sumCpu / runs, runs);
    }
}
