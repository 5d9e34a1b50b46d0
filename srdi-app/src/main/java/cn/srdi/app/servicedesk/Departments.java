package cn.srdi.app.servicedesk;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.web.BilingualException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments, their members and supervisors, and the routing rules (category × park → department). */
@Service
public class Departments {

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

    /** The department for a category and park: a rule of that park first, then a region-wide rule, else the coordinator. */
    public String route(Category category, String parkId) {
        return jdbc.sql("select department_id from sd_routing_rule where category = ? and (park_id = ? or park_id is null) "
                        + "order by case when park_id is null then 1 else 0 end, id fetch first 1 rows only")
                .params(category.name(), parkId).query(String.class).optional()
                .orElseGet(() -> coordinator().id());
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
        audit.record("DELETE_ROUTING_RULE", "routing_rule", r.category() + "/" + (r.parkId() == null ? "*" : r.parkId()),
                Map.of("department", r.departmentId()), null);
    }
}
