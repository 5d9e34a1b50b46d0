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

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
