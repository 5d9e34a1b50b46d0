package cn.srdi.app.calendar;

import static cn.srdi.app.calendar.TestCalendars.OFFICIAL;
import static cn.srdi.app.calendar.TestCalendars.bj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkCalendarTest {

    @Test
    void theShippedFileCoversExactly2025And2026() {
        assertThat(OFFICIAL.coveredYears()).containsExactly(2025, 2026);
        assertThat(OFFICIAL.exceptions()).hasSize(72);
        // 248 working days in each year, as the notices were reported (全年工作日 248 天)
        assertThat(OFFICIAL.countWorkingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isEqualTo(248);
        assertThat(OFFICIAL.countWorkingDays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEqualTo(248);
    }

    @ParameterizedTest(name = "{0} is working: {1}")
    @CsvSource({
            "2025-01-01, false", // 元旦 (Wednesday)
            "2025-01-26, true",  // 春节调休 Sunday
            "2025-01-28, false", "2025-02-04, false", "2025-02-05, true",
            "2025-02-08, true",  // 春节调休 Saturday
            "2025-09-28, true",  // 国庆调休 Sunday
            "2025-10-08, false", "2025-10-09, true", "2025-10-11, true",
            "2026-01-02, false", "2026-01-04, true", // 元旦 Friday off, Sunday make-up
            "2026-02-14, true", "2026-02-15, false", "2026-02-23, false", "2026-02-24, true", "2026-02-28, true",
            "2026-09-20, true", "2026-09-25, false", "2026-10-07, false", "2026-10-08, true", "2026-10-10, true",
            "2026-10-11, false", // ordinary Sunday
            "2027-01-01, true",  // not covered: Monday–Friday rule (Friday)
            "2027-01-02, false",
    })
    void workingDays(LocalDate date, boolean working) {
        assertThat(OFFICIAL.isWorkingDay(date)).isEqualTo(working);
    }

    /** Start (Beijing time), working days, the last working day of the period, covered. */
    @ParameterizedTest(name = "{0} + {1} working days → {2} 24:00 (covered {3})")
    @CsvSource({
            // Spring Festival 2026: 02-14 (Sat) is a make-up day, 02-15..02-23 off, 02-28 (Sat) make-up
            "2026-02-13T10:00, 1, 2026-02-14, true",
            "2026-02-13T10:00, 2, 2026-02-24, true",
            "2026-02-14T09:00, 1, 2026-02-24, true",
            "2026-02-20T15:00, 1, 2026-02-24, true",
            "2026-02-20T15:00, 3, 2026-02-26, true",
            "2026-02-24T08:00, 15, 2026-03-16, true",
            // Spring Festival 2025: 01-26 (Sun) make-up, 01-28..02-04 off, 02-08 (Sat) make-up
            "2025-01-24T17:30, 1, 2025-01-26, true",
            "2025-01-24T17:30, 2, 2025-01-27, true",
            "2025-01-24T17:30, 3, 2025-02-05, true",
            "2025-02-04T23:59, 3, 2025-02-07, true",
            "2025-02-04T23:59, 4, 2025-02-08, true",
            // National Day 2025: 09-28 (Sun) make-up, 10-01..10-08 off, 10-11 (Sat) make-up
            "2025-09-26T16:00, 1, 2025-09-28, true",
            "2025-09-30T10:00, 1, 2025-10-09, true",
            "2025-09-30T10:00, 3, 2025-10-11, true",
            // Mid-Autumn and National Day 2026: 09-20 (Sun) make-up, 09-25..27 off, 10-01..07 off, 10-10 (Sat) make-up
            "2026-09-18T17:00, 1, 2026-09-20, true",
            "2026-09-24T11:00, 1, 2026-09-28, true",
            "2026-09-30T10:00, 1, 2026-10-08, true",
            "2026-09-30T10:00, 3, 2026-10-10, true",
            // after hours and on non-working days the day itself is never counted
            "2026-03-02T00:00, 1, 2026-03-03, true",
            "2026-03-06T23:30, 1, 2026-03-09, true",
            "2026-03-07T12:00, 1, 2026-03-09, true",
            // New Year across year ends
            "2025-12-31T16:00, 1, 2026-01-04, true",
            "2025-12-31T16:00, 2, 2026-01-05, true",
            "2026-12-30T09:00, 1, 2026-12-31, true",
            "2026-12-31T10:00, 1, 2027-01-01, false", // 2027 not covered: Monday–Friday, flagged
            "2026-12-28T10:00, 5, 2027-01-04, false",
            "2024-12-31T10:00, 1, 2025-01-02, false", // starts in 2024, which is not covered
    })
    void deadlines(String start, int days, LocalDate lastDay, boolean covered) {
        Deadline d = OFFICIAL.addWorkingDays(bj(start), days);
        assertThat(d.dueDate()).isEqualTo(lastDay);
        assertThat(d.due()).isEqualTo(bj(lastDay.plusDays(1) + "T00:00"));
        assertThat(d.covered()).isEqualTo(covered);
        assertThat(OFFICIAL.isWorkingDay(d.dueDate())).isTrue();
    }

    @Test
    void zeroDaysIsTheStartItselfAndNegativeDaysAreRefusedInBothLanguages() {
        Instant s = bj("2026-02-20T15:00");
        Deadline d = OFFICIAL.addWorkingDays(s, 0);
        assertThat(d.due()).isEqualTo(s);
        assertThat(d.covered()).isTrue();
        assertThatThrownBy(() -> OFFICIAL.addWorkingDays(s, -1)).isInstanceOf(CalendarException.class)
                .hasMessageContaining("不能为负数").hasMessageContaining("must not be negative");
    }

    @Test
    void plusWorkingDaysCountsBackwardsToo() {
        LocalDate d = LocalDate.of(2026, 2, 24);
        assertThat(OFFICIAL.plusWorkingDays(d, -1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(OFFICIAL.plusWorkingDays(d, -2)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(OFFICIAL.plusWorkingDays(d, 0)).isEqualTo(d);
        assertThat(OFFICIAL.nextWorkingDay(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void workingDaysBetweenInstants() {
        // after 02-13, ended by 02-25 00:00: 02-14 (make-up Saturday) and 02-24
        assertThat(OFFICIAL.workingDaysBetween(bj("2026-02-13T10:00"), bj("2026-02-25T00:00"))).isEqualTo(2);
        assertThat(OFFICIAL.workingDaysBetween(bj("2026-02-13T10:00"), bj("2026-02-24T23:59"))).isEqualTo(1);
        assertThat(OFFICIAL.workingDaysBetween(bj("2026-02-25T00:00"), bj("2026-02-13T10:00"))).isEqualTo(-2);
        assertThat(OFFICIAL.workingDaysBetween(bj("2026-02-13T10:00"), bj("2026-02-13T23:00"))).isZero();
        // across the year end into uncovered 2027 (Mon–Fri rule): 12-31, 2027-01-01
        assertThat(OFFICIAL.workingDaysBetween(bj("2026-12-30T10:00"), bj("2027-01-02T00:00"))).isEqualTo(2);
    }

    @Test
    void workingTimeCountsWholeWorkingDaysOnly() {
        assertThat(OFFICIAL.workingTimeBetween(bj("2026-02-13T12:00"), bj("2026-02-14T06:00"))).isEqualTo(Duration.ofHours(18));
        assertThat(OFFICIAL.workingTimeBetween(bj("2026-02-14T12:00"), bj("2026-02-24T06:00"))).isEqualTo(Duration.ofHours(18));
        assertThat(OFFICIAL.workingTimeBetween(bj("2026-02-16T12:00"), bj("2026-02-16T18:00"))).isZero();
        assertThat(OFFICIAL.workingTimeBetween(bj("2026-02-24T06:00"), bj("2026-02-14T12:00"))).isEqualTo(Duration.ofHours(-18));
    }

    @Test
    void aMakeUpDayOnAWeekdayOrTwoKindsOnOneDateAreRefused() {
        assertThatThrownBy(() -> new CalendarDay(LocalDate.of(2027, 2, 3), DayKind.WORKDAY, "春节", "Spring Festival"))
                .isInstanceOf(CalendarException.class).hasMessageContaining("2027-02-03").hasMessageContaining("周六或周日")
                .hasMessageContaining("Saturday or Sunday");
        assertThatThrownBy(() -> WorkCalendar.of(List.of(new CalendarDay(LocalDate.of(2027, 2, 6), DayKind.WORKDAY, "", ""),
                new CalendarDay(LocalDate.of(2027, 2, 6), DayKind.HOLIDAY, "", "")), List.of(2027)))
                .isInstanceOf(CalendarException.class).hasMessageContaining("2027-02-06");
    }

    @Test
    void datesOutsideTheSupportedRangeAreRefusedWithThePlace() {
        assertThatThrownBy(() -> OFFICIAL.isWorkingDay(LocalDate.of(1980, 1, 1))).isInstanceOf(CalendarException.class)
                .hasMessageContaining("1980-01-01").hasMessageContaining("supported range");
        assertThatThrownBy(() -> OFFICIAL.plusWorkingDays(LocalDate.of(2199, 12, 30), 5)).isInstanceOf(CalendarException.class);
        assertThatThrownBy(() -> OFFICIAL.addWorkingDays(Instant.parse("3000-01-01T00:00:00Z"), 1)).isInstanceOf(CalendarException.class);
    }

    @Test
    void anAdministratorsNewYearChangesTheArithmeticAndTheCoverage() {
        List<CalendarDay> days = new java.util.ArrayList<>(OFFICIAL.exceptions());
        days.add(new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦", "New Year's Day"));
        WorkCalendar with2027 = WorkCalendar.of(days, List.of(2025, 2026, 2027));
        Deadline d = with2027.addWorkingDays(bj("2026-12-31T10:00"), 1);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(d.covered()).isTrue();
        // the old snapshot is unchanged (immutable)
        assertThat(OFFICIAL.addWorkingDays(bj("2026-12-31T10:00"), 1).dueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
