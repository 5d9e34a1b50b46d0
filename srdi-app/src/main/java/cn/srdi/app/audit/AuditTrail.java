package cn.srdi.app.audit;

import cn.srdi.app.identity.CurrentUser;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail: who, when, what, before and after. Records join the caller's
 * transaction, so a change and its audit record land together or not at all. Nothing in the
 * application updates or deletes an audit row.
 */
@Service
public class AuditTrail {

    /** Platform time zone for every recorded instant. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One recorded change. */
    public record Event(long id, LocalDateTime occurredAt, String actor, String action, String entityType,
                        String entityId, String before, String after) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final org.springframework.jdbc.core.JdbcTemplate batch;

    public AuditTrail(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = JsonMapper.builder().findAndAddModules().build();
    }

    /** Records a change by the current user; before/after are serialised as JSON (null for none). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, Object before, Object after) {
        recordAs(CurrentUser.name(), action, entityType, entityId, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entityType, String entityId, Object before, Object after) {
        jdbc.sql("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.valueOf(LocalDateTime.now(ZONE)), actor, action, entityType, entityId,
                        toJson(before), toJson(after))
                .update();
    }

    /** One change of a batch: entity id, before and after (serialised as JSON). */
    public record Change(String entityId, Object before, Object after) {
    }

    /**
     * Records many changes of one kind by one actor in a JDBC batch (jobs that change thousands of
     * rows at once, e.g. the servicedesk's escalation sweep); joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAllAs(String actor, String action, String entityType, List<Change> changes) {
        recordAll(changes.stream().map(c -> new Entry(actor, action, entityType, c.entityId(), c.before(), c.after())).toList());
    }

    /** One record of {@link #recordAll}: who did what to which entity, before and after (serialised as JSON). */
    public record Entry(String actor, String action, String entityType, String entityId, Object before, Object after) {
    }

    /**
     * Records many changes, each with its own actor and action, in one JDBC batch (e.g. the intakes
     * of many firms written together); joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.valueOf(LocalDateTime.now(ZONE));
        List<Object[]> rows = new java.util.ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(new Object[] {at, e.actor(), e.action(), e.entityType(), e.entityId(), toJson(e.before()), toJson(e.after())});
        }
        batch.batchUpdate("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The latest events, newest first, optionally for one entity. */
    public List<Event> latest(String entityType, String entityId, int limit) {
        String where = entityType == null ? "" : " where entity_type = :t and entity_id = :i";
        var spec = jdbc.sql("select id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state "
                + "from audit_event" + where + " order by id desc fetch first " + Math.max(1, Math.min(limit, 1000))
                + " rows only");
        if (entityType != null) {
            spec = spec.param("t", entityType).param("i", entityId);
        }
        return spec.query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }

    /** What to look for in the trail; blank fields match everything. */
    public record Filter(String entityType, String entityId, String actor, String action) {

        public Filter {
            entityType = blankToNull(entityType);
            entityId = blankToNull(entityId);
            actor = blankToNull(actor);
            action = blankToNull(action);
        }

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** One page of events, newest first; {@code page} counts from 0. */
    public record Page(List<Event> events, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** Events matching the filter, newest first, {@code size} (1..500) per page. */
    public Page search(Filter filter, int page, int size) {
        Filter f = filter == null ? Filter.none() : filter;
        int n = Math.max(1, Math.min(size, 500));
        int p = Math.max(0, page);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        java.util.Map<String, Object> args = new java.util.LinkedHashMap<>();
        if (f.entityType() != null) {
            where.append(" and entity_type = :t");
            args.put("t", f.entityType());
        }
        if (f.entityId() != null) {
            where.append(" and entity_id = :i");
            args.put("i", f.entityId());
        }
        if (f.actor() != null) {
            where.append(" and actor = :a");
            args.put("a", f.actor());
        }
        if (f.action() != null) {
            where.append(" and action = :x");
            args.put("x", f.action());
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(args).query(Long.class).single();
        List<Event> events = jdbc.sql("select id, occurred_at, actor, action, entity_type, entity_id, before_state, "
                        + "after_state from audit_event" + where + " order by id desc offset " + ((long) p * n)
                        + " rows fetch next " + n + " rows only")
                .params(args)
                .query((rs, i) -> new Event(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return new Page(events, total, p, n);
    }

    /** The entity types and actions present in the trail (for filter choices). */
    public List<String> entityTypes() {
        return jdbc.sql("select distinct entity_type from audit_event order by entity_type").query(String.class).list();
    }

    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        return json.writeValueAsString(value);
    }
}
