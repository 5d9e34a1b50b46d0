package cn.srdi.app.dashboard;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A finished region grade run (grade_run with kind REGION and status DONE). */
public record RegionRun(long id, String rules, LocalDate assessmentDate, LocalDateTime finishedAt, int total) {
}
