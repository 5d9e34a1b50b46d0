package cn.srdi.app.cultivation;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.identity.UserAccounts;
import cn.srdi.app.web.BilingualException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expert register (专家库) for officials and administrators: the registered experts with their
 * name, organisation, park (same-park firms are never assigned to them), field, declared conflicts
 * and open reviews; add (a new expert account, or an existing user of role EXPERT), edit, declare
 * and withdraw conflicts, deactivate and reactivate (an inactive expert is never drawn; open reviews
 * stay). Every change is audited ({@code EXPERT_*} on {@code cult_expert}).
 */
@Service
public class ExpertRegister {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final CultivationStore store;
    private final CultivationService service;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ExpertRegister(CultivationStore store, CultivationService service, UserAccounts users, AuditTrail audit,
                   TransactionTemplate tx) {
        this.store = store;
        this.service = service;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }

    /** A declared conflict of an expert. */
    public record Conflict(String creditCode, String firmName, String reason, java.time.LocalDateTime declaredAt) {
    }

    /** A registered expert as the register shows it. */
    public record Entry(String username, String name, String organisation, String parkId, String field, boolean active,
                        boolean enabled, long openReviews, long doneReviews, List<Conflict> conflicts) {
    }

    private JdbcClient jdbc() {
        return store.jdbc();
    }

