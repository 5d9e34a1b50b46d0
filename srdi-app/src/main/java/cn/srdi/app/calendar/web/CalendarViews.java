package cn.srdi.app.calendar.web;

import cn.srdi.app.calendar.CalendarDay;
import cn.srdi.app.calendar.CalendarException;
import cn.srdi.app.calendar.CalendarYear;
import cn.srdi.app.calendar.Deadline;
import cn.srdi.app.calendar.WorkCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Answers of the calendar API and pages, and the parsing of their inputs. */
final class CalendarViews {

    private CalendarViews() {
    }

    /** One date: working or not, and why. kind: HOLIDAY, WORKDAY (调休), WEEKDAY or WEEKEND. */
    record DayInfo(LocalDate date, boolean working, String kind, String nameZh, String nameEn, boolean covered) {

        static DayInfo of(WorkCalendar c, LocalDate d) {
            CalendarDay e = c.exception(d).orElse(null);
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            String kind = e != null ? e.kind().name() : weekend ? "WEEKEND" : "WEEKDAY";
            return new DayInfo(d, c.isWorkingDay(d), kind, e == null ? "" : e.nameZh(), e == null ? "" : e.nameEn(),
                    c.covers(d.getYear()));
        }
    }

    /** A year with its exceptions. */
    record YearDetail(CalendarYear year, List<CalendarDay> days) {
    }

    /** A computed deadline with the warning to show when the calendar does not cover it. */
    record DeadlineAnswer(Instant start, int workingDays, Instant due, LocalDate dueDate, boolean covered,
                         String warningZh, String warningEn) {

        static DeadlineAnswer of(Instant start, int days, Deadline d) {
            return new DeadlineAnswer(start, days, d.due(), d.dueDate(), d.covered(),
                    d.covered() ? null : "期限所在年份的法定节假日安排尚未录入，按周一至周五推算，可能不准确",
                    d.covered() ? null : "the official holiday notice for the deadline's year is not in the calendar yet; "
                            + "computed with the Monday–Friday rule and may be wrong");
        }
    }

    /** Working days and working time between two instants. */
    record Between(Instant from, Instant to, int workingDays, long workingSeconds, boolean covered) {
    }

    /** Request body of a day. */
    record DayInput(String kind, String nameZh, String nameEn) {
    }

    /** Request body of a year. */
    record YearInput(String notice) {
    }

    static LocalDate date(String text, String what) {
        try {
            LocalDate d = LocalDate.parse(text == null ? "" : text.trim());
            WorkCalendar.checkSupported(d, what, what);
            return d;
        } catch (DateTimeParseException e) {
            throw new CalendarException(what + "：“" + text + "”不是 YYYY-MM-DD 格式的日期",
                    what + ": '" + text + "' is not a YYYY-MM-DD date");
        }
    }

    /**
     * An instant: ISO with offset ({@code 2026-09-30T10:00:00+08:00}, {@code …Z}), or a local
     * date-time or date taken as Beijing time.
     */
    static Instant instant(String text, String what) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.length() == 10) {
                return WorkCalendar.startOf(LocalDate.parse(t));
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(WorkCalendar.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new CalendarException(what + "：“" + text + "”不是日期时间（例如 2026-09-30T10:00 或 2026-09-30T10:00:00+08:00）",
                    what + ": '" + text + "' is not a date-time (e.g. 2026-09-30T10:00 or 2026-09-30T10:00:00+08:00)");
        }
    }

    static int year(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new CalendarException("年份“" + text + "”不是整数", "year '" + text + "' is not a whole number");
        }
    }
}
