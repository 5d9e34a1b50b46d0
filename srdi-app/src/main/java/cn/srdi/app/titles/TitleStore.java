package cn.srdi.app.titles;

import cn.srdi.app.identity.Scope;
import cn.srdi.engine.model.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of title management; every read of firm data takes a {@link Scope} and filters in SQL. */
@Repository
class TitleStore {

    /** The state of a title: its record, else derived from the registry status. */
    static final String STATE = "coalesce(c.state, case t.status when 'ACTIVE' then 'IN_FORCE' "
            + "when 'EXPIRED' then 'LAPSED' else 'REVOKED' end)";

    static final String SELECT = "select t.id, t.credit_code, e.name, e.park_id, t.tier, t.recognised_on, t.expires_on, "
            + STATE + " as st, c.reason, c.review_run_id, c.review_status, c.review_rules, c.review_graded_on, c.decision, "
            + "c.updated_at, c.updated_by, "
            + "(select count(*) from title_update_flag f where f.credit_code = t.credit_code and f.cleared_at is null) as flags "
            + "from enterprise_title t join enterprise e on e.credit_code = t.credit_code "
            + "left join title_case c on c.title_id = t.id";

    /** Lists of the officials' pages. */
    enum View { REVIEW, EXPIRING, FLAGGED, UNDER_REVIEW, REVOKED, LAPSED, HELD, ALL }

    private final JdbcClient jdbc;

    TitleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static TitleView map(ResultSet rs) throws SQLException {
        long run = rs.getLong(10);
        Long runId = rs.wasNull() ? null : run;
        Date graded = rs.getDate(13);
        Timestamp upd = rs.getTimestamp(15);
        return new TitleView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Tier.valueOf(rs.getString(5)),
                rs.getDate(6).toLocalDate(), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                TitleState.valueOf(rs.getString(8)), rs.getString(9), runId, rs.getString(11), rs.getString(12),
                graded == null ? null : graded.toLocalDate(), rs.getString(14),
                upd == null ? null : upd.toLocalDateTime(), rs.getString(16), rs.getLong(17) > 0);
    }

    /** One title if the scope may read its firm. */
    Optional<TitleView> find(Scope scope, long id) {
        List<Object> args = new ArrayList<>(scope.firmFilterArgs());
        args.add(id);
        return jdbc.sql(SELECT + " where " + scope.firmFilter("e") + " and t.id = ?").params(args)
                .query((rs, n) -> map(rs)).optional();
    }

    /** The titles of one firm (any state), newest first. */
    List<TitleView> ofFirm(Scope scope, String code) {
        List<Object> args = new ArrayList<>(scope.firmFilterArgs());
        args.add(code);
        return jdbc.sql(SELECT + " where " + scope.firmFilter("e") + " and t.credit_code = ? order by t.recognised_on desc, t.id")
                .params(args).query((rs, n) -> map(rs)).list();
    }

    /** A list view, scoped, ordered by expiry. */
    List<TitleView> list(Scope scope, View view, LocalDate today, int windowDays, int limit) {
        List<Object> args = new ArrayList<>(scope.firmFilterArgs());
        String where = switch (view) {
            case REVIEW -> {
                args.add(Date.valueOf(today.plusDays(windowDays)));
                yield STATE + " in ('IN_FORCE', 'FLAGGED', 'UNDER_REVIEW', 'REVIEW_FAILED') and t.expires_on <= ?";
            }
            case EXPIRING -> {
                args.add(Date.valueOf(today));
                args.add(Date.valueOf(today.plusDays(90)));
                yield STATE + " in ('IN_FORCE', 'FLAGGED', 'UNDER_REVIEW', 'REVIEW_FAILED') and t.expires_on between ? and ?";
            }
            case FLAGGED -> STATE + " = 'FLAGGED'";
            case UNDER_REVIEW -> STATE + " = 'UNDER_REVIEW'";
            case REVOKED -> STATE + " = 'REVOKED'";
            case LAPSED -> STATE + " = 'LAPSED'";
            case HELD -> STATE + " in ('IN_FORCE', 'FLAGGED', 'UNDER_REVIEW', 'REVIEW_FAILED')";
            case ALL -> "1 = 1";
        };
        String order = view == View.REVOKED || view == View.LAPSED ? " order by c.updated_at desc, t.expires_on desc, t.id"
                : " order by t.expires_on, t.id";
        return jdbc.sql(SELECT + " where " + scope.firmFilter("e") + " and " + where + order + " fetch first "
                        + Math.max(1, Math.min(limit, 2000)) + " rows only")
                .params(args).query((rs, n) -> map(rs)).list();
    }

    /** The stored state row, if any: state only. */
    Optional<TitleState> storedState(long id) {
        return jdbc.sql("select state from title_case where title_id = ?").param(id).query(String.class).optional()
                .map(TitleState::valueOf);
    }

    /** Writes the new state: updates only when the row still has {@code from} (optimistic), or inserts the first row. */
    boolean writeState(long id, String code, TitleState from, boolean hadRow, TitleState to, String actor, String reason,
                       LocalDateTime now) {
        if (hadRow) {
            return jdbc.sql("update title_case set state = ?, updated_at = ?, updated_by = ?, reason = ? "
                            + "where title_id = ? and state = ?")
                    .params(to.name(), Timestamp.valueOf(now), actor, reason, id, from.name()).update() == 1;
        }
        return jdbc.sql("insert into title_case (title_id, credit_code, state, updated_at, updated_by, reason) values (?, ?, ?, ?, ?, ?)")
                .params(id, code, to.name(), Timestamp.valueOf(now), actor, reason).update() == 1;
    }

    void recordReviewGrade(long id, long runId, String status, String rules, LocalDate on) {
        jdbc.sql("update title_case set review_run_id = ?, review_status = ?, review_rules = ?, review_graded_on = ?, "
                        + "decision = null, decided_at = null, decided_by = null where title_id = ?")
                .params(runId, status, rules, Date.valueOf(on), id).update();
    }

    void clearReview(long id) {
        jdbc.sql("update title_case set review_run_id = null, review_status = null, review_rules = null, "
                + "review_graded_on = null where title_id = ?").param(id).update();
    }

    void recordDecision(long id, String decision, String actor, LocalDateTime now) {
        jdbc.sql("update title_case set decision = ?, decided_at = ?, decided_by = ? where title_id = ?")
                .params(decision, Timestamp.valueOf(now), actor, id).update();
    }

    // ------------------------------------------------------------------ flags

    /** Firms (with their held titles recognised by the deadline) that have no indicators of the fiscal year. */
    List<String> firmsMissingUpdate(UpdateDeadline d) {
        return jdbc.sql("select distinct t.credit_code from enterprise_title t left join title_case c on c.title_id = t.id "
                        + "where " + STATE + " in ('IN_FORCE', 'FLAGGED', 'UNDER_REVIEW', 'REVIEW_FAILED') "
                        + "and t.recognised_on <= ? and t.expires_on >= ? "
                        + "and not exists (select 1 from indicator_year y where y.credit_code = t.credit_code and y.fiscal_year = ?) "
                        + "order by t.credit_code")
                .params(Date.valueOf(d.deadline()), Date.valueOf(d.deadline()), d.fiscalYear())
                .query(String.class).list();
    }

    boolean hasFlag(String code, int year) {
        return jdbc.sql("select count(*) from title_update_flag where credit_code = ? and update_year = ?")
                .params(code, year).query(Long.class).single() > 0;
    }

    void insertFlag(String code, UpdateDeadline d, LocalDateTime now) {
        jdbc.sql("insert into title_update_flag (credit_code, update_year, deadline, fiscal_year, rule_set, flagged_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(code, d.year(), Date.valueOf(d.deadline()), d.fiscalYear(), d.ruleSet(), Timestamp.valueOf(now))
                .update();
    }

    int clearFlags(String code, String actor, String reason, LocalDateTime now) {
        return jdbc.sql("update title_update_flag set cleared_at = ?, cleared_by = ?, clear_reason = ? "
                        + "where credit_code = ? and cleared_at is null")
                .params(Timestamp.valueOf(now), actor, reason, code).update();
    }

    /** Flags of a firm: year, deadline, fiscal year, rule set, flagged at, cleared at. */
    List<Object[]> flags(String code) {
        return jdbc.sql("select update_year, deadline, fiscal_year, rule_set, flagged_at, cleared_at, cleared_by, clear_reason "
                        + "from title_update_flag where credit_code = ? order by update_year desc")
                .param(code)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toLocalDateTime(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toLocalDateTime(), rs.getString(7),
                        rs.getString(8)})
                .list();
    }

    boolean hasIndicators(String code, int fiscalYear) {
        return jdbc.sql("select count(*) from indicator_year where credit_code = ? and fiscal_year = ?")
                .params(code, fiscalYear).query(Long.class).single() > 0;
    }

    /** Firms holding a title (held states) with no indicators of the fiscal year yet. */
    List<String> holdersWithout(int fiscalYear) {
        return jdbc.sql("select distinct t.credit_code from enterprise_title t left join title_case c on c.title_id = t.id "
                        + "where " + STATE + " in ('IN_FORCE', 'FLAGGED', 'UNDER_REVIEW', 'REVIEW_FAILED') "
                        + "and not exists (select 1 from indicator_year y where y.credit_code = t.credit_code and y.fiscal_year = ?) "
                        + "order by t.credit_code")
                .param(fiscalYear).query(String.class).list();
    }

    /** Ids of titles in the given states, optionally of one firm, optionally expiring before/at a date. */
    List<Long> titlesIn(List<TitleState> states, String code, LocalDate expiresBefore, LocalDate expiresUntil) {
        StringBuilder sql = new StringBuilder("select t.id from enterprise_title t left join title_case c on c.title_id = t.id where "
                + STATE + " in (");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            args.add(states.get(i).name());
        }
        sql.append(')');
        if (code != null) {
            sql.append(" and t.credit_code = ?");
            args.add(code);
        }
        if (expiresBefore != null) {
            sql.append(" and t.expires_on < ?");
            args.add(Date.valueOf(expiresBefore));
        }
        if (expiresUntil != null) {
            sql.append(" and t.expires_on <= ?");
            args.add(Date.valueOf(expiresUntil));
        }
        sql.append(" order by t.id");
        return jdbc.sql(sql.toString()).params(args).query(Long.class).list();
    }

    // ------------------------------------------------------------------ bans

    long insertBan(String code, Tier tier, RevocationGround ground, String reason, LocalDate from, LocalDate to, long titleId,
                   String actor, LocalDateTime now) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into title_ban (credit_code, tier, ground, reason, starts_on, ends_on, title_id, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, tier == null ? null : tier.name(), ground.name(), reason, Date.valueOf(from), Date.valueOf(to),
                        titleId, actor, Timestamp.valueOf(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Bans visible to the scope, newest first. */
    List<Ban> bans(Scope scope, int limit) {
        return jdbc.sql("select b.id, b.credit_code, b.tier, b.ground, b.reason, b.starts_on, b.ends_on, b.title_id "
                        + "from title_ban b join enterprise e on e.credit_code = b.credit_code where " + scope.firmFilter("e")
                        + " order by b.starts_on desc, b.id desc fetch first " + Math.max(1, Math.min(limit, 2000)) + " rows only")
                .params(scope.firmFilterArgs()).query((rs, n) -> Bans.map(rs)).list();
    }

    // ------------------------------------------------------------------ change reports

    static final String REPORT = "select r.id, r.credit_code, e.name, r.change_type, r.changed_on, r.details, r.filed_by, "
            + "r.filed_at, r.filed_on, r.late, r.status, r.ack_by, r.ack_at, r.ack_note from change_report r "
            + "join enterprise e on e.credit_code = r.credit_code";

    static ChangeReport mapReport(ResultSet rs) throws SQLException {
        return new ChangeReport(rs.getLong(1), rs.getString(2), rs.getString(3), ChangeType.valueOf(rs.getString(4)),
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime(),
                rs.getDate(9).toLocalDate(), rs.getBoolean(10), rs.getString(11), rs.getString(12),
                rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toLocalDateTime(), rs.getString(14));
    }

    long insertReport(String code, ChangeType type, LocalDate changedOn, String details, String actor, LocalDateTime now,
                      boolean late) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into change_report (credit_code, change_type, changed_on, details, filed_by, filed_at, filed_on, late, status) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, 'FILED')")
                .params(code, type.name(), Date.valueOf(changedOn), details, actor, Timestamp.valueOf(now),
                        Date.valueOf(now.toLocalDate()), late)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<ChangeReport> report(Scope scope, long id) {
        List<Object> args = new ArrayList<>(scope.firmFilterArgs());
        args.add(id);
        return jdbc.sql(REPORT + " where " + scope.firmFilter("e") + " and r.id = ?").params(args)
                .query((rs, n) -> mapReport(rs)).optional();
    }

    List<ChangeReport> reports(Scope scope, String code, String status, Boolean late, int limit) {
        List<Object> args = new ArrayList<>(scope.firmFilterArgs());
        StringBuilder where = new StringBuilder(" where ").append(scope.firmFilter("e"));
        if (code != null) {
            where.append(" and r.credit_code = ?");
            args.add(code);
        }
        if (status != null) {
            where.append(" and r.status = ?");
            args.add(status);
        }
        if (late != null) {
            where.append(" and r.late = ?");
            args.add(late);
        }
        return jdbc.sql(REPORT + where + " order by r.filed_at desc, r.id desc fetch first " + Math.max(1, Math.min(limit, 2000))
                        + " rows only")
                .params(args).query((rs, n) -> mapReport(rs)).list();
    }

    boolean acknowledge(long id, String actor, String note, LocalDateTime now) {
        return jdbc.sql("update change_report set status = 'ACKNOWLEDGED', ack_by = ?, ack_at = ?, ack_note = ? "
                        + "where id = ? and status = 'FILED'")
                .params(actor, Timestamp.valueOf(now), note, id).update() == 1;
    }
}
