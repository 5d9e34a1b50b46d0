package cn.srdi.app.servicedesk;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.web.BilingualException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Departments, their members and supervisors, and the routing rules (category × park → department).
 * Routing reads the rules from memory: every intake routes, the rules change seldom. The cached
 * rules are dropped when {@link #setRule} or {@link #deleteRule} change them (again after their
 * transaction ends, so a reader cannot keep what it read before the commit), when the demo writes
 * its departments ({@link #forgetRouting}), and at the latest {@link #ROUTING_TTL_NANOS} after they
 * were read, for changes made outside this instance (SQL by hand, a second instance).
 */
@Service
public class Departments {

    /** How long routing rules read from the database are used at most (changes made outside this instance). */
    static final long ROUTING_TTL_NANOS = 30_000_000_000L;

    /** The rules and the coordinating department as read at {@code readAt} (System.nanoTime). */
    private record Routing(List<Rule> rules, String coordinator, long readAt) {
    }

    private volatile Routing routing;
    /** Bumped by every {@link #forgetRouting}: a read that overlapped a change is not kept. */
    private final AtomicLong generation = new AtomicLong();

    /** A routing rule; {@code parkId} null means any park of the region. */
    public record Rule(long id, Category category, String parkId, String departmentId) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public Departments(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Department> all() {
        return jdbc.sql("select id, name_zh, name_en, supervisor, coordinating from sd_department order by coordinating, id")
                .query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5))).list();
    }

    public Optional<Department> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, name_zh, name_en, supervisor, coordinating from sd_department where id = ?").param(id)
                .query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5))).optional();
    }

    public Department require(String id) {
        return find(id).orElseThrow(() -> BilingualException.badRequest("部门“" + id + "”不存在", "no department '" + id + "'"));
    }

    /** The coordinating department (统筹部门). */
    public Department coordinator() {
        return jdbc.sql("select id, name_zh, name_en, supervisor, coordinating from sd_department where coordinating = true "
                        + "order by id fetch first 1 rows only")
                .query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5))).optional()
                .orElseThrow(() -> new BilingualException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                        "尚未设置统筹部门（sd_department.coordinating）", "no coordinating department is set up"));
    }

    public boolean isCoordinator(String departmentId) {
        return departmentId != null && find(departmentId).map(Department::coordinating).orElse(false);
    }

    /** Enabled handler accounts of a department. */
    public List<String> members(String departmentId) {
        return jdbc.sql("select username from app_user where department = ? and role = 'HANDLER' and enabled = true order by username")
                .param(departmentId).query(String.class).list();
    }

    public Map<String, Department> byId() {
        Map<String, Department> m = new LinkedHashMap<>();
        for (Department d : all()) {
            m.put(d.id(), d);
        }
        return m;
    }

    /**
     * The department for a category and park: a rule of that park first, then a region-wide rule
     * (the lowest id of each), else the coordinator. From the cached rules.
     */
    public String route(Category category, String parkId) {
        Routing r = routing();
        Rule park = null;
        Rule region = null;
        for (Rule rule : r.rules()) { // ordered by id
            if (rule.category() != category) {
                continue;
            }
            if (rule.parkId() == null) {
                region = region == null ? rule : region;
            } else if (parkId != null && rule.parkId().equals(parkId)) {
                park = park == null ? rule : park;
            }
        }
        if (park != null) {
            return park.departmentId();
        }
        if (region != null) {
            return region.departmentId();
        }
        if (r.coordinator() == null) {
            return coordinator().id(); // refuses with 503: none is set up
        }
        return r.coordinator();
    }

    private Routing routing() {
        Routing r = routing;
        long now = System.nanoTime();
        if (r == null || now - r.readAt() > ROUTING_TTL_NANOS) {
            long gen = generation.get();
            List<Rule> rules = jdbc.sql("select id, category, park_id, department_id from sd_routing_rule order by id")
                    .query((rs, n) -> new Rule(rs.getLong(1), Category.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4)))
                    .list();
            String coordinator = jdbc.sql("select id from sd_department where coordinating = true order by id "
                            + "fetch first 1 rows only")
                    .query(String.class).optional().orElse(null);
            r = new Routing(List.copyOf(rules), coordinator, now);
            // kept only if no change began meanwhile, and not when read inside a transaction that changed the rules
            // (others must not see them before it commits)
            synchronized (generation) {
                if (generation.get() == gen && !changedHere()) {
                    routing = r;
                }
            }
        }
        return r;
    }

    /** True when this transaction changed routing (set or deleted a rule, wrote departments). */
    private static boolean changedHere() {
        return Boolean.TRUE.equals(TransactionSynchronizationManager.getResource(CHANGED));
    }

    private static final Object CHANGED = new Object();

    /**
     * Drops the cached routing now and again when the current transaction (if any) ends: call after
     * writing {@code sd_routing_rule} or {@code sd_department} with SQL of your own.
     */
    public void forgetRouting() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !changedHere()) {
            TransactionSynchronizationManager.bindResource(CHANGED, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CHANGED);
                    forget();
                }
            });
        }
    }

    private void forget() {
        synchronized (generation) {
            generation.incrementAndGet();
            routing = null;
        }
    }

    public List<Rule> rules() {
        return jdbc.sql("select id, category, park_id, department_id from sd_routing_rule order by category, park_id, id")
                .query((rs, n) -> new Rule(rs.getLong(1), Category.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Adds or replaces the rule of a category and park (null: region-wide), audited. */
    @Transactional
    public Rule setRule(Category category, String parkId, String departmentId) {
        require(departmentId);
        String park = parkId == null || parkId.isBlank() ? null : parkId.trim().toUpperCase(java.util.Locale.ROOT);
        if (park != null && jdbc.sql("select count(*) from park where id = ?").param(park).query(Long.class).single() == 0) {
            throw BilingualException.badRequest("园区“" + parkId + "”不存在", "no park '" + parkId + "'");
        }
        List<Rule> old = rules().stream().filter(r -> r.category() == category && java.util.Objects.equals(r.parkId(), park)).toList();
        for (Rule r : old) {
            jdbc.sql("delete from sd_routing_rule where id = ?").param(r.id()).update();
        }
        jdbc.sql("insert into sd_routing_rule (category, park_id, department_id) values (?, ?, ?)")
                .params(category.name(), park, departmentId).update();
        forgetRouting();
        Rule now = rules().stream().filter(r -> r.category() == category && java.util.Objects.equals(r.parkId(), park))
                .findFirst().orElseThrow();
        audit.record("SET_ROUTING_RULE", "routing_rule", category + "/" + (park == null ? "*" : park),
                old.isEmpty() ? null : Map.of("department", old.get(0).departmentId()), Map.of("department", departmentId));
        return now;
    }

    /** Removes a park-specific or region-wide rule, audited. */
    @Transactional
    public void deleteRule(long id) {
        Rule r = rules().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> BilingualException.notFound("路由规则 " + id + " 不存在", "no routing rule " + id));
        jdbc.sql("delete from sd_routing_rule where id = ?").param(id).update();
        forgetRouting();
        audit.record("DELETE_ROUTING_RULE", "routing_rule", r.category() + "/" + (r.parkId() == null ? "*" : r.parkId()),
                Map.of("department", r.departmentId()), null);
    }
}
