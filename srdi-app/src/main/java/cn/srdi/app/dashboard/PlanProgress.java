package cn.srdi.app.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * Targets against actuals of one plan, as seen by one scope.
 *
 * <p>Actual of a title metric in year Y = firms holding a title of that metric in force on
 * 31 December Y (today for the current year): recognised on or before that day, not expired
 * before it; revoked titles never count (the registry keeps no revocation date, so a revoked
 * title is taken as never valid — conservative). INNOVATIVE counts 创新型 and 科技和创新型
 * titles. LISTING counts new listings from 1 January of the start year up to that day. The
 * baseline year is {@code startYear - 1}. Years after the current one have no actual.
 *
 * @param status plan-level status: the worst of its metrics
 */
public record PlanProgress(Plan plan, LocalDate asOf, int baselineYear, List<Metric> metrics, Status status) {

    /** On-track indicator. */
    public enum Status {
        /** Plan period has not begun. */
        NOT_STARTED,
        /** At or above the target expected by today (linear within the year). */
        ON_TRACK,
        /** At least 85% of what is expected by today. */
        AT_RISK,
        /** Below 85% of what is expected by today. */
        BEHIND,
        /** Ended with the final target met. */
        ACHIEVED,
        /** Ended with the final target missed. */
        MISSED,
        /** No target to compare with. */
        NO_TARGET
    }

    /** One year of one metric: target, actual (null for future years), partial = the current year. */
    public record Point(int year, Integer target, Long actual, boolean partial, Double percent) {
        public Point(int year, Integer target, Long actual, boolean partial) {
            this(year, target, actual, partial,
                    target == null || actual == null || target == 0 ? null : Math.round(actual * 1000.0 / target) / 10.0);
        }
    }

    /**
     * One metric.
     *
     * @param baseline    actual of the baseline year
     * @param eligibleNow firms eligible by the current region grade (null for LISTING or no grade)
     * @param current     the point the status is judged on (current year, or the final year)
     * @param expected    target expected by today (interpolated), null when not applicable
     */
    public record Metric(String metric, Long baseline, List<Point> points, Long eligibleNow, Point current,
                         Double expected, Status status, Double percent) {
        public Metric(String metric, Long baseline, List<Point> points, Long eligibleNow, Point current, Double expected,
                      Status status) {
            this(metric, baseline, points, eligibleNow, current, expected, status, current == null ? null : current.percent());
        }
    }
}
