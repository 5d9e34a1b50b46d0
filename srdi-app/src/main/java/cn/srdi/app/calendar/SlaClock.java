package cn.srdi.app.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A service-level clock in working days on a {@link WorkCalendar} snapshot (pure Java, immutable,
 * thread-safe; one instance serves any number of evaluations).
 *
 * <p>The timeline is a list of {@link Event}s: one {@link EventType#START}, then any number of
 * {@link EventType#PAUSE}/{@link EventType#RESUME} pairs (waiting for the firm), optionally one
 * {@link EventType#STOP} (the stage is done). Times never go backwards.
 *
 * <p>Rule (ADR 0010): <b>a working day counts when the clock is running at its beginning (00:00
 * Beijing time)</b>. So the day the clock starts on never counts (民法典 第二百零一条: 开始的当日不计入),
 * the day a wait begins counts (the department had it), the days of the wait up to and including
 * the day the firm answers do not, and a wait that begins and ends on the same day changes nothing.
 * The budget of N working days ends at 24:00 of the N-th counted day ({@link Status#deadline()}).
 * Consumed working time grows through each counted day (24 hours a day) and stands still on the
 * other days; {@link Status#remaining()} is the budget less the consumed time (negative when
 * overdue). While a wait is open the deadline is provisional: as if the firm answered now.
 *
 * <p>State: {@link State#OVERDUE} from the deadline on; {@link State#NEAR} when the remaining time
 * is at most the {@link NearThreshold}; {@link State#ON_TIME} before. A stopped clock keeps the
 * state it had when it stopped (ON_TIME or NEAR = met, OVERDUE = missed).
 */
public final class SlaClock {

    /** What happened to the clock. */
    public enum EventType { START, PAUSE, RESUME, STOP }

    /** One event of a timeline. */
    public record Event(EventType type, Instant at) {

        public Event {
            if (type == null || at == null) {
                throw new CalendarException("时限事件缺少类型或时间", "an SLA event needs a type and an instant");
            }
        }

        public static Event start(Instant at) {
            return new Event(EventType.START, at);
        }

        public static Event pause(Instant at) {
            return new Event(EventType.PAUSE, at);
        }

        public static Event resume(Instant at) {
            return new Event(EventType.RESUME, at);
        }

        public static Event stop(Instant at) {
            return new Event(EventType.STOP, at);
        }
    }

    /** Where a clock stands. */
    public enum State { ON_TIME, NEAR, OVERDUE }

    /**
     * When a running clock counts as near its deadline: when the remaining working time is at most
     * {@code fraction} of the budget, or at most {@code workingDays} working days, whichever is
     * larger (never more than the whole budget). Default: the last 25 % of the budget.
     */
    public record NearThreshold(double fraction, int workingDays) {

        public static final NearThreshold DEFAULT = new NearThreshold(0.25, 0);

        public NearThreshold {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new CalendarException("临期比例必须在 0 到 1 之间：" + fraction,
                        "the near fraction must be between 0 and 1: " + fraction);
            }
            if (workingDays < 0) {
                throw new CalendarException("临期工作日数不能为负数：" + workingDays,
                        "the near threshold in working days must not be negative: " + workingDays);
            }
        }

        /** The threshold for a budget of {@code budgetDays} working days. */
        public Duration of(int budgetDays) {
            long budgetSeconds = budgetDays * 86_400L;
            long byFraction = (long) Math.ceil(fraction * budgetSeconds);
            long byDays = workingDays * 86_400L;
            return Duration.ofSeconds(Math.min(budgetSeconds, Math.max(byFraction, byDays)));
        }
    }

    /**
     * The clock at an instant.
     *
     * @param deadline   due instant (24:00 of the last counted working day) and whether the calendar covers it
     * @param nearAt     the instant the clock turns NEAR if it keeps running (for indexed sweep columns)
     * @param remaining  working time left (negative when overdue); frozen on non-counted days
     * @param state      ON_TIME / NEAR / OVERDUE at the evaluated instant (the stop instant when stopped)
     * @param paused     a wait for the firm is open: the deadline is provisional (as if answered now)
     * @param stopped    the clock has stopped; state is final
     * @param budgetDays the budget in working days
     */
    public record Status(Deadline deadline, Instant nearAt, Duration remaining, State state, boolean paused,
                         boolean stopped, int budgetDays) {

        /** Remaining time in working days (fractional; negative when overdue). */
        public double remainingWorkingDays() {
            return remaining.toSeconds() / 86_400.0;
        }

        /** Whether the calendar covers every year the period runs through (false: show a warning). */
        public boolean covered() {
            return deadline.covered();
        }
    }

    private static final Duration DAY = Duration.ofDays(1);

    private final WorkCalendar calendar;
    private final NearThreshold near;

    public SlaClock(WorkCalendar calendar, NearThreshold near) {
        if (calendar == null) {
            throw new CalendarException("时限时钟缺少日历", "an SLA clock needs a calendar");
        }
        this.calendar = calendar;
        this.near = near == null ? NearThreshold.DEFAULT : near;
    }

    public SlaClock(WorkCalendar calendar) {
        this(calendar, NearThreshold.DEFAULT);
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    public NearThreshold near() {
        return near;
    }

    /** Shortcut for a clock that started and never paused. */
    public Status evaluate(Instant start, int budgetDays, Instant now) {
        return evaluate(List.of(Event.start(start)), budgetDays, now);
    }

    /**
     * Evaluates a timeline at {@code now} with a budget of {@code budgetDays} working days.
     * Events after {@code now} are refused (the clock cannot know the future).
     */
    public Status evaluate(List<Event> timeline, int budgetDays, Instant now) {
        if (budgetDays < 0) {
            throw new CalendarException("时限工作日数不能为负数：" + budgetDays,
                    "the SLA budget in working days must not be negative: " + budgetDays);
        }
        if (now == null) {
            throw new CalendarException("时限计算缺少当前时间", "an SLA evaluation needs the current instant");
        }
        Timeline t = Timeline.of(timeline, now);
        Instant at = t.stop != null ? t.stop : now;
        // allowed day ranges [lo[i], hi[i]] (inclusive): days whose 00:00 the clock is running at
        List<LocalDate[]> ranges = ranges(t, now);
        Deadline deadline;
        Instant nearAt;
        LocalDate startDate = WorkCalendar.dateOf(t.start);
        if (budgetDays == 0) {
            deadline = new Deadline(t.start, startDate, calendar.covers(startDate.getYear()));
            nearAt = t.start;
        } else {
            LocalDate dueDate = countedDay(ranges, budgetDays);
            deadline = new Deadline(WorkCalendar.endOf(dueDate), dueDate, calendar.covers(startDate, dueDate));
            nearAt = consumedInstant(ranges, Duration.ofDays(budgetDays).minus(near.of(budgetDays)), t.start);
        }
        Duration remaining = Duration.ofDays(budgetDays).minus(consumed(ranges, at));
        State state;
        if (!at.isBefore(deadline.due())) {
            state = State.OVERDUE;
        } else if (!at.isBefore(nearAt)) {
            state = State.NEAR;
        } else {
            state = State.ON_TIME;
        }
        return new Status(deadline, nearAt, remaining, state, t.openPause != null && t.stop == null, t.stop != null, budgetDays);
    }

    /** The due instant alone (what a request stores in an indexed column). */
    public Deadline deadline(List<Event> timeline, int budgetDays, Instant now) {
        return evaluate(timeline, budgetDays, now).deadline();
    }

    // ------------------------------------------------------------------ internals

    /** A validated timeline: start, closed waits, an open wait, stop. */
    private record Timeline(Instant start, List<Instant[]> waits, Instant openPause, Instant stop) {

        static Timeline of(List<Event> events, Instant now) {
            if (events == null || events.isEmpty()) {
                throw new CalendarException("时限事件为空：第一个事件必须是 START", "the SLA timeline is empty: the first event must be START");
            }
            Instant start = null;
            Instant pause = null;
            Instant stop = null;
            Instant last = null;
            List<Instant[]> waits = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                String where = "第 " + (i + 1) + " 个事件（" + e.type() + " " + e.at() + "）";
                String whereEn = "event " + (i + 1) + " (" + e.type() + " " + e.at() + ")";
                if (last != null && e.at().isBefore(last)) {
                    throw new CalendarException(where + "早于前一个事件", whereEn + " is before the previous event");
                }
                if (e.at().isAfter(now)) {
                    throw new CalendarException(where + "晚于当前时间 " + now, whereEn + " is after the current instant " + now);
                }
                if (stop != null) {
                    throw new CalendarException(where + "在 STOP 之后", whereEn + " comes after STOP");
                }
                switch (e.type()) {
                    case START -> {
                        if (i != 0) {
                            throw new CalendarException(where + "：START 只能是第一个事件", whereEn + ": START must be the first event only");
                        }
                        start = e.at();
                    }
                    case PAUSE -> {
                        requireStarted(start, where, whereEn);
                        if (pause != null) {
                            throw new CalendarException(where + "：时钟已暂停", whereEn + ": the clock is already paused");
                        }
                        pause = e.at();
                    }
                    case RESUME -> {
                        requireStarted(start, where, whereEn);
                        if (pause == null) {
                            throw new CalendarException(where + "：时钟未暂停，不能恢复", whereEn + ": the clock is not paused");
                        }
                        waits.add(new Instant[] {pause, e.at()});
                        pause = null;
                    }
                    case STOP -> {
                        requireStarted(start, where, whereEn);
                        stop = e.at();
                        if (pause != null) {
                            waits.add(new Instant[] {pause, e.at()});
                        }
                    }
                }
                last = e.at();
            }
            return new Timeline(start, waits, stop == null ? pause : null, stop);
        }

        private static void requireStarted(Instant start, String where, String whereEn) {
            if (start == null) {
                throw new CalendarException(where + "：第一个事件必须是 START", whereEn + ": the first event must be START");
            }
        }
    }

    /** First day whose 00:00 is at or after the instant. */
    private static LocalDate firstMidnightAtOrAfter(Instant x) {
        LocalDate d = WorkCalendar.dateOf(x);
        return WorkCalendar.startOf(d).equals(x) ? d : d.plusDays(1);
    }

    /** First day whose 00:00 is strictly after the instant. */
    private static LocalDate firstMidnightAfter(Instant x) {
        return WorkCalendar.dateOf(x).plusDays(1);
    }

    /** Day ranges whose 00:00 the clock runs at (an open wait is taken as answered at {@code now}). */
    private static List<LocalDate[]> ranges(Timeline t, Instant now) {
        List<LocalDate[]> out = new ArrayList<>(t.waits.size() + 2);
        LocalDate lo = firstMidnightAfter(t.start);
        List<Instant[]> waits = t.waits;
        if (t.openPause != null) {
            waits = new ArrayList<>(waits);
            waits.add(new Instant[] {t.openPause, now});
        }
        for (Instant[] w : waits) {
            LocalDate firstPaused = firstMidnightAtOrAfter(w[0]); // midnights in [pause, resume) are paused
            LocalDate firstRunning = firstMidnightAtOrAfter(w[1]);
            if (!firstRunning.isAfter(firstPaused)) {
                continue; // no midnight inside the wait
            }
            if (firstPaused.isAfter(lo)) {
                out.add(new LocalDate[] {lo, firstPaused.minusDays(1)});
            }
            if (firstRunning.isAfter(lo)) {
                lo = firstRunning;
            }
        }
        out.add(new LocalDate[] {lo, WorkCalendar.MAX});
        return out;
    }

    /** The k-th (k ≥ 1) counted working day. */
    private LocalDate countedDay(List<LocalDate[]> ranges, int k) {
        int left = k;
        for (LocalDate[] r : ranges) {
            if (r[0].isAfter(WorkCalendar.MAX)) {
                break;
            }
            int c = calendar.countWorkingDays(r[0], r[1]);
            if (left <= c) {
                return calendar.plusWorkingDays(r[0].minusDays(1), left);
            }
            left -= c;
        }
        throw new CalendarException("时限超出支持范围（" + WorkCalendar.MAX + " 之后）",
                "the deadline falls after the supported range (" + WorkCalendar.MAX + ")");
    }

    /** Working time consumed by {@code at}: full counted days ended by then, plus the running part of a counted day. */
    private Duration consumed(List<LocalDate[]> ranges, Instant at) {
        LocalDate d = WorkCalendar.dateOf(at);
        LocalDate lastEnded = d.minusDays(1);
        long days = 0;
        boolean todayCounted = false;
        for (LocalDate[] r : ranges) {
            if (r[0].isAfter(lastEnded) && r[0].isAfter(d)) {
                break;
            }
            LocalDate hi = r[1].isBefore(lastEnded) ? r[1] : lastEnded;
            days += calendar.countWorkingDays(r[0], hi);
            if (!d.isBefore(r[0]) && !d.isAfter(r[1])) {
                todayCounted = calendar.isWorkingDay(d);
            }
        }
        Duration c = DAY.multipliedBy(days);
        return todayCounted ? c.plus(Duration.between(WorkCalendar.startOf(d), at)) : c;
    }

    /** The instant consumed time reaches {@code target} if the clock keeps running. */
    private Instant consumedInstant(List<LocalDate[]> ranges, Duration target, Instant start) {
        if (target.isZero() || target.isNegative()) {
            return start;
        }
        long secs = target.toSeconds();
        int full = (int) (secs / 86_400L);
        long rest = secs % 86_400L;
        if (rest == 0) {
            return WorkCalendar.endOf(countedDay(ranges, full));
        }
        return WorkCalendar.startOf(countedDay(ranges, full + 1)).plusSeconds(rest);
    }
}
