package cn.srdi.app.servicedesk;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of the requests. Every read takes the caller's {@link Scope} and filters in SQL
 * ({@link #scopeFilter}): a firm its own requests, a department those routed to it (the
 * coordinator also every request escalated to it), a park operator its parks' firms, officials
 * and administrators everything, other roles nothing.
 */
@Repository
public class RequestStore {

    static final String COLUMNS = "r.id, r.ref_no, r.credit_code, e.name, r.park_id, r.category, r.suggested_category, "
            + "r.subject, r.body, r.status, r.department_id, r.assignee, r.created_by, r.created_at, r.accepted_at, "
            + "r.first_reply_at, r.resolved_at, r.closed_at, r.accept_due_at, r.reply_due_at, r.resolve_due_at, "
            + "r.accept_late, r.reply_late, r.resolve_late, r.sla_stage, r.due_at, r.near_at, c.escalation, r.paused_at, "
            + "r.confirm_due_at, c.next_check_at, r.reopen_count, r.rating, r.rating_comment, r.rated_at, r.resolve_from, "
            + "c.row_version";

    /**
     * A request with its SLA clock (V52): {@code r} is {@code sd_request}, {@code c} its row of
     * {@code sd_request_clock} (escalation, next check and the request's row version).
     */
    static final String TABLES = "sd_request r join sd_request_clock c on c.request_id = r.id";
    static final String FROM = " from " + TABLES + " join enterprise e on e.credit_code = r.credit_code";

    /** The columns that live in {@code sd_request_clock}; every other column of a request is in {@code sd_request}. */
    static final java.util.Set<String> CLOCK_COLUMNS = java.util.Set.of("escalation", "next_check_at");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public RequestStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A WHERE fragment and its arguments. */
    public record Filter(String sql, List<Object> args) {
    }

    /** The requests a scope may read, for aliases {@code r} and {@code c} of {@link #TABLES}. */
    public Filter scopeFilter(Scope scope, boolean coordinatorDepartment) {
        return switch (scope.role()) {
            case ADMIN, OFFICIAL -> new Filter("1 = 1", List.of());
            case PARK_OPERATOR -> scope.parks().isEmpty() ? new Filter("1 = 0", List.of())
                    : new Filter("r.park_id in (" + String.join(", ", Collections.nCopies(scope.parks().size(), "?")) + ")",
                            List.copyOf(scope.parks().stream().sorted().toList()));
            case ENTERPRISE -> scope.creditCode() == null ? new Filter("1 = 0", List.of())
                    : new Filter("r.credit_code = ?", List.of(scope.creditCode()));
            case HANDLER -> scope.department() == null ? new Filter("1 = 0", List.of())
                    : coordinatorDepartment ? new Filter("(r.department_id = ? or c.escalation >= 2)", List.of(scope.department()))
                    : new Filter("r.department_id = ?", List.of(scope.department()));
            default -> new Filter("1 = 0", List.of());
        };
    }

    static LocalDateTime ldt(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toLocalDateTime();
    }

    static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    static Boolean bool(ResultSet rs, int i) throws SQLException {
        boolean b = rs.getBoolean(i);
        return rs.wasNull() ? null : b;
    }

    static ServiceRequest map(ResultSet rs) throws SQLException {
        String sugg = rs.getString(7);
        Integer rating = rs.getObject(33) == null ? null : rs.getInt(33);
        return new ServiceRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Category.valueOf(rs.getString(6)), sugg == null ? null : Category.valueOf(sugg), rs.getString(8),
                rs.getString(9), RequestStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12),
                rs.getString(13), ldt(rs, 14), ldt(rs, 15), ldt(rs, 16), ldt(rs, 17), ldt(rs, 18), ldt(rs, 19), ldt(rs, 20),
                ldt(rs, 21), bool(rs, 22), bool(rs, 23), bool(rs, 24), rs.getString(25), ldt(rs, 26), ldt(rs, 27),
                rs.getInt(28), ldt(rs, 29), ldt(rs, 30), ldt(rs, 31), rs.getInt(32), rating, rs.getString(34), ldt(rs, 35),
                ldt(rs, 36), rs.getInt(37));
    }

    /** One request, unscoped (for the service's own use after a scope check). */
    public Optional<ServiceRequest> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where r.id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    /** One request if the scope may read it. */
    public Optional<ServiceRequest> find(Filter scope, long id) {
        List<Object> args = new ArrayList<>(scope.args());
        args.add(id);
        return jdbc.sql("select " + COLUMNS + FROM + " where " + scope.sql() + " and r.id = ?").params(args)
                .query((rs, n) -> map(rs)).optional();
    }

    /** What to list. Null fields match everything. */
    public record Query(RequestStatus status, String department, Category category, String creditCode, Boolean overdue,
                        Boolean escalated, Boolean open, int page, int size) {

        public Query {
            page = Math.max(0, page);
            size = Math.max(1, Math.min(size <= 0 ? 20 : size, 200));
        }
    }

    /** A page of requests, newest first. */
    public record Page(List<ServiceRequest> items, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page list(Filter scope, Query q, LocalDateTime now) {
        StringBuilder where = new StringBuilder(scope.sql());
        List<Object> args = new ArrayList<>(scope.args());
        if (q.status() != null) {
            where.append(" and r.status = ?");
            args.add(q.status().name());
        }
        if (q.department() != null) {
            where.append(" and r.department_id = ?");
            args.add(q.department());
        }
        if (q.category() != null) {
            where.append(" and r.category = ?");
            args.add(q.category().name());
        }
        if (q.creditCode() != null) {
            where.append(" and r.credit_code = ?");
            args.add(q.creditCode());
        }
        if (Boolean.TRUE.equals(q.overdue())) {
            where.append(" and r.due_at <= ?");
            args.add(ts(now));
        }
        if (Boolean.TRUE.equals(q.escalated())) {
            where.append(" and c.escalation > 0 and r.sla_stage is not null");
        }
        if (Boolean.TRUE.equals(q.open())) {
            where.append(" and r.status not in ('RESOLVED', 'CLOSED')");
        }
        long total = jdbc.sql("select count(*) from " + TABLES + " where " + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) q.page() * q.size());
        pageArgs.add(q.size());
        List<ServiceRequest> items = jdbc.sql("select " + COLUMNS + FROM + " where " + where
                        + " order by r.created_at desc, r.id desc offset ? rows fetch next ? rows only")
                .params(pageArgs).query((rs, n) -> map(rs)).list();
        return new Page(items, total, q.page(), q.size());
    }

    public List<RequestEvent> events(long requestId) {
        return jdbc.sql("select id, request_id, occurred_at, actor, action, from_status, to_status, department_id, note "
                        + "from sd_request_event where request_id = ? order by id")
                .param(requestId)
                .query((rs, n) -> new RequestEvent(rs.getLong(1), rs.getLong(2), ldt(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(6) == null ? null : RequestStatus.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : RequestStatus.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** The waits for the firm (ASK_MORE … SUPPLY) of a request, in order; an open one ends with null. */
    public List<LocalDateTime[]> waits(long requestId) {
        List<LocalDateTime[]> out = new ArrayList<>();
        LocalDateTime[] open = null;
        for (RequestEvent e : events(requestId)) {
            if ("ASK_MORE".equals(e.action())) {
                open = new LocalDateTime[] {e.occurredAt(), null};
                out.add(open);
            } else if ("SUPPLY".equals(e.action()) && open != null) {
                open[1] = e.occurredAt();
                open = null;
            }
        }
        return out;
    }

    public long insertEvent(long requestId, LocalDateTime at, String actor, String action, RequestStatus from,
                            RequestStatus to, String department, String note) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into sd_request_event (request_id, occurred_at, actor, action, from_status, to_status, department_id, note) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(requestId, ts(at), actor, action, from == null ? null : from.name(), to == null ? null : to.name(),
                        department, note)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * A new request row: what the firm raised, where it was routed, and its SLA columns (as for
     * {@link #update}; the clock columns {@code escalation} and {@code next_check_at} go to its row of
     * {@code sd_request_clock}).
     */
    public record NewRequest(String creditCode, String parkId, Category category, Category suggested, String subject,
                             String body, String department, String createdBy, String address, LocalDateTime createdAt,
                             Map<String, Object> columns) {
    }

    /**
     * Inserts new request rows and their clock rows, complete with the SLA columns, one JDBC batch per
     * table, and returns their ids in order; the reference number is {@code SQ<yyyyMMdd>-<id>} (unique
     * by the id, so concurrent intakes never collide). Every row must carry the same SLA columns.
     */
    public long[] insertAll(List<NewRequest> rows) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        List<String> names = new ArrayList<>();
        for (String c : rows.get(0).columns().keySet()) {
            checkName(c);
            if (!CLOCK_COLUMNS.contains(c)) {
                names.add(c);
            }
        }
        for (NewRequest r : rows) {
            if (!r.columns().keySet().equals(rows.get(0).columns().keySet())) {
                throw new IllegalArgumentException("new requests of one batch must have the same columns: "
                        + r.columns().keySet() + " / " + rows.get(0).columns().keySet());
            }
        }
        String sql = "insert into sd_request (credit_code, park_id, category, suggested_category, subject, body, status, "
                + "department_id, created_by, client_address, created_at, resolve_from"
                + names.stream().map(n -> ", " + n).collect(java.util.stream.Collectors.joining()) + ") "
                + "values (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?" + ", ?".repeat(names.size()) + ")";
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        batch.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewRequest r = rows.get(i);
                ps.setString(1, r.creditCode());
                ps.setString(2, r.parkId());
                ps.setString(3, r.category().name());
                ps.setString(4, r.suggested() == null ? null : r.suggested().name());
                ps.setString(5, r.subject());
                ps.setString(6, r.body());
                ps.setString(7, r.department());
                ps.setString(8, r.createdBy());
                ps.setString(9, r.address());
                ps.setTimestamp(10, ts(r.createdAt()));
                ps.setTimestamp(11, ts(r.createdAt()));
                int p = 12;
                for (String n : names) {
                    Object v = value(r.columns().get(n));
                    if (v == null) {
                        ps.setNull(p++, n.endsWith("_at") ? Types.TIMESTAMP : Types.VARCHAR); // the instants, and sla_stage
                    } else {
                        ps.setObject(p++, v);
                    }
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        List<Map<String, Object>> list = keys.getKeyList();
        if (list.size() != rows.size()) {
            throw new IllegalStateException("sd_request batch: " + rows.size() + " rows, " + list.size() + " keys");
        }
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            Map<String, Object> k = list.get(i);
            ids[i] = ((Number) (k.containsKey("id") ? k.get("id") : k.values().iterator().next())).longValue();
        }
        batch.batchUpdate("insert into sd_request_clock (request_id, escalation, next_check_at) values (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Map<String, Object> c = rows.get(i).columns();
                        ps.setLong(1, ids[i]);
                        ps.setInt(2, c.get("escalation") == null ? 0 : ((Number) c.get("escalation")).intValue());
                        ps.setTimestamp(3, ts((LocalDateTime) c.get("next_check_at")));
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
        return ids;
    }

    /** A history event to write (see {@link #insertEvents}). */
    public record NewEvent(long requestId, LocalDateTime at, String actor, String action, RequestStatus from, RequestStatus to,
                           String department, String note) {
    }

    /** Writes history events in one JDBC batch, without reading their ids back (see {@link #insertEvent} for that). */
    public void insertEvents(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        batch.batchUpdate("insert into sd_request_event (request_id, occurred_at, actor, action, from_status, to_status, "
                + "department_id, note) values (?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        NewEvent e = events.get(i);
                        ps.setLong(1, e.requestId());
                        ps.setTimestamp(2, ts(e.at()));
                        ps.setString(3, e.actor());
                        ps.setString(4, e.action());
                        ps.setString(5, e.from() == null ? null : e.from().name());
                        ps.setString(6, e.to() == null ? null : e.to().name());
                        ps.setString(7, e.department());
                        ps.setString(8, e.note());
                    }

                    @Override
                    public int getBatchSize() {
                        return events.size();
                    }
                });
    }

    private static final java.util.regex.Pattern COLUMN_NAME = java.util.regex.Pattern.compile("[a-z_]+");

    /** Column names are spliced into SQL: only lower-case letters and underscores (compiled once; it runs per column of every write). */
    private static void checkName(String column) {
        if (!COLUMN_NAME.matcher(column).matches()) {
            throw new IllegalArgumentException(column);
        }
    }

    private static Object value(Object v) {
        return v instanceof LocalDateTime t ? ts(t) : v instanceof Enum<?> en ? en.name() : v;
    }

    /**
     * The reference number of a request created at {@code at} with this id: the same value the
     * database computes for its {@code ref_no} column (migration V53), for building what the intake
     * returns without reading the row back.
     */
    static String refNo(LocalDateTime at, long id) {
        // by hand rather than String.format: this runs on every intake, and the formatter cost more than the rest of the insert's Java side
        String digits = Long.toString(id);
        StringBuilder b = new StringBuilder(24).append("SQ").append(at.getYear() * 10000 + at.getMonthValue() * 100 + at.getDayOfMonth())
                .append('-');
        for (int pad = digits.length(); pad < 6; pad++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /**
     * Writes the changed columns of a request if its row version is still {@code expectedVersion}
     * (bumping it); false when someone else changed it first. The clock row is written first, guarded
     * by the version, so it is also the lock of the request: the rest of the row ({@code sd_request})
     * is written only by the holder of that lock.
     */
    public boolean update(long id, int expectedVersion, Map<String, Object> columns) {
        StringBuilder clock = new StringBuilder();
        List<Object> clockArgs = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, Object> c : columns.entrySet()) {
            checkName(c.getKey());
            if (CLOCK_COLUMNS.contains(c.getKey())) {
                clock.append(c.getKey()).append(" = ?, ");
                clockArgs.add(value(c.getValue()));
            } else {
                set.append(set.isEmpty() ? "" : ", ").append(c.getKey()).append(" = ?");
                args.add(value(c.getValue()));
            }
        }
        clockArgs.add(id);
        clockArgs.add(expectedVersion);
        if (jdbc.sql("update sd_request_clock set " + clock + "row_version = row_version + 1 where request_id = ? and row_version = ?")
                .params(clockArgs).update() != 1) {
            return false;
        }
        if (!set.isEmpty()) {
            args.add(id);
            jdbc.sql("update sd_request set " + set + " where id = ?").params(args).update();
        }
        return true;
    }

    /** Ids of requests whose next check is due, oldest first (the SLA sweep: a range scan of sd_request_clock_next_check). */
    public List<Long> dueForCheck(LocalDateTime now, int limit) {
        return jdbc.sql("select request_id from sd_request_clock where next_check_at <= ? order by next_check_at fetch first "
                        + Math.max(1, limit) + " rows only")
                .param(ts(now)).query(Long.class).list();
    }

    public boolean role(Scope scope, Role role) {
        return scope.role() == role;
    }
}
