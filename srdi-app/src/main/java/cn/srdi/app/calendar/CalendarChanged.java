package cn.srdi.app.calendar;

import java.util.SortedSet;

/**
 * Published after an administrator's change of the calendar has been committed and the snapshot
 * rebuilt: listeners that store computed deadlines (servicedesk) recompute those that run through
 * the changed years.
 *
 * @param years    the years whose exceptions or coverage changed
 * @param calendar the new snapshot
 */
public record CalendarChanged(SortedSet<Integer> years, WorkCalendar calendar) {
}
