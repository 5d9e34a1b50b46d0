/**
 * Working-day calendar (工作日日历) and SLA arithmetic in working days (ADR 0010).
 *
 * <h2>Public API (for other modules)</h2>
 * <ul>
 * <li>{@link cn.srdi.app.calendar.Calendars} (Spring bean): {@code current()} gives the immutable
 * {@link cn.srdi.app.calendar.WorkCalendar} snapshot, {@code clock()} an
 * {@link cn.srdi.app.calendar.SlaClock} on it with the configured NEAR threshold
 * ({@code srdi.calendar.near-fraction}, default 0.25; {@code srdi.calendar.near-working-days},
 * default 0). Take the snapshot once per sweep or request. Administrators' edits go through
 * {@code putDay / deleteDay / coverYear / uncoverYear / importCsv} (audited; authorisation is the
 * caller's: the calendar's own pages and API allow only ADMIN).</li>
 * <li>{@link cn.srdi.app.calendar.CalendarChanged} is published after an edit commits (with the
 * changed years and the new snapshot): recompute stored due instants of open requests that run
 * through those years.</li>
 * <li>{@link cn.srdi.app.calendar.WorkCalendar} (pure Java): {@code isWorkingDay(date)},
 * {@code addWorkingDays(instant, n)} → {@link cn.srdi.app.calendar.Deadline} (due instant, due
 * date, {@code covered}), {@code plusWorkingDays(date, n)}, {@code workingDaysBetween},
 * {@code workingTimeBetween}, {@code covers(year)}. All dates are Beijing dates
 * ({@link cn.srdi.app.calendar.WorkCalendar#ZONE}).</li>
 * <li>{@link cn.srdi.app.calendar.SlaClock} (pure Java):
 * {@code evaluate(timeline, budgetDays, now)} → {@link cn.srdi.app.calendar.SlaClock.Status}
 * (deadline with {@code covered}, {@code nearAt}, remaining working time, state ON_TIME / NEAR /
 * OVERDUE, paused, stopped). The timeline is START, then PAUSE/RESUME pairs (waiting for the
 * firm), then optionally STOP. Store {@code deadline().due()} and {@code nearAt()} in indexed
 * columns and re-evaluate on each event of the request: the sweep then needs no arithmetic.</li>
 * <li>Bad input raises {@link cn.srdi.app.calendar.CalendarException} (an
 * IllegalArgumentException with {@code zh()} and {@code en()} messages naming the place).</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * A date is a working day when it is a WORKDAY (调休上班), or a Monday–Friday that is not a
 * HOLIDAY. A period of N working days starting at an instant does not count the start's own day
 * and ends at 24:00 of the N-th working day after it (民法典 第二百零一条、第二百零三条). With
 * waits: a working day counts when the clock is running at its 00:00. A year is covered once its
 * State Council notice is entered; outside covered years the Monday–Friday rule applies and
 * deadlines carry {@code covered=false}, which pages must show as a warning.
 *
 * <p>Internals: {@code internal} (the tables {@code calendar_day}, {@code calendar_year}, seeded by
 * V56 from {@code calendar/holidays-cn.csv}), {@code web} (page {@code /calendar}, REST
 * {@code /api/v1/calendar}).
 */
package cn.srdi.app.calendar;
