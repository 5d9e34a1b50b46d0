package cn.srdi.app.cultivation;

import static cn.srdi.app.cultivation.CultivationStore.date;
import static cn.srdi.app.cultivation.CultivationStore.now;
import static cn.srdi.app.cultivation.CultivationStore.ts;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.Tier;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cultivation pool (在库培育): discovery after every region grade, officials' decisions, firms'
 * requests to join, cultivation plans and the gap history.
 */
@Service
public class PoolService {

    /** The rungs a pool can be for. */
    static final List<String> RUNGS = List.of("INNOVATIVE", "TECH_INNOVATIVE", "SRDI", "LITTLE_GIANT");

    private final CultivationStore store;
    private final CultivationProperties props;
    private final AuditTrail audit;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;

    PoolService(CultivationStore store, CultivationProperties props, AuditTrail audit, JdbcTemplate template,
                PlatformTransactionManager tm) {
        this.store = store;
        this.props = props;
        this.audit = audit;
        this.template = template;
        this.tx = new TransactionTemplate(tm);
        this.newTx = new TransactionTemplate(tm);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a discovery added. */
    public record Discovery(long runId, int proposed, int historyPoints) {
    }

    static int rank(String tier) {
        if (tier == null) {
            return 0;
        }
        return switch (tier) {
            case "INNOVATIVE", "TECH_INNOVATIVE" -> 1;
            case "SRDI" -> 2;
            case "LITTLE_GIANT" -> 3;
            default -> 0;
        };
    }

    /**
     * Proposes for the pool of a rung every firm of the run that passes it without holding its title,
     * or fails it by at most {@code srdi.cultivation.near-miss-gates} gates, with the reason; adds a
     * gap-history point to every open entry. Entries already there (or dismissed) are not proposed again.
     */
    public Discovery discover(long runId, LocalDate gradedOn) {
        int max = props.nearMissGates();
        record Rec(String code, String eligible, String next, Integer gaps, String failing) {
        }
        List<Rec> recs = new ArrayList<>();
        template.query("select g.credit_code, g.eligible_tier, g.next_tier, g.next_gap_count, g.failing from grade_record g "
                + "where g.run_id = ?", (RowCallbackHandler) rs -> {
                    int gaps = rs.getInt(4);
                    recs.add(new Rec(rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : gaps,
                            rs.getString(5)));
                }, runId);
        Map<String, String> held = new HashMap<>();
        template.query("select credit_code, tier from enterprise_title where status = 'ACTIVE' and recognised_on <= ? "
                + "and (expires_on is null or expires_on >= ?)", (RowCallbackHandler) rs -> held.merge(rs.getString(1),
                "|" + rs.getString(2) + "|", String::concat), date(gradedOn), date(gradedOn));
        Map<String, long[]> existing = new HashMap<>();
        Map<String, String> statusOf = new HashMap<>();
        template.query("select id, credit_code, tier, status from cult_pool_entry", (RowCallbackHandler) rs -> {
            existing.put(rs.getString(2) + "|" + rs.getString(3), new long[] {rs.getLong(1)});
            statusOf.put(rs.getString(2) + "|" + rs.getString(3), rs.getString(4));
        });
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        Timestamp now = ts(now());
        for (Rec r : recs) {
            String heldTiers = held.getOrDefault(r.code(), "");
            // passes a rung whose title it lacks
            if (rank(r.eligible()) > 0 && !heldTiers.contains("|" + r.eligible() + "|")) {
                String key = r.code() + "|" + r.eligible();
                if (!existing.containsKey(key)) {
                    Tier t = Tier.valueOf(r.eligible());
                    inserts.add(new Object[] {r.code(), r.eligible(), PoolEntry.PROPOSED, "DISCOVERY",
                            "符合" + t.zh() + "条件，尚未认定 / meets the " + t.en() + " criteria without the title", 0, runId, now,
                            now});
                    existing.put(key, null);
                }
            }
            // near miss of the next rung
            if (r.next() != null && RUNGS.contains(r.next()) && r.gaps() != null && r.gaps() > 0 && r.gaps() <= max) {
                String key = r.code() + "|" + r.next();
                if (!existing.containsKey(key)) {
                    Tier t = Tier.valueOf(r.next());
                    String failing = failingOf(r.failing(), r.next());
                    inserts.add(new Object[] {r.code(), r.next(), PoolEntry.PROPOSED, "DISCOVERY",
                            "距" + t.zh() + "差 " + r.gaps() + " 项：" + failing + " / " + r.gaps() + " gate(s) short of "
                                    + t.en() + ": " + failing, r.gaps(), runId, now, now});
                    existing.put(key, null);
                }
            }
        }
        return newTx.execute(s -> {
            if (!inserts.isEmpty()) {
                template.batchUpdate("insert into cult_pool_entry (credit_code, tier, status, source, reason, gap_count, run_id, "
                        + "proposed_at, updated_at) values (?,?,?,?,?,?,?,?,?)", inserts);
            }
            // gap history of every open entry
            Map<String, Long> ids = new HashMap<>();
            template.query("select id, credit_code, tier from cult_pool_entry where status <> 'DISMISSED'",
                    (RowCallbackHandler) rs -> ids.put(rs.getString(2) + "|" + rs.getString(3), rs.getLong(1)));
            for (Rec r : recs) {
                for (String rung : RUNGS) {
                    Long id = ids.get(r.code() + "|" + rung);
                    if (id == null) {
                        continue;
                    }
                    if (rank(rung) <= rank(r.eligible()) && (rung.equals(r.eligible()) || rank(rung) < rank(r.eligible()))) {
                        history.add(new Object[] {id, runId, date(gradedOn), 0, null});
                    } else if (rung.equals(r.next()) && r.gaps() != null) {
                        history.add(new Object[] {id, runId, date(gradedOn), r.gaps(), failingOf(r.failing(), rung)});
                    }
                }
            }
            template.update("delete from cult_pool_gap where run_id = ?", runId);
            if (!history.isEmpty()) {
                template.batchUpdate("insert into cult_pool_gap (entry_id, run_id, graded_on, gap_count, failing) values (?,?,?,?,?)",
                        history);
            }
            audit.recordAs("system", "POOL_DISCOVERY", "grade_run", String.valueOf(runId), null,
                    Map.of("proposed", inserts.size(), "history_points", history.size(), "near_miss_gates", max));
            return new Discovery(runId, inserts.size(), history.size());
        });
    }

    /** The gate ids of a tier in the {@code TIER:ID;…} failing list. */
    static String failingOf(String failing, String tier) {
        if (failing == null || failing.isBlank()) {
            return "";
        }
        List<String> ids = new ArrayList<>();
        for (String f : failing.split(";")) {
            int c = f.indexOf(':');
            if (c > 0 && f.substring(0, c).equals(tier)) {
                ids.add(f.substring(c + 1));
            } else if (c < 0) {
                ids.add(f);
            }
        }
        String s = String.join(",", ids);
        return s.length() > 1500 ? s.substring(0, 1500) : s;
    }

    public List<PoolEntry> list(Scope scope, String tier, String status) {
        CurrentUser.require(scope.canReadCandidates() || scope.role() == Role.ENTERPRISE, "cultivation pool");
        return store.pool(scope, tier, status, null, 2000);
    }

    public PoolEntry require(Scope scope, long id) {
        CurrentUser.require(scope.canReadCandidates() || scope.role() == Role.ENTERPRISE, "cultivation pool");
        return store.poolEntry(scope, id).orElseThrow(() -> BilingualException.notFound("未找到培育库条目 #" + id,
                "no pool entry #" + id));
    }

    public List<CultivationStore.Gap> gaps(Scope scope, long id) {
        return store.gaps(require(scope, id).id());
    }

    public List<CultivationStore.PlanAction> actions(Scope scope, long id) {
        return store.actions(require(scope, id).id());
    }

    /** An official accepts a proposed or requested entry into the pool, or dismisses it. */
    public PoolEntry decide(Scope scope, long id, boolean accept, String note) {
        CultivationService.requireOfficial(scope, "cultivation pool");
        PoolEntry e = require(scope, id);
        if (!PoolEntry.PROPOSED.equals(e.status()) && !PoolEntry.REQUESTED.equals(e.status())) {
            throw new BilingualException(HttpStatus.CONFLICT, "培育库条目 #" + id + " 状态为 " + e.status() + "，已决定",
                    "pool entry #" + id + " is " + e.status() + ": already decided");
        }
        if (!accept && (note == null || note.isBlank())) {
            throw BilingualException.badRequest("不纳入须说明理由", "a dismissal needs a reason");
        }
        String to = accept ? PoolEntry.ACTIVE : PoolEntry.DISMISSED;
        return tx.execute(s -> {
            if (store.update("update cult_pool_entry set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
                    + "owner = coalesce(owner, ?), updated_at = ? where id = ? and status = ?", to, scope.username(), ts(now()),
                    note, accept ? scope.username() : null, ts(now()), id, e.status()) != 1) {
                throw new BilingualException(HttpStatus.CONFLICT, "培育库条目 #" + id + " 已被他人更改", "pool entry #" + id
                        + " was changed meanwhile");
            }
            audit.recordAs(scope.username(), accept ? "POOL_ACCEPT" : "POOL_DISMISS", "cult_pool_entry", String.valueOf(id),
                    Map.of("status", e.status()), Map.of("status", to, "note", note == null ? "" : note));
            return require(scope, id);
        });
    }

    /** A firm asks to join the pool of a rung. */
    public PoolEntry request(Scope scope, String tier, String reason) {
        CurrentUser.require(scope.role() == Role.ENTERPRISE && scope.creditCode() != null, "pool requests");
        if (!RUNGS.contains(tier)) {
            throw BilingualException.badRequest("层级无效：" + tier, "invalid tier: " + tier);
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (why == null || why.length() > 1000) {
            throw BilingualException.badRequest("申请理由必填（最长 1000 字）", "a reason is required (at most 1000 characters)");
        }
        String code = scope.creditCode();
        if (!store.pool(Scope.system(), tier, null, code, 1).isEmpty()) {
            throw new BilingualException(HttpStatus.CONFLICT, "本企业已在该层级培育库中（或已被提名）", "this firm is already in (or proposed for) this pool");
        }
        return tx.execute(s -> {
            long id = store.insert("insert into cult_pool_entry (credit_code, tier, status, source, reason, proposed_at, updated_at) "
                    + "values (?,?,?,?,?,?,?)", code, tier, PoolEntry.REQUESTED, "FIRM", why, ts(now()), ts(now()));
            audit.recordAs(scope.username(), "POOL_REQUEST", "cult_pool_entry", String.valueOf(id), null,
                    Map.of("firm", code, "tier", tier, "reason", why));
            return require(scope, id);
        });
    }

    /** An official updates the cultivation plan of a pool member (owner, goals, notes). */
    public PoolEntry updatePlan(Scope scope, long id, String owner, String goals, String notes) {
        CultivationService.requireOfficial(scope, "cultivation plans");
        PoolEntry e = require(scope, id);
        if (!PoolEntry.ACTIVE.equals(e.status())) {
            throw new BilingualException(HttpStatus.CONFLICT, "只有在库企业有培育计划", "only pool members have a cultivation plan");
        }
        if (owner != null && !owner.isBlank() && store.jdbc().sql("select count(*) from app_user where username = ? and role in "
                + "('OFFICIAL', 'ADMIN', 'PARK_OPERATOR')").param(owner.trim()).query(Integer.class).single() == 0) {
            throw BilingualException.badRequest("负责人须为主管部门或园区用户：" + owner, "the owner must be an official or park user: " + owner);
        }
        return tx.execute(s -> {
            store.update("update cult_pool_entry set owner = ?, goals = ?, notes = ?, updated_at = ? where id = ?",
                    owner == null || owner.isBlank() ? null : owner.trim(), trim(goals, 2000), trim(notes, 4000), ts(now()), id);
            audit.recordAs(scope.username(), "POOL_PLAN", "cult_pool_entry", String.valueOf(id),
                    Map.of("owner", String.valueOf(e.owner()), "goals", String.valueOf(e.goals()), "notes", String.valueOf(e.notes())),
                    Map.of("owner", String.valueOf(owner), "goals", String.valueOf(goals), "notes", String.valueOf(notes)));
            return require(scope, id);
        });
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw BilingualException.badRequest("文本超过 " + max + " 字", "text longer than " + max + " characters");
        }
        return s.trim();
    }

    /** Adds a dated action to a pool member's plan. */
    public CultivationStore.PlanAction addAction(Scope scope, long id, LocalDate due, String description) {
        CultivationService.requireOfficial(scope, "cultivation plans");
        PoolEntry e = require(scope, id);
        if (!PoolEntry.ACTIVE.equals(e.status())) {
            throw new BilingualException(HttpStatus.CONFLICT, "只有在库企业有培育计划", "only pool members have a cultivation plan");
        }
        if (due == null) {
            throw BilingualException.badRequest("行动日期必填", "the action's date is required");
        }
        String d = trim(description, 1000);
        if (d == null) {
            throw BilingualException.badRequest("行动内容必填", "the action's description is required");
        }
        return tx.execute(s -> {
            long aid = store.insert("insert into cult_plan_action (entry_id, due_on, description, created_by, created_at) "
                    + "values (?,?,?,?,?)", id, date(due), d, scope.username(), ts(now()));
            audit.recordAs(scope.username(), "POOL_ACTION", "cult_pool_entry", String.valueOf(id), null,
                    Map.of("action", aid, "due", due.toString(), "description", d));
            return store.actions(id).stream().filter(a -> a.id() == aid).findFirst().orElseThrow();
        });
    }

    /** Marks a plan action done. */
    public void completeAction(Scope scope, long id, long actionId, LocalDate doneOn) {
        CultivationService.requireOfficial(scope, "cultivation plans");
        require(scope, id);
        tx.executeWithoutResult(s -> {
            if (store.update("update cult_plan_action set done_on = ? where id = ? and entry_id = ? and done_on is null",
                    date(doneOn), actionId, id) != 1) {
                throw new BilingualException(HttpStatus.CONFLICT, "行动 #" + actionId + " 不存在或已完成",
                        "action #" + actionId + " does not exist or is already done");
            }
            audit.recordAs(scope.username(), "POOL_ACTION_DONE", "cult_pool_entry", String.valueOf(id), null,
                    Map.of("action", actionId, "done_on", doneOn.toString()));
        });
    }
}
