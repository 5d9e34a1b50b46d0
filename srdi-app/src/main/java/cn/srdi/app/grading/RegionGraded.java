package cn.srdi.app.grading;

import java.time.LocalDate;
import java.util.Map;

/**
 * Published (inside the transaction that marks the run done; listen after commit) when a region
 * run of official grades has finished: dashboards refresh from its records. Sandbox runs never
 * publish it.
 *
 * @param runId          the {@code grade_run} id
 * @param assessmentDate the assessment date of the run
 * @param rules          the rule selection ({@code auto} or ids)
 * @param rulesDigest    SHA-256 of the effective rules
 * @param graded         firms graded (records written)
 * @param skipped        firms without indicators for the base year
 * @param eligible       firms per eligible tier ({@code NONE}, {@code INNOVATIVE}, …) plus {@code CHAMPION}
 */
public record RegionGraded(long runId, LocalDate assessmentDate, String rules, String rulesDigest, int graded,
                           int skipped, Map<String, Long> eligible) {
}
