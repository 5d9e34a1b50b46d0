package cn.srdi.app.cultivation.assign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random expert assignment without conflicts (双随机): plain Java, no framework, so the benchmark
 * harness of {@code srdi-bench} compiles and runs it as it is.
 *
 * <p>Cases are taken in a random order; each gets {@code perCase} distinct experts drawn among the
 * eligible ones (not of the firm's park, no declared conflict with the firm, not already reviewing
 * the case), always among those with the least load so far, ties broken at random. The result is
 * random, never breaks a conflict, and spreads the load: the loads of experts eligible for the same
 * cases differ by at most one when every case can be served. A case with fewer eligible experts
 * than {@code perCase} is reported as short, with what could be assigned.
 */
public final class ExpertAssigner {

    /** A case to assign: its id, the firm's credit code and park (null when none). */
    public record Case(long id, String creditCode, String parkId) {
    }

    /** An eligible expert: username and the park the expert belongs to (null when none). */
    public record Expert(String username, String parkId) {
    }

    /** A declared conflict of interest between an expert and a firm. */
    public record Conflict(String username, String creditCode) {
    }

    /**
     * The outcome: experts per case (in drawing order) and the cases that got fewer than asked.
     */
    public record Result(Map<Long, List<String>> experts, Map<Long, Integer> shortfalls, Map<String, Integer> load) {
    }

    private ExpertAssigner() {
    }

    /**
     * Assigns {@code perCase} experts to every case.
     *
     * @param already experts already reviewing a case (kept out of its draw), may be empty
     * @param seed    the random seed (the same inputs and seed give the same assignment)
     */
    public static Result assign(List<Case> cases, List<Expert> experts, Set<Conflict> conflicts,
                                Map<Long, Set<String>> already, int perCase, long seed) {
        if (perCase < 1) {
            throw new IllegalArgumentException("perCase must be at least 1, was " + perCase);
        }
        int n = experts.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (index.put(experts.get(i).username(), i) != null) {
                throw new IllegalArgumentException("expert listed twice: " + experts.get(i).username());
            }
        }
        // conflicts by firm: expert indexes
        Map<String, Set<Integer>> conflictsByFirm = new HashMap<>();
        for (Conflict c : conflicts) {
            Integer i = index.get(c.username());
            if (i != null) {
                conflictsByFirm.computeIfAbsent(c.creditCode(), k -> new HashSet<>()).add(i);
            }
        }
        int[] load = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        List<Case> order = new ArrayList<>(cases);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Case t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        Map<Long, List<String>> out = new HashMap<>();
        Map<Long, Integer> shortOf = new HashMap<>();
        boolean[] taken = new boolean[n];
        int[] ties = new int[n];
        for (Case c : order) {
            Arrays.fill(taken, false);
            Set<Integer> conflicted = conflictsByFirm.getOrDefault(c.creditCode(), Set.of());
            for (String u : already.getOrDefault(c.id(), Set.of())) {
                Integer i = index.get(u);
                if (i != null) {
                    taken[i] = true;
                }
            }
            List<String> chosen = new ArrayList<>(perCase);
            for (int k = 0; k < perCase; k++) {
                int best = Integer.MAX_VALUE;
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (taken[i] || conflicted.contains(i) || samePark(c.parkId(), experts.get(i).parkId())) {
                        continue;
                    }
                    if (load[i] < best) {
                        best = load[i];
                        count = 0;
                    }
                    if (load[i] == best) {
                        ties[count++] = i;
                    }
                }
                if (count == 0) {
                    shortOf.put(c.id(), perCase - k);
                    break;
                }
                int pick = ties[random.nextInt(count)];
                taken[pick] = true;
                load[pick]++;
                chosen.add(experts.get(pick).username());
            }
            out.put(c.id(), chosen);
        }
        Map<String, Integer> loads = new HashMap<>();
        for (int i = 0; i < n; i++) {
            loads.put(experts.get(i).username(), load[i]);
        }
        return new Result(out, shortOf, loads);
    }

    /** True when an expert of a park would review a firm of the same park. */
    public static boolean samePark(String firmPark, String expertPark) {
        return firmPark != null && expertPark != null && Objects.equals(firmPark, expertPark);
    }

    /** The conflicts an assignment breaks (empty when none): for tests and the benchmark's check. */
    public static List<String> broken(Result r, List<Case> cases, List<Expert> experts, Set<Conflict> conflicts) {
        Map<String, String> parkOf = new HashMap<>();
        experts.forEach(e -> parkOf.put(e.username(), e.parkId()));
        List<String> out = new ArrayList<>();
        for (Case c : cases) {
            List<String> es = r.experts().getOrDefault(c.id(), List.of());
            if (new HashSet<>(es).size() != es.size()) {
                out.add("case " + c.id() + ": an expert twice " + es);
            }
            for (String e : es) {
                if (samePark(c.parkId(), parkOf.get(e))) {
                    out.add("case " + c.id() + ": expert " + e + " of the same park " + c.parkId());
                }
                if (conflicts.contains(new Conflict(e, c.creditCode()))) {
                    out.add("case " + c.id() + ": expert " + e + " declared a conflict with " + c.creditCode());
                }
            }
        }
        return out;
    }
}
