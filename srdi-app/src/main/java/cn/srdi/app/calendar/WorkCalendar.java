package cn.srdi.app.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of the official working-day calendar of mainland China, and the
 * working-day arithmetic on it, in Asia/Shanghai (pure Java, thread-safe, no Spring).
 *
 * <p>A date is a working day when it is a {@link DayKind#WORKDAY} (调休上班), or a Monday–Friday
 * that is not a {@link DayKind#HOLIDAY}. A year is <em>covered</em> when its official notice has
 * been entered (the administrator declares it); outside the covered years the same Monday–Friday
 * rule applies, but deadlines report {@code covered=false} so pages can warn.
 *
 * <p>Counting rule (ADR 0010, 民法典 第二百零一条、第二百零三条): a period of N working days that
 * starts at an instant does not count the day it starts on (whatever the hour, working day or not);
 * it ends at 24:00 of the N-th working day after that day. "Within 1 working day" of a request
 * raised on Friday 15:00 therefore ends at Monday 24:00 (Tuesday 00:00), and of a request raised on
 * Saturday also at Monday 24:00.
 *
 * <p>Speed: lookups are array reads over a precomputed window 1992-01-01 … 2199-12-31 (dates
 * outside it are refused); {@link #plusWorkingDays} and {@link #countWorkingDays} are O(1).
 */
public final class WorkCalendar {

    /** The platform's time zone: every date of the calendar is a date in Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** First and last supported dates. */
    public static final LocalDate MIN = LocalDate.of(1992, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2199, 12, 31);

    private static final long LO = MIN.toEpochDay();
    private static final int SIZE = (int) (MAX.toEpochDay() - LO + 1);
    private static final Duration DAY = Duration.ofDays(1);

    private final TreeMap<LocalDate, CalendarDay> exceptions;
    private final SortedSet<Integer> coveredYears;
    private final boolean[] covered; // by year - MIN.getYear()
    /** cum[i] = number of working days in [MIN, MIN + i). */
    private final int[] cum;
    /** Offsets from MIN of the working days, ascending. */
    private final int[] work;

    private WorkCalendar(Collection<CalendarDay> days, Collection<Integer> years) {
        TreeMap<LocalDate, CalendarDay> map = new TreeMap<>();
        for (CalendarDay d : days) {
            CalendarDay old = map.put(d.date(), d);
            if (old != null && old.kind() != d.kind()) {
                throw new CalendarException("日期 " + d.date() + " 同时被定义为 " + old.kind() + " 和 " + d.kind(),
                        "date " + d.date() + " is given both as " + old.kind() + " and " + d.kind());
            }
        }
        this.exceptions = map;
        TreeSet<Integer> ys = new TreeSet<>();
        this.covered = new boolean[MAX.getYear() - MIN.getYear() + 1];
        for (Integer y : years) {
            if (y == null || y < MIN.getYear() || y > MAX.getYear()) {
                throw new CalendarException("年份 " + y + " 超出支持范围 " + MIN.getYear() + "–" + MAX.getYear(),
                        "year " + y + " is outside the supported range " + MIN.getYear() + "–" + MAX.getYear());
            }
            ys.add(y);
            covered[y - MIN.getYear()] = true;
        }
        this.coveredYears = Collections.unmodifiableSortedSet(ys);
        this.cum = new int[SIZE + 1];
        int[] w = new int[SIZE];
        int n = 0;
        // 1992-01-01 is a Wednesday; walk the days of the week without LocalDate objects.
        int dow = MIN.getDayOfWeek().getValue(); // 1 = Monday … 7 = Sunday
        for (int i = 0; i < SIZE; i++) {
            boolean working = dow <= 5;
            cum[i] = n;
            if (working) {
                w[n++] = i;
            }
            dow = dow == 7 ? 1 : dow + 1;
        }
        cum[SIZE] = n;
        // apply the exceptions, then recount
        if (!map.isEmpty()) {
            boolean[] flag = new boolean[SIZE];
            for (int i = 0; i < n; i++) {
                flag[w[i]] = true;
            }
            for (CalendarDay d : map.values()) {
                flag[(int) (d.date().toEpochDay() - LO)] = d.kind() == DayKind.WORKDAY;
            }
            n = 0;
            for (int i = 0; i < SIZE; i++) {
                cum[i] = n;
                if (flag[i]) {
                    w[n++] = i;
                }
            }
            cum[SIZE] = n;
        }
        this.work = java.util.Arrays.copyOf(w, n);
    }

    /** A snapshot with these exceptions, covering these years. */
    public static WorkCalendar of(Collection<CalendarDay> days, Collection<Integer> coveredYears) {
        return new WorkCalendar(days, coveredYears);
    }

    /** The Monday–Friday rule alone, covering no year. */
    public static WorkCalendar weekdaysOnly() {
        return new WorkCalendar(List.of(), List.of());
    }

    /** Throws a bilingual error naming the place when the date is outside {@link #MIN}…{@link #MAX}. */
    public static void checkSupported(LocalDate date, String whereZh, String whereEn) {
        if (date == null || date.isBefore(MIN) || date.isAfter(MAX)) {
            throw new CalendarException(whereZh + "：日期 " + date + " 超出支持范围 " + MIN + " 至 " + MAX,
                    whereEn + ": date " + date + " is outside the supported range " + MIN + " to " + MAX);
        }
    }

    private static int index(LocalDate date) {
        long i = date.toEpochDay() - LO;
        if (i < 0 || i >= SIZE) {
            checkSupported(date, "日期", "date");
        }
        return (int) i;
    }

    private static LocalDate dateAt(int index) {
        return LocalDate.ofEpochDay(LO + index);
    }

    /** The Beijing date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** 00:00 Beijing time of a date. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** 24:00 Beijing time of a date (00:00 of the next day): when a period ending on that date ends. */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    // ------------------------------------------------------------------ days

    /** Whether the date is a working day. */
    public boolean isWorkingDay(LocalDate date) {
        int i = index(date);
        return cum[i + 1] != cum[i];
    }

    /** The official exception on that date, if any. */
    public Optional<CalendarDay> exception(LocalDate date) {
        return Optional.ofNullable(exceptions.get(date));
    }

    /** Every exception, by date. */
    public List<CalendarDay> exceptions() {
        return List.copyOf(exceptions.values());
    }

    /** The exceptions of one year, by date. */
    public List<CalendarDay> exceptions(int year) {
        Map<LocalDate, CalendarDay> sub = exceptions.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
        return new ArrayList<>(sub.values());
    }

    /** The years whose official notice is in the calendar. */
    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** Whether the year's official notice is in the calendar. */
    public boolean covers(int year) {
        return year >= MIN.getYear() && year <= MAX.getYear() && covered[year - MIN.getYear()];
    }

    /** Whether every year from {@code from}'s to {@code to}'s (either order) is covered. */
    public boolean covers(LocalDate from, LocalDate to) {
        int a = Math.min(from.getYear(), to.getYear());
        int b = Math.max(from.getYear(), to.getYear());
        for (int y = a; y <= b; y++) {
            if (!covers(y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The n-th working day after {@code date} (n &gt; 0), or before it (n &lt; 0); {@code date}
     * itself is never counted. n = 0 gives {@code date}.
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        int i = index(date);
        if (n == 0) {
            return date;
        }
        long k = n > 0 ? (long) cum[i + 1] + n - 1 : (long) cum[i] + n;
        if (k < 0 || k >= work.length) {
            throw new CalendarException("从 " + date + " 起 " + n + " 个工作日超出支持范围 " + MIN + " 至 " + MAX,
                    n + " working days from " + date + " fall outside the supported range " + MIN + " to " + MAX);
        }
        return dateAt(work[(int) k]);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return plusWorkingDays(date, 1);
    }

    /** Number of working days in [from, to], both included; 0 when {@code to} is before {@code from}. */
    public int countWorkingDays(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        return cum[index(to) + 1] - cum[index(from)];
    }

    /**
     * Working days after {@code from} up to and including {@code to}: how many working days of a
     * period that started on {@code from} have passed by the end of {@code to}. Negative when
     * {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int a = index(from);
        int b = index(to);
        return cum[b + 1] - cum[a + 1];
    }

    // ------------------------------------------------------------------ instants

    /**
     * The deadline of a period of {@code days} working days starting at {@code start}: 24:00 of the
     * {@code days}-th working day after the start's date (the start's date is not counted). Zero
     * days: the deadline is the start itself. Negative days are refused.
     */
    public Deadline addWorkingDays(Instant start, int days) {
        if (start == null) {
            throw new CalendarException("期限计算缺少起始时间", "a deadline needs a start instant");
        }
        if (days < 0) {
            throw new CalendarException("工作日数不能为负数：" + days, "the number of working days must not be negative: " + days);
        }
        LocalDate from = dateOf(start);
        if (days == 0) {
            index(from);
            return new Deadline(start, from, covers(from.getYear()));
        }
        LocalDate due = plusWorkingDays(from, days);
        return new Deadline(endOf(due), due, covers(from, due));
    }

    /**
     * Whole working days between two instants: the working days after {@code a}'s date that have
     * ended by {@code b} (24:00 passed). Negative (the same count) when {@code b} is before {@code a}.
     */
    public int workingDaysBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        LocalDate from = dateOf(a);
        LocalDate lastEnded = dateOf(b).minusDays(1); // the day before b's date has ended by b
        if (!lastEnded.isAfter(from)) {
            return 0;
        }
        return workingDaysBetween(from, lastEnded);
    }

    /**
     * Working time between two instants: the part of [a, b) that falls on working days, each
     * working day counting its full 24 hours. Negative when {@code b} is before {@code a}.
     */
    public Duration workingTimeBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return workingTimeBetween(b, a).negated();
        }
        LocalDate da = dateOf(a);
        LocalDate db = dateOf(b);
        if (da.equals(db)) {
            return isWorkingDay(da) ? Duration.between(a, b) : Duration.ZERO;
        }
        Duration t = Duration.ZERO;
        if (isWorkingDay(da)) {
            t = t.plus(Duration.between(a, endOf(da)));
        }
        t = t.plus(DAY.multipliedBy(countWorkingDays(da.plusDays(1), db.minusDays(1))));
        if (isWorkingDay(db)) {
            t = t.plus(Duration.between(startOf(db), b));
        }
        return t;
    }

    @Override
    public String toString() {
        return "WorkCalendar[" + exceptions.size() + " exceptions, covered " + coveredYears + "]";
    }
}
