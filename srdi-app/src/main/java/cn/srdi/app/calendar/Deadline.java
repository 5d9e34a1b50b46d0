package cn.srdi.app.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A computed due instant.
 *
 * @param due      the instant the period ends: 24:00 (Asia/Shanghai) of {@code dueDate}, i.e. 00:00 of the next day
 * @param dueDate  the last working day of the period (Asia/Shanghai)
 * @param covered  false when the period runs through a year the official calendar does not cover;
 *                 the deadline is then computed with the Monday–Friday rule and must be shown with a warning
 */
public record Deadline(Instant due, LocalDate dueDate, boolean covered) {
}
