package cn.srdi.app.grading;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A grading run: one firm ({@code SINGLE}), the whole region ({@code REGION}), or the region under
 * other rules in the policy sandbox ({@code SANDBOX}, compared with {@code baseRunId}; a fresh base
 * for it is {@code SANDBOX_BASE}). Only SINGLE and REGION runs are official grades.
 */
public record GradeRun(long id, String kind, String rules, String settings, String rulesDigest, LocalDate assessmentDate,
                       String startedBy, LocalDateTime startedAt, LocalDateTime finishedAt, String status, int total,
                       int done, int skipped, String error, Long baseRunId) {

    public static final String SINGLE = "SINGLE";
    public static final String REGION = "REGION";
    public static final String SANDBOX = "SANDBOX";
    public static final String SANDBOX_BASE = "SANDBOX_BASE";

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public boolean running() {
        return RUNNING.equals(status);
    }

    /** Share done, 0–100. */
    public int percent() {
        return total <= 0 ? (DONE.equals(status) ? 100 : 0) : (int) Math.min(100, done * 100L / total);
    }

    /** Seconds since start (to the finish when finished). */
    public double seconds() {
        LocalDateTime end = finishedAt != null ? finishedAt : LocalDateTime.now(cn.srdi.app.audit.AuditTrail.ZONE);
        return Math.max(0, Duration.between(startedAt, end).toMillis()) / 1000.0;
    }

    /** Firms per second so far. */
    public long rate() {
        double s = seconds();
        return s <= 0 ? 0 : Math.round(done / s);
    }
}
