package cn.srdi.app.grading;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One stored grade of a firm ({@code grade_record} with its run). */
public record StoredGrade(long runId, String kind, String creditCode, String parkId, String industryCode,
                          LocalDate assessmentDate, LocalDateTime gradedAt, String rules, String settings,
                          String rulesDigest, GradeSummary summary, String snapshot) {
}
