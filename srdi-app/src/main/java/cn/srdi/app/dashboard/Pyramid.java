package cn.srdi.app.dashboard;

import java.time.LocalDate;
import java.util.Map;

/**
 * The pyramid of a region (or of the caller's parks) under a filter: totals, and the same counts
 * by park, by focus industry and by GB/T 4754 门类. Map keys are ids ("" for none), ordered.
 *
 * @param run     the region grade the eligible counts come from (null before the first one)
 * @param asOf    the day titles are counted in force
 * @param days    the expiry window of {@link Counts#expiring()}
 */
public record Pyramid(RegionRun run, LocalDate asOf, int days, DashboardFilter filter, Counts total,
                      Map<String, Counts> byPark, Map<String, Counts> byFocus, Map<String, Counts> bySection) {
}
