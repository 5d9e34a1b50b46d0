package cn.srdi.app.calendar;

/**
 * One year of the calendar as shown to users.
 *
 * @param year     the year
 * @param covered  its official notice is in the calendar
 * @param notice   the notice's reference (blank when not covered)
 * @param holidays number of HOLIDAY entries
 * @param workdays number of WORKDAY entries
 * @param workingDays working days in the year under the calendar
 */
public record CalendarYear(int year, boolean covered, String notice, int holidays, int workdays, int workingDays) {
}
