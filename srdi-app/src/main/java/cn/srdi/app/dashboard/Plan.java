package cn.srdi.app.dashboard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An action plan (行动计划) with its targets per metric and year. The baseline year is
 * {@code startYear - 1}.
 *
 * @param targets metric → (year → target), metrics in {@link #METRICS}
 */
public record Plan(long id, String nameZh, String nameEn, int startYear, int endYear, boolean active,
                   Map<String, Map<Integer, Integer>> targets) {

    /** The metrics a plan can target, in display order. */
    public static final List<String> METRICS = List.of("INNOVATIVE", "SRDI", "LITTLE_GIANT", "CHAMPION", "LISTING");

    public Integer target(String metric, int year) {
        Map<Integer, Integer> m = targets.get(metric);
        return m == null ? null : m.get(year);
    }

    public List<Integer> years() {
        int end = Math.min(endYear, startYear + PlanStore.MAX_SPAN - 1);
        return java.util.stream.IntStream.rangeClosed(startYear, Math.max(startYear, end)).boxed().toList();
    }

    /** Metrics that have at least one target. */
    public List<String> metrics() {
        return METRICS.stream().filter(m -> targets.containsKey(m) && !targets.get(m).isEmpty()).toList();
    }

    /** What a plan edit submits. */
    public record Input(String nameZh, String nameEn, int startYear, int endYear, Map<String, Map<Integer, Integer>> targets) {
        public Input {
            Map<String, Map<Integer, Integer>> copy = new TreeMap<>();
            if (targets != null) {
                targets.forEach((k, v) -> copy.put(k, v == null ? Map.of() : new TreeMap<>(v)));
            }
            targets = copy;
        }
    }
}
