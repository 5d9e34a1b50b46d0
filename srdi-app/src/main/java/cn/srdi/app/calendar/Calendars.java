package cn.srdi.app.calendar;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.calendar.internal.CalendarStore;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The platform's official working-day calendar: the current immutable {@link WorkCalendar}
 * snapshot and {@link SlaClock} for other modules, and the administrator's audited edits (each edit
 * rebuilds the snapshot once committed and publishes {@link CalendarChanged}).
 *
 * <p>Reading {@link #current()} is a volatile read: call it once per sweep or request, not per row.
 * Authorisation is the caller's job (the web layer lets only ADMIN edit).
 */
@Service
@EnableConfigurationProperties(CalendarProperties.class)
public class Calendars {

    private final CalendarStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SlaClock.NearThreshold near;
    private volatile Snapshot snapshot;

    private record Snapshot(WorkCalendar calendar, SlaClock clock, Map<Integer, String> notices) {
    }

    public Calendars(CalendarStore store, AuditTrail audit, ApplicationEventPublisher events, CalendarProperties properties) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.near = properties.near();
    }

    /** The current calendar snapshot. */
    public WorkCalendar current() {
        return snapshot().calendar();
    }

    /** An SLA clock on the current snapshot with the configured NEAR threshold ({@code srdi.calendar.near-*}). */
    public SlaClock clock() {
        return snapshot().clock();
    }

    /** The configured NEAR threshold. */
    public SlaClock.NearThreshold nearThreshold() {
        return near;
    }

    /** Covered years and the references of their notices. */
    public Map<Integer, String> notices() {
        return snapshot().notices();
    }

    /** Summary per year: every covered year, every year with entries, and the given extra years. */
    public List<CalendarYear> years(int... extra) {
        WorkCalendar c = current();
        SortedSet<Integer> ys = new TreeSet<>(c.coveredYears());
        for (CalendarDay d : c.exceptions()) {
            ys.add(d.date().getYear());
        }
        for (int y : extra) {
            if (y >= WorkCalendar.MIN.getYear() && y <= WorkCalendar.MAX.getYear()) {
                ys.add(y);
            }
        }
        List<CalendarYear> out = new ArrayList<>();
        for (int y : ys) {
            out.add(year(y));
        }
        return out;
    }

    /** One year's summary. */
    public CalendarYear year(int y) {
        checkYear(y);
        WorkCalendar c = current();
        List<CalendarDay> days = c.exceptions(y);
        int h = (int) days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
        return new CalendarYear(y, c.covers(y), notices().getOrDefault(y, ""), h, days.size() - h,
                c.countWorkingDays(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
    }

    // ------------------------------------------------------------------ edits (audited)

    /** Adds or changes one exception. */
    @Transactional
    public CalendarDay putDay(CalendarDay day) {
        CalendarDay before = store.day(day.date()).orElse(null);
        store.upsertDay(day, actor(), now());
        audit.record(before == null ? "CALENDAR_DAY_ADDED" : "CALENDAR_DAY_CHANGED", "calendar_day", day.date().toString(), before, day);
        changed(day.date().getYear());
        return day;
    }

    /** Removes one exception (the date falls back to the Monday–Friday rule). */
    @Transactional
    public boolean deleteDay(LocalDate date) {
        WorkCalendar.checkSupported(date, "日期", "date");
        CalendarDay before = store.day(date).orElse(null);
        if (before == null) {
            return false;
        }
        store.deleteDay(date);
        audit.record("CALENDAR_DAY_REMOVED", "calendar_day", date.toString(), before, null);
        changed(date.getYear());
        return true;
    }

    /** Declares a year covered by its official notice (or changes the notice's reference). */
    @Transactional
    public CalendarYear coverYear(int year, String notice) {
        checkYear(year);
        String n = notice == null ? "" : notice.trim();
        if (n.isEmpty() || n.length() > 200) {
            throw new CalendarException(year + " 年：请填写国务院办公厅通知的文号或标题（1–200 个字符）",
                    "year " + year + ": give the reference or title of the State Council notice (1–200 characters)");
        }
        String before = store.years().get(year);
        store.upsertYear(year, n, actor(), now());
        audit.record(before == null ? "CALENDAR_YEAR_COVERED" : "CALENDAR_YEAR_CHANGED", "calendar_year", String.valueOf(year),
                before == null ? null : Map.of("notice", before), Map.of("notice", n));
        changed(year);
        return new CalendarYear(year, true, n, 0, 0, 0);
    }

    /** Withdraws a year's coverage (its entries stay; deadlines in it are flagged again). */
    @Transactional
    public boolean uncoverYear(int year) {
        checkYear(year);
        String before = store.years().get(year);
        if (before == null) {
            return false;
        }
        store.deleteYear(year);
        audit.record("CALENDAR_YEAR_UNCOVERED", "calendar_year", String.valueOf(year), Map.of("notice", before), null);
        changed(year);
        return true;
    }

    /**
     * Imports a CSV in the format of {@code holidays-cn.csv}: for every year in the file, that year's
     * exceptions are replaced by the file's and the year is declared covered with {@code notice}.
     * All or nothing.
     */
    @Transactional
    public CalendarCsv.Parsed importCsv(String text, String notice) {
        CalendarCsv.Parsed parsed = CalendarCsv.parse(text, "CSV");
        String n = notice == null || notice.isBlank() ? "CSV import" : notice.trim();
        // the whole new calendar must build (e.g. no date given twice)
        List<CalendarDay> all = new ArrayList<>();
        for (CalendarDay d : current().exceptions()) {
            if (!parsed.years().contains(d.date().getYear())) {
                all.add(d);
            }
        }
        all.addAll(parsed.days());
        WorkCalendar.of(all, List.of());
        String actor = actor();
        LocalDateTime at = now();
        for (int y : parsed.years()) {
            List<CalendarDay> before = current().exceptions(y);
            store.deleteYearDays(y);
            List<CalendarDay> mine = parsed.days().stream().filter(d -> d.date().getYear() == y).toList();
            for (CalendarDay d : mine) {
                store.upsertDay(d, actor, at);
            }
            store.upsertYear(y, n, actor, at);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("notice", n);
            after.put("days", mine);
            audit.record("CALENDAR_YEAR_IMPORTED", "calendar_year", String.valueOf(y),
                    before.isEmpty() ? null : Map.of("days", before), after);
        }
        changed(parsed.years().toArray(Integer[]::new));
        return parsed;
    }

    // ------------------------------------------------------------------ internals

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = load();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot load() {
        Map<Integer, String> notices = store.years();
        WorkCalendar c = WorkCalendar.of(store.days(), notices.keySet());
        return new Snapshot(c, new SlaClock(c, near), Map.copyOf(notices));
    }

    /** Checks the edited calendar still builds, then swaps the snapshot and publishes once committed. */
    private void changed(Integer... years) {
        Snapshot next = load(); // reads this transaction's writes; fails the edit if inconsistent
        SortedSet<Integer> ys = new TreeSet<>(List.of(years));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = next;
                    events.publishEvent(new CalendarChanged(ys, next.calendar()));
                }
            });
        } else {
            snapshot = next;
            events.publishEvent(new CalendarChanged(ys, next.calendar()));
        }
    }

    /** Drops the snapshot so the next read reloads it (tests that write the tables directly). */
    public void reload() {
        snapshot = load();
    }

    private static void checkYear(int y) {
        if (y < WorkCalendar.MIN.getYear() || y > WorkCalendar.MAX.getYear()) {
            throw new CalendarException("年份 " + y + " 超出支持范围 " + WorkCalendar.MIN.getYear() + "–" + WorkCalendar.MAX.getYear(),
                    "year " + y + " is outside the supported range " + WorkCalendar.MIN.getYear() + "–" + WorkCalendar.MAX.getYear());
        }
    }

    private static String actor() {
        return cn.srdi.app.identity.CurrentUser.name();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(WorkCalendar.ZONE);
    }
}
