package cn.srdi.app.calendar;

import static cn.srdi.app.calendar.TestCalendars.OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.app.calendar.SlaClock.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of the working-day arithmetic on the shipped calendar, 2024-07 … 2027-06 (covered and not). */
class WorkCalendarProperties {

    static final Instant FROM = TestCalendars.bj("2024-07-01T00:00");
    static final long SPAN_SECONDS = 3L * 365 * 86_400;

    static Instant at(long offsetSeconds) {
        return FROM.plusSeconds(offsetSeconds);
    }

    @Property
    void addingWorkingDaysIsMonotonic(@ForAll @LongRange(min = 0, max = SPAN_SECONDS) long a,
                                      @ForAll @LongRange(min = 0, max = SPAN_SECONDS) long b,
                                      @ForAll @IntRange(min = 0, max = 40) int n, @ForAll @IntRange(min = 0, max = 40) int m) {
        Instant s1 = at(Math.min(a, b));
        Instant s2 = at(Math.max(a, b));
        // more days: strictly later; later start: never earlier
        int lo = Math.min(n, m);
        int hi = Math.max(n, m);
        Instant d1 = OFFICIAL.addWorkingDays(s1, lo).due();
        Instant d2 = OFFICIAL.addWorkingDays(s1, hi).due();
        assertThat(lo == hi ? d2.equals(d1) : d2.isAfter(d1)).isTrue();
        assertThat(OFFICIAL.addWorkingDays(s2, hi).due()).isAfterOrEqualTo(OFFICIAL.addWorkingDays(s1, hi).due());
    }

    @Property
    void aDueDateIsAWorkingDayAndNeverAHoliday(@ForAll @LongRange(min = 0, max = SPAN_SECONDS) long a,
                                                @ForAll @IntRange(min = 1, max = 40) int n) {
        LocalDate due = OFFICIAL.addWorkingDays(at(a), n).dueDate();
        assertThat(OFFICIAL.isWorkingDay(due)).isTrue();
        assertThat(OFFICIAL.exception(due).map(CalendarDay::kind).orElse(DayKind.WORKDAY)).isEqualTo(DayKind.WORKDAY);
        // the period holds exactly n working days, and they have all ended at the due instant
        assertThat(OFFICIAL.workingDaysBetween(at(a), OFFICIAL.addWorkingDays(at(a), n).due())).isEqualTo(n);
    }

    @Property
    void pausingNeverMakesARequestDueEarlier(@ForAll @LongRange(min = 0, max = SPAN_SECONDS / 2) long start,
                                              @ForAll @Size(max = 6) List<@LongRange(min = 1, max = 30L * 86_400) Long> gaps,
                                              @ForAll @IntRange(min = 1, max = 20) int budget) {
        SlaClock clock = new SlaClock(OFFICIAL);
        Instant s = at(start);
        List<Event> events = new ArrayList<>();
        events.add(Event.start(s));
        Instant t = s;
        for (int i = 0; i < gaps.size(); i++) {
            t = t.plusSeconds(gaps.get(i));
            events.add(i % 2 == 0 ? Event.pause(t) : Event.resume(t));
        }
        Instant now = t.plusSeconds(3600);
        SlaClock.Status without = clock.evaluate(s, budget, now);
        SlaClock.Status with = clock.evaluate(events, budget, now);
        assertThat(with.deadline().due()).isAfterOrEqualTo(without.deadline().due());
        assertThat(with.remaining()).isGreaterThanOrEqualTo(without.remaining());
        assertThat(OFFICIAL.exception(with.deadline().dueDate()).map(CalendarDay::kind).orElse(DayKind.WORKDAY))
                .isEqualTo(DayKind.WORKDAY);
        // dropping the last wait (if any) never makes it later
        if (events.size() >= 3) {
            List<Event> fewer = new ArrayList<>(events.subList(0, events.size() - (events.size() % 2 == 0 ? 1 : 2)));
            assertThat(clock.evaluate(fewer, budget, now).deadline().due()).isBeforeOrEqualTo(with.deadline().due());
        }
    }

    @Property
    void theStateFollowsTheInstants(@ForAll @LongRange(min = 0, max = SPAN_SECONDS / 2) long start,
                                     @ForAll @LongRange(min = 0, max = 60L * 86_400) long later,
                                     @ForAll @IntRange(min = 1, max = 20) int budget) {
        SlaClock clock = new SlaClock(OFFICIAL);
        Instant s = at(start);
        Instant now = s.plusSeconds(later);
        SlaClock.Status st = clock.evaluate(s, budget, now);
        SlaClock.State expected = !now.isBefore(st.deadline().due()) ? SlaClock.State.OVERDUE
                : !now.isBefore(st.nearAt()) ? SlaClock.State.NEAR : SlaClock.State.ON_TIME;
        assertThat(st.state()).isEqualTo(expected);
        assertThat(st.nearAt()).isBeforeOrEqualTo(st.deadline().due());
        assertThat(st.remaining().isNegative() || st.remaining().isZero()).isEqualTo(st.state() == SlaClock.State.OVERDUE);
    }
}