    /** Every registered expert (active first, then by username), with conflicts and review counts. */
    public List<Entry> list(Scope scope) {
        CultivationService.requireOfficial(scope, "experts");
        Map<String, List<Conflict>> conflicts = new HashMap<>();
        jdbc().sql("select k.username, k.credit_code, e.name, k.reason, k.declared_at from cult_conflict k "
                        + "left join enterprise e on e.credit_code = k.credit_code order by k.declared_at, k.credit_code")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    conflicts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Conflict(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toLocalDateTime()));
                });
        Map<String, long[]> reviews = new HashMap<>();
        jdbc().sql("select reviewer, sum(case when submitted_at is null then 1 else 0 end), "
                        + "sum(case when submitted_at is null then 0 else 1 end) from cult_review where stage = 'EXPERT' group by reviewer")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    reviews.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return jdbc().sql("select x.username, u.display_name, u.organisation, x.park_id, x.field, x.active, u.enabled "
                        + "from cult_expert x join app_user u on u.username = x.username order by x.active desc, x.username")
                .query((rs, n) -> {
                    String u = rs.getString(1);
                    long[] r = reviews.getOrDefault(u, new long[2]);
                    return new Entry(u, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                            rs.getBoolean(7), r[0], r[1], conflicts.getOrDefault(u, List.of()));
                }).list();
    }

    public Entry entry(Scope scope, String username) {
        return list(scope).stream().filter(e -> e.username().equals(username)).findFirst()
                .orElseThrow(() -> BilingualException.notFound("专家库中没有 " + username, "no expert " + username + " in the register"));
    }

    /** Users of role EXPERT not yet in the register (to add them). */
    public List<String[]> unregistered(Scope scope) {
        CultivationService.requireOfficial(scope, "experts");
        return jdbc().sql("select username, display_name from app_user where role = 'EXPERT' and username not in "
                + "(select username from cult_expert) order by username").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
    }

    /** What an official enters for an expert. */
    public record Input(String username, String name, String organisation, String parkId, String field, String password) {
    }

    /**
     * Adds an expert: an existing user of role EXPERT, or a new expert account (username, name and
     * an initial password of at least 8 characters, handed to the expert).
     */
    public Entry add(Scope scope, Input in) {
        CultivationService.requireOfficial(scope, "experts");
        String username = in.username() == null ? "" : in.username().trim().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw BilingualException.badRequest("专家用户名无效：" + in.username() + "（3–64 位小写字母、数字、.、_、-）",
                    "invalid expert username: " + in.username() + " (3–64 lower-case letters, digits, ., _, -)");
        }
        String park = park(in.parkId());
        String field = text(in.field(), 100, "专业领域", "the field");
        String organisation = text(in.organisation(), 100, "工作单位", "the organisation");
        boolean exists = users.exists(username);
        if (exists) {
            String role = jdbc().sql("select role from app_user where username = ?").param(username).query(String.class).single();
            if (!Role.EXPERT.name().equals(role)) {
                throw BilingualException.badRequest("用户 " + username + " 不是评审专家（角色 " + role + "），不能登记为专家",
                        "user " + username + " is not an expert (role " + role + ") and cannot be registered");
            }
            if (jdbc().sql("select count(*) from cult_expert where username = ?").param(username).query(Long.class).single() > 0) {
                throw new BilingualException(HttpStatus.CONFLICT, "专家 " + username + " 已在专家库中", "expert " + username
                        + " is already in the register");
            }
        } else {
            if (in.name() == null || in.name().isBlank()) {
                throw BilingualException.badRequest("新专家须填写姓名", "a new expert needs a name");
            }
            if (in.password() == null || in.password().length() < 8 || in.password().length() > 100) {
                throw BilingualException.badRequest("新专家账号须设初始密码（8–100 位）", "a new expert account needs an initial password (8–100 characters)");
            }
        }
        String name = in.name() == null || in.name().isBlank() ? null : text(in.name(), 100, "姓名", "the name");
        tx.executeWithoutResult(s -> {
            if (!exists) {
                users.create(new UserAccounts.NewUser(username, in.password(), name, Role.EXPERT, Set.of(), null, null, organisation));
            } else if (name != null) {
                users.rename(username, name, organisation);
            }
            store.update("insert into cult_expert (username, park_id, field, active) values (?,?,?,true)", username, park, field);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("name", name == null ? "" : name);
            after.put("park", park == null ? "" : park);
            after.put("field", field == null ? "" : field);
            after.put("account", exists ? "existing" : "created");
            audit.recordAs(scope.username(), "EXPERT_ADD", "cult_expert", username, null, after);
        });
        return entry(scope, username);
    }

    /** Edits an expert's name, organisation, park and field. */
    public Entry update(Scope scope, String username, Input in) {
        Entry before = entry(scope, username);
        String name = text(in.name(), 100, "姓名", "the name");
        if (name == null) {
            throw BilingualException.badRequest("姓名必填", "the name is required");
        }
        String organisation = text(in.organisation(), 100, "工作单位", "the organisation");
        String park = park(in.parkId());
        String field = text(in.field(), 100, "专业领域", "the field");
        tx.executeWithoutResult(s -> {
            users.rename(username, name, organisation);
            store.update("update cult_expert set park_id = ?, field = ? where username = ?", park, field, username);
            audit.recordAs(scope.username(), "EXPERT_UPDATE", "cult_expert", username, snapshot(before.name(), before.organisation(),
                    before.parkId(), before.field()), snapshot(name, organisation, park, field));
        });
        return entry(scope, username);
    }

    private static Map<String, Object> snapshot(String name, String organisation, String park, String field) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name == null ? "" : name);
        m.put("organisation", organisation == null ? "" : organisation);
        m.put("park", park == null ? "" : park);
        m.put("field", field == null ? "" : field);
        return m;
    }

    /** Deactivates (never drawn again; open reviews stay) or reactivates an expert, with a reason. */
    public Entry setActive(Scope scope, String username, boolean active, String reason) {
        Entry before = entry(scope, username);
        if (before.active() == active) {
            throw new BilingualException(HttpStatus.CONFLICT, "专家 " + username + (active ? " 已是在库状态" : " 已停用"),
                    "expert " + username + (active ? " is already active" : " is already inactive"));
        }
        String why = text(reason, 500, "理由", "the reason");
        if (!active && why == null) {
            throw BilingualException.badRequest("停用专家须填写理由", "a reason is required to deactivate an expert");
        }
        tx.executeWithoutResult(s -> {
            store.update("update cult_expert set active = ? where username = ? and active = ?", active, username, !active);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("active", active);
            after.put("reason", why == null ? "" : why);
            audit.recordAs(scope.username(), active ? "EXPERT_ACTIVATE" : "EXPERT_DEACTIVATE", "cult_expert", username,
                    Map.of("active", !active), after);
        });
        return entry(scope, username);
    }

    /** Declares a conflict of interest of an expert with a firm (officials, for the expert). */
    public Entry declareConflict(Scope scope, String username, String creditCode, String reason) {
        entry(scope, username);
        String code = creditCode == null ? "" : creditCode.trim().toUpperCase(java.util.Locale.ROOT);
        service.declareConflict(scope, username, code, reason);
        return entry(scope, username);
    }

    /** Withdraws a declared conflict. */
    public Entry removeConflict(Scope scope, String username, String creditCode) {
        entry(scope, username);
        tx.executeWithoutResult(s -> {
            if (store.update("delete from cult_conflict where username = ? and credit_code = ?", username, creditCode) != 1) {
                throw BilingualException.notFound("专家 " + username + " 未申报与 " + creditCode + " 的回避",
                        "expert " + username + " has no declared conflict with " + creditCode);
            }
            audit.recordAs(scope.username(), "EXPERT_CONFLICT_REMOVE", "cult_expert", username, Map.of("firm", creditCode), null);
        });
        return entry(scope, username);
    }

    private String park(String parkId) {
        if (parkId == null || parkId.isBlank()) {
            return null;
        }
        String p = parkId.trim();
        if (jdbc().sql("select count(*) from park where id = ?").param(p).query(Long.class).single() == 0) {
            throw BilingualException.badRequest("园区不存在：" + p, "no such park: " + p);
        }
        return p;
    }

    private static String text(String s, int max, String zh, String en) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.length() > max) {
            throw BilingualException.badRequest(zh + "最长 " + max + " 字", en + ": at most " + max + " characters");
        }
        return t;
    }
}
