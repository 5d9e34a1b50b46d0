package cn.srdi.app.dashboard;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.web.BilingualException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action plans and their targets. Every change writes an audit record with the plan before and
 * after (targets included) in the same transaction.
 */
@Repository
public class PlanStore {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_SPAN = 15;
    static final int MAX_TARGET = 100_000_000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public PlanStore(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Plan> list() {
        List<Plan> heads = jdbc.sql("select id, name_zh, name_en, start_year, end_year, active from action_plan "
                        + "order by start_year, id")
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getBoolean(6), new LinkedHashMap<>()))
                .list();
        Map<Long, Map<String, Map<Integer, Integer>>> targets = new LinkedHashMap<>();
        jdbc.sql("select plan_id, metric, plan_year, target from action_plan_target order by plan_id, metric, plan_year")
                .query(rs -> {
                    targets.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new TreeMap<>()).put(rs.getInt(3), rs.getInt(4));
                });
        return heads.stream().map(p -> withTargets(p, targets.getOrDefault(p.id(), Map.of()))).toList();
    }

    public Optional<Plan> find(long id) {
        return jdbc.sql("select id, name_zh, name_en, start_year, end_year, active from action_plan where id = ?")
                .param(id)
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getBoolean(6), Map.of()))
                .optional()
                .map(p -> {
                    Map<String, Map<Integer, Integer>> t = new LinkedHashMap<>();
                    jdbc.sql("select metric, plan_year, target from action_plan_target where plan_id = ? order by metric, plan_year")
                            .param(id)
                            .query(rs -> {
                                t.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getInt(3));
                            });
                    return withTargets(p, t);
                });
    }

    public Plan require(long id) {
        return find(id).orElseThrow(() -> BilingualException.notFound("没有编号为 " + id + " 的行动计划",
                "no action plan " + id));
    }

    private static Plan withTargets(Plan p, Map<String, Map<Integer, Integer>> t) {
        Map<String, Map<Integer, Integer>> ordered = new LinkedHashMap<>();
        for (String m : Plan.METRICS) {
            if (t.containsKey(m)) {
                ordered.put(m, t.get(m));
            }
        }
        return new Plan(p.id(), p.nameZh(), p.nameEn(), p.startYear(), p.endYear(), p.active(), ordered);
    }

    @Transactional
    public Plan create(Plan.Input in) {
        validate(in);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into action_plan (name_zh, name_en, start_year, end_year, active) values (?, ?, ?, ?, true)")
                .params(in.nameZh().strip(), in.nameEn().strip(), in.startYear(), in.endYear())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeTargets(id, in);
        Plan after = require(id);
        audit.record("PLAN_CREATED", "action_plan", String.valueOf(id), null, after);
        return after;
    }

    @Transactional
    public Plan update(long id, Plan.Input in) {
        Plan before = require(id);
        validate(in);
        jdbc.sql("update action_plan set name_zh = ?, name_en = ?, start_year = ?, end_year = ? where id = ?")
                .params(in.nameZh().strip(), in.nameEn().strip(), in.startYear(), in.endYear(), id).update();
        jdbc.sql("delete from action_plan_target where plan_id = ?").param(id).update();
        writeTargets(id, in);
        Plan after = require(id);
        audit.record("PLAN_UPDATED", "action_plan", String.valueOf(id), before, after);
        return after;
    }

    @Transactional
    public Plan setActive(long id, boolean active) {
        Plan before = require(id);
        jdbc.sql("update action_plan set active = ? where id = ?").params(active, id).update();
        Plan after = require(id);
        audit.record(active ? "PLAN_ACTIVATED" : "PLAN_DEACTIVATED", "action_plan", String.valueOf(id), before, after);
        return after;
    }

    private void writeTargets(long id, Plan.Input in) {
        for (Map.Entry<String, Map<Integer, Integer>> m : in.targets().entrySet()) {
            for (Map.Entry<Integer, Integer> y : m.getValue().entrySet()) {
                if (y.getValue() != null && y.getKey() >= in.startYear() && y.getKey() <= in.endYear()) {
                    jdbc.sql("insert into action_plan_target (plan_id, metric, plan_year, target) values (?, ?, ?, ?)")
                            .params(id, m.getKey(), y.getKey(), y.getValue()).update();
                }
            }
        }
    }

    static void validate(Plan.Input in) {
        if (in.nameZh() == null || in.nameZh().isBlank() || in.nameEn() == null || in.nameEn().isBlank()) {
            throw BilingualException.badRequest("请填写计划的中文名称和英文名称", "the plan needs a Chinese and an English name");
        }
        if (in.nameZh().strip().length() > 200 || in.nameEn().strip().length() > 200) {
            throw BilingualException.badRequest("计划名称不能超过200个字符", "a plan name has at most 200 characters");
        }
        if (in.startYear() < MIN_YEAR || in.endYear() > MAX_YEAR || in.endYear() < in.startYear()
                || in.endYear() - in.startYear() + 1 > MAX_SPAN) {
            throw BilingualException.badRequest("计划年份无效：起止年份须在" + MIN_YEAR + "—" + MAX_YEAR + "之间，结束不早于开始，最长"
                    + MAX_SPAN + "年", "invalid plan years: between " + MIN_YEAR + " and " + MAX_YEAR
                    + ", the end not before the start, at most " + MAX_SPAN + " years");
        }
        for (Map.Entry<String, Map<Integer, Integer>> m : in.targets().entrySet()) {
            if (!Plan.METRICS.contains(m.getKey())) {
                throw BilingualException.badRequest("未知的目标指标：" + m.getKey(), "unknown target metric: " + m.getKey()
                        + " (known: " + String.join(", ", Plan.METRICS) + ")");
            }
            for (Map.Entry<Integer, Integer> y : m.getValue().entrySet()) {
                if (y.getKey() == null || y.getKey() < in.startYear() || y.getKey() > in.endYear()) {
                    throw BilingualException.badRequest("目标年份 " + y.getKey() + " 不在计划期内",
                            "target year " + y.getKey() + " is outside the plan's years");
                }
                if (y.getValue() != null && (y.getValue() < 0 || y.getValue() > MAX_TARGET)) {
                    throw BilingualException.badRequest("目标值须为0至" + MAX_TARGET + "之间的整数",
                            "a target is a whole number between 0 and " + MAX_TARGET);
                }
            }
        }
    }
}
