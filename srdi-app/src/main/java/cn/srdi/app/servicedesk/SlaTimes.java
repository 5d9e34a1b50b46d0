package cn.srdi.app.servicedesk;

import cn.srdi.app.calendar.Calendars;
import cn.srdi.app.calendar.SlaClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The SLA arithmetic of requests, on the official working-day calendar of the calendar module
 * ({@link Calendars#clock()}: days counted from the day after the start, waits for the firm not
 * counted, "near" by the calendar's threshold). Turns a request's timeline into the due and near
 * instants stored on the request.
 */
@Component
public class SlaTimes {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Due and near instants of one stage (local Asia/Shanghai date-times). */
    public record Stage(LocalDateTime due, LocalDateTime near, boolean covered) {
    }

    private final Calendars calendars;

    public SlaTimes(Calendars calendars) {
        this.calendars = calendars;
    }

    static Instant instant(LocalDateTime t) {
        return t.atZone(ZONE).toInstant();
    }

    static LocalDateTime local(Instant i) {
        return LocalDateTime.ofInstant(i, ZONE);
    }

    /**
     * The stage of {@code budgetDays} working days that started at {@code start}, with the waits for
     * the firm ([pause, resume], resume null while open) that began after the start, evaluated at
     * {@code now} (an open wait counts as answered now, so the deadline is provisional).
     */
    public Stage stage(LocalDateTime start, int budgetDays, List<LocalDateTime[]> waits, LocalDateTime now) {
        List<SlaClock.Event> timeline = new ArrayList<>();
        timeline.add(SlaClock.Event.start(instant(start)));
        LocalDateTime at = now.isBefore(start) ? start : now;
        for (LocalDateTime[] w : waits) {
            if (w[0].isBefore(start)) {
                continue;
            }
            timeline.add(SlaClock.Event.pause(instant(w[0])));
            at = w[0].isAfter(at) ? w[0] : at; // a stored instant never lies after "now" by more than rounding
            if (w[1] != null) {
                timeline.add(SlaClock.Event.resume(instant(w[1])));
                at = w[1].isAfter(at) ? w[1] : at;
            }
        }
        SlaClock.Status s = calendars.clock().evaluate(timeline, budgetDays, instant(at));
        return new Stage(local(s.deadline().due()), local(s.nearAt()), s.covered());
    }
}
