package cn.srdi.app.calendar;

import static cn.srdi.app.calendar.TestCalendars.OFFICIAL;
import static cn.srdi.app.calendar.TestCalendars.bj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.calendar.SlaClock.Event;
import cn.srdi.app.calendar.SlaClock.State;
import cn.srdi.app.calendar.SlaClock.Status;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaClockTest {

    final SlaClock clock = new SlaClock(OFFICIAL); // NEAR in the last 25 %

    @Test
    void aRunningClockGoesOnTimeThenNearThenOverdue() {
        // Monday 10:00, 4 working days: 03-03, 03-04, 03-05, 03-06 → due Saturday 03-07 00:00; NEAR from the last day
        List<Event> t = List.of(Event.start(bj("2026-03-02T10:00")));
        Status s = clock.evaluate(t, 4, bj("2026-03-05T23:00"));
        assertThat(s.deadline().due()).isEqualTo(bj("2026-03-07T00:00"));
        assertThat(s.nearAt()).isEqualTo(bj("2026-03-06T00:00"));
        assertThat(s.state()).isEqualTo(State.ON_TIME);
        assertThat(s.remaining()).isEqualTo(Duration.ofHours(25));
        assertThat(s.covered()).isTrue();
        assertThat(clock.evaluate(t, 4, bj("2026-03-06T00:00")).state()).isEqualTo(State.NEAR);
        assertThat(clock.evaluate(t, 4, bj("2026-03-06T23:59")).state()).isEqualTo(State.NEAR);
        Status over = clock.evaluate(t, 4, bj("2026-03-07T00:00"));
        assertThat(over.state()).isEqualTo(State.OVERDUE);
        assertThat(over.remaining()).isZero();
        // the weekend is not working time: still zero on Saturday, half a day overdue on Monday noon
        assertThat(clock.evaluate(t, 4, bj("2026-03-07T10:00")).remaining()).isZero();
        assertThat(clock.evaluate(t, 4, bj("2026-03-09T12:00")).remaining()).isEqualTo(Duration.ofHours(-12));
        // before any counted day has begun, nothing is consumed
        assertThat(clock.evaluate(t, 4, bj("2026-03-02T18:00")).remaining()).isEqualTo(Duration.ofDays(4));
    }

    @Test
    void aWaitAcrossTheSpringFestivalPushesTheDeadlinePastIt() {
        // Monday 02-09 10:00, 5 days: without a wait 02-10..02-13 and the make-up Saturday 02-14
        Event start = Event.start(bj("2026-02-09T10:00"));
        assertThat(clock.evaluate(List.of(start), 5, bj("2026-02-10T00:00")).deadline().dueDate()).isEqualTo(LocalDate.of(2026, 2, 14));
        // waiting for the firm from 02-11 15:00 to 02-25 09:00: 02-10 and 02-11 count, then 02-26, 02-27, 02-28 (make-up)
        List<Event> t = List.of(start, Event.pause(bj("2026-02-11T15:00")), Event.resume(bj("2026-02-25T09:00")));
        Status s = clock.evaluate(t, 5, bj("2026-02-25T12:00"));
        assertThat(s.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(s.deadline().due()).isEqualTo(bj("2026-03-01T00:00"));
        assertThat(s.paused()).isFalse();
        assertThat(s.remaining()).isEqualTo(Duration.ofDays(3)); // two days consumed, 02-25 not counted
        assertThat(s.state()).isEqualTo(State.ON_TIME);
    }

    @Test
    void aWaitWithinOneDayChangesNothing() {
        List<Event> t = List.of(Event.start(bj("2026-03-02T10:00")), Event.pause(bj("2026-03-03T10:00")),
                Event.resume(bj("2026-03-03T16:00")));
        assertThat(clock.evaluate(t, 1, bj("2026-03-03T17:00")).deadline().due()).isEqualTo(bj("2026-03-04T00:00"));
    }

    @Test
    void askingTheFirmOnTheLastDayDoesNotRescueAnOverdueRequest() {
        // due at the end of 03-03; the wait starts that afternoon, so 03-03 still counts
        List<Event> t = List.of(Event.start(bj("2026-03-02T10:00")), Event.pause(bj("2026-03-03T15:00")),
                Event.resume(bj("2026-03-05T10:00")));
        Status s = clock.evaluate(t, 1, bj("2026-03-05T12:00"));
        assertThat(s.deadline().due()).isEqualTo(bj("2026-03-04T00:00"));
        assertThat(s.state()).isEqualTo(State.OVERDUE);
    }

    @Test
    void anOpenWaitFreezesTheClockAndGivesAProvisionalDeadline() {
        List<Event> t = List.of(Event.start(bj("2026-03-02T10:00")), Event.pause(bj("2026-03-03T11:00")));
        Status s = clock.evaluate(t, 3, bj("2026-03-06T12:00"));
        assertThat(s.paused()).isTrue();
        assertThat(s.remaining()).isEqualTo(Duration.ofDays(2)); // only 03-03 consumed
        assertThat(s.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 3, 10)); // as if the firm answered now
        assertThat(s.state()).isEqualTo(State.ON_TIME);
        // on Monday the provisional deadline has moved one working day later
        assertThat(clock.evaluate(t, 3, bj("2026-03-09T12:00")).deadline().dueDate()).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void aStoppedClockKeepsItsFinalState() {
        Event start = Event.start(bj("2026-03-02T10:00"));
        Status met = clock.evaluate(List.of(start, Event.stop(bj("2026-03-06T10:00"))), 4, bj("2026-03-20T10:00"));
        assertThat(met.stopped()).isTrue();
        assertThat(met.state()).isEqualTo(State.NEAR);
        assertThat(met.remaining()).isEqualTo(Duration.ofHours(14));
        Status missed = clock.evaluate(List.of(start, Event.stop(bj("2026-03-09T10:00"))), 4, bj("2026-03-20T10:00"));
        assertThat(missed.state()).isEqualTo(State.OVERDUE);
        Status early = clock.evaluate(List.of(start, Event.stop(bj("2026-03-03T08:00"))), 4, bj("2026-03-20T10:00"));
        assertThat(early.state()).isEqualTo(State.ON_TIME);
    }

    @Test
    void aDeadlineInAnUncoveredYearIsComputedAndFlagged() {
        Status s = clock.evaluate(List.of(Event.start(bj("2026-12-28T10:00"))), 5, bj("2026-12-28T11:00"));
        assertThat(s.deadline().dueDate()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(s.covered()).isFalse();
        assertThat(clock.evaluate(List.of(Event.start(bj("2026-12-21T10:00"))), 5, bj("2026-12-21T11:00")).covered()).isTrue();
    }

    @Test
    void zeroBudgetIsDueAtOnceAndTheThresholdIsConfigurable() {
        Status zero = clock.evaluate(bj("2026-03-02T10:00"), 0, bj("2026-03-02T10:00"));
        assertThat(zero.deadline().due()).isEqualTo(bj("2026-03-02T10:00"));
        assertThat(zero.state()).isEqualTo(State.OVERDUE);
        SlaClock lastDay = new SlaClock(OFFICIAL, new SlaClock.NearThreshold(0, 1));
        // 15 days from Monday 03-02: due at the end of 03-23; one working day is left from the end of
        // the 14th counted day (Friday 03-20), so NEAR from Saturday 00:00 through the weekend
        Status s = lastDay.evaluate(bj("2026-03-02T10:00"), 15, bj("2026-03-02T11:00"));
        assertThat(s.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(s.nearAt()).isEqualTo(bj("2026-03-21T00:00"));
        // a one-day budget with a one-day threshold is NEAR from the start
        assertThat(lastDay.evaluate(bj("2026-03-02T10:00"), 1, bj("2026-03-02T11:00")).state()).isEqualTo(State.NEAR);
        assertThatThrownBy(() -> new SlaClock.NearThreshold(1.5, 0)).isInstanceOf(CalendarException.class)
                .hasMessageContaining("0 到 1").hasMessageContaining("between 0 and 1");
    }

    @Test
    void badTimelinesAreRefusedNamingTheEvent() {
        var s = bj("2026-03-02T10:00");
        var now = bj("2026-03-10T10:00");
        assertThatThrownBy(() -> clock.evaluate(List.of(), 1, now)).hasMessageContaining("START");
        assertThatThrownBy(() -> clock.evaluate(List.of(Event.pause(s)), 1, now)).hasMessageContaining("event 1")
                .hasMessageContaining("第 1 个事件");
        assertThatThrownBy(() -> clock.evaluate(List.of(Event.start(s), Event.resume(s.plusSeconds(5))), 1, now))
                .hasMessageContaining("event 2").hasMessageContaining("not paused");
        assertThatThrownBy(() -> clock.evaluate(List.of(Event.start(s), Event.pause(s.plusSeconds(5)), Event.pause(s.plusSeconds(9))), 1, now))
                .hasMessageContaining("event 3").hasMessageContaining("already paused");
        assertThatThrownBy(() -> clock.evaluate(List.of(Event.start(s), Event.pause(s.minusSeconds(5))), 1, now))
                .hasMessageContaining("before the previous event");
        assertThatThrownBy(() -> clock.evaluate(List.of(Event.start(s), Event.stop(s.plusSeconds(5)), Event.pause(s.plusSeconds(9))), 1, now))
                .hasMessageContaining("after STOP");
        assertThatThrownBy(() -> clock.evaluate(List.of(Event.start(s), Event.start(s)), 1, now)).hasMessageContaining("first event only");
        assertThatThrownBy(() -> clock.evaluate(List.of(Event.start(s)), -1, now)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> clock.evaluate(List.of(Event.start(now.plusSeconds(1))), 1, now)).hasMessageContaining("after the current instant");
    }
}
