package cn.srdi.app.servicedesk;

import cn.srdi.app.identity.Scope;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Statistics of the requests a scope may read, grouped by department, category, park or month
 * (of submission): volume, open and resolved counts, on-time rate per stage (met stages only:
 * on time / measured), median handling time (submission → resolution, hours), average
 * satisfaction and the number of ratings. One streaming query; medians computed exactly.
 */
@Service
public class Statistics {

    /** Grouping dimension. */
    public enum By {
        DEPARTMENT, CATEGORY, PARK, MONTH;

        public static By parse(String s) {
            if (s == null || s.isBlank()) {
                return DEPARTMENT;
            }
            try {
                return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw cn.srdi.app.web.BilingualException.badRequest("统计维度“" + s + "”无效，应为 department、category、park 或 month",
                        "grouping '" + s + "' is invalid: department, category, park or month");
            }
        }
    }

    /** One group's figures; rates are percentages with one decimal, null when nothing was measured. */
    public record Row(String key, long volume, long open, long resolved, long overdueOpen, Double acceptOnTime,
                      Double replyOnTime, Double resolveOnTime, Double medianHours, Double satisfaction, long ratings) {
    }

    private static final class Acc {
        long volume;
        long open;
        long resolved;
        long overdueOpen;
        long[] measured = new long[3];
        long[] onTime = new long[3];
        List<Double> hours = new ArrayList<>();
        long ratingSum;
        long ratings;
    }

    private final JdbcTemplate jdbc;
    private final ServiceDesk desk;

    public Statistics(JdbcTemplate jdbc, ServiceDesk desk) {
        this.jdbc = jdbc;
        this.desk = desk;
    }

    /** The figures per group (sorted by key) plus a total row (key {@code TOTAL}) at the end. */
    public List<Row> by(Scope scope, By by, LocalDateTime from, LocalDateTime to) {
        RequestStore.Filter f = desk.readable(scope);
        LocalDateTime now = desk.now();
        StringBuilder where = new StringBuilder(f.sql());
        List<Object> args = new ArrayList<>(f.args());
        if (from != null) {
            where.append(" and r.created_at >= ?");
            args.add(RequestStore.ts(from));
        }
        if (to != null) {
            where.append(" and r.created_at < ?");
            args.add(RequestStore.ts(to));
        }
        Map<String, Acc> groups = new TreeMap<>();
        Acc total = new Acc();
        jdbc.query("select r.department_id, r.category, r.park_id, r.created_at, r.status, r.accept_late, r.reply_late, "
                + "r.resolve_late, r.resolved_at, r.rating, r.due_at from " + RequestStore.TABLES + " where " + where, (RowCallbackHandler) rs -> {
                    LocalDateTime created = rs.getTimestamp(4).toLocalDateTime();
                    String key = switch (by) {
                        case DEPARTMENT -> String.valueOf(rs.getString(1));
                        case CATEGORY -> rs.getString(2);
                        case PARK -> rs.getString(3) == null ? "NONE" : rs.getString(3);
                        case MONTH -> created.toLocalDate().toString().substring(0, 7);
                    };
                    Acc a = groups.computeIfAbsent(key, k -> new Acc());
                    RequestStatus status = RequestStatus.valueOf(rs.getString(5));
                    Boolean[] late = {RequestStore.bool(rs, 6), RequestStore.bool(rs, 7), RequestStore.bool(rs, 8)};
                    LocalDateTime resolved = RequestStore.ldt(rs, 9);
                    Integer rating = rs.getObject(10) == null ? null : rs.getInt(10);
                    LocalDateTime due = RequestStore.ldt(rs, 11);
                    for (Acc x : new Acc[] {a, total}) {
                        x.volume++;
                        if (status.open()) {
                            x.open++;
                            if (due != null && !now.isBefore(due)) {
                                x.overdueOpen++;
                            }
                        } else {
                            x.resolved++;
                        }
                        for (int i = 0; i < 3; i++) {
                            if (late[i] != null) {
                                x.measured[i]++;
                                if (!late[i]) {
                                    x.onTime[i]++;
                                }
                            }
                        }
                        if (resolved != null) {
                            x.hours.add(Duration.between(created, resolved).toMinutes() / 60.0);
                        }
                        if (rating != null) {
                            x.ratings++;
                            x.ratingSum += rating;
                        }
                    }
                }, args.toArray());
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, a) -> rows.add(row(k, a)));
        rows.add(row("TOTAL", total));
        return rows;
    }

    private static Row row(String key, Acc a) {
        return new Row(key, a.volume, a.open, a.resolved, a.overdueOpen, rate(a, 0), rate(a, 1), rate(a, 2), median(a.hours),
                a.ratings == 0 ? null : Math.round(a.ratingSum * 100.0 / a.ratings) / 100.0, a.ratings);
    }

    private static Double rate(Acc a, int i) {
        return a.measured[i] == 0 ? null : Math.round(a.onTime[i] * 1000.0 / a.measured[i]) / 10.0;
    }

    /** The exact median (mean of the two middle values for an even count), one decimal; null for none. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Double::compare);
        int n = v.size();
        double m = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
        return Math.round(m * 10.0) / 10.0;
    }

    /** Labels of group keys in the current language. */
    public Map<String, String> labels(By by, boolean zh, Departments departments, Map<String, String> parkNames) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (by) {
            case DEPARTMENT -> departments.all().forEach(d -> m.put(d.id(), d.label(zh)));
            case CATEGORY -> {
                for (Category c : Category.values()) {
                    m.put(c.name(), c.label(zh));
                }
            }
            case PARK -> {
                m.putAll(parkNames);
                m.put("NONE", zh ? "园区外" : "outside parks");
            }
            default -> {
            }
        }
        m.put("TOTAL", zh ? "合计" : "Total");
        return m;
    }
}
