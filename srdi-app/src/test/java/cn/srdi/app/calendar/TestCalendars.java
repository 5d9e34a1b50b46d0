package cn.srdi.app.calendar;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;

/** The shipped official calendar (2025, 2026) as tests use it, without Spring. */
final class TestCalendars {

    static final WorkCalendar OFFICIAL = load();

    private TestCalendars() {
    }

    private static WorkCalendar load() {
        try (InputStream in = TestCalendars.class.getClassLoader().getResourceAsStream("calendar/holidays-cn.csv")) {
            CalendarCsv.Parsed p = CalendarCsv.parse(in, "holidays-cn.csv");
            return WorkCalendar.of(p.days(), p.years());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Beijing local date-time, e.g. "2026-02-13T10:00". */
    static Instant bj(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkCalendar.ZONE).toInstant();
    }
}
