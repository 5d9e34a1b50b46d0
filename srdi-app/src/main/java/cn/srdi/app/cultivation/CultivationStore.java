package cn.srdi.app.cultivation;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.engine.model.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the cultivation module. Every read of cases or pool entries takes a {@link Scope} and filters in SQL. */
@Repository
class CultivationStore {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    CultivationStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    static LocalDateTime now() {
        return LocalDateTime.now(AuditTrail.ZONE);
    }

    static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    long insert(String sql, Object... args) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(Arrays.asList(args)).update(keys, "id");
        return keys.getKey().longValue();
    }

    int update(String sql, Object... args) {
        return jdbc.sql(sql).params(Arrays.asList(args)).update();
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    // ---------------------------------------------------------------- scope

    /** A SQL predicate and its arguments. */
    record Where(String sql, List<Object> args) {
    }

    /**
     * Which cases (alias {@code c}, joined to {@code enterprise e}) a scope reads: the region for
     * officials, its parks for a park operator, its own for a firm, assigned ones for an expert,
     * cases on public notice for other roles.
     */
    static Where caseFilter(Scope scope) {
        return switch (scope.role()) {
            case ADMIN, OFFICIAL -> new Where("1 = 1", List.of());
            case PARK_OPERATOR, ENTERPRISE -> new Where(scope.firmFilter("e"), scope.firmFilterArgs());
            case EXPERT -> new Where("exists (select 1 from cult_review r where r.case_id = c.id and r.stage = 'EXPERT' "
                    + "and r.reviewer = ?)", List.of(scope.username()));
            case FINANCE, HANDLER -> new Where("c.state in ('NOTICE', 'OBJECTED')", List.of());
        };
    }

    /** Which pool entries (alias {@code p} joined to {@code enterprise e}) a scope reads. */
    static Where poolFilter(Scope scope) {
        if (scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL || scope.role() == Role.PARK_OPERATOR
                || scope.role() == Role.ENTERPRISE) {
            return new Where(scope.firmFilter("e"), scope.firmFilterArgs());
        }
        return new Where("1 = 0", List.of());
    }

    // ---------------------------------------------------------------- rounds

    private static final String ROUND_COLUMNS = "id, tier, name, opens_on, closes_on, rules, quota, stages, blind, "
            + "experts_per_case, notice_days, status, created_by, created_at";

    static Round mapRound(ResultSet rs) throws SQLException {
        int quota = rs.getInt(7);
        Integer q = rs.wasNull() ? null : quota;
        String stages = rs.getString(8);
        List<ReviewStage> flow = stages == null || stages.isBlank() ? List.of()
                : Arrays.stream(stages.split(",")).map(String::trim).map(ReviewStage::valueOf).toList();
        return new Round(rs.getLong(1), Tier.valueOf(rs.getString(2)), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getDate(5).toLocalDate(), rs.getString(6), q, flow, rs.getBoolean(9), rs.getInt(10), rs.getInt(11),
                rs.getString(12), rs.getString(13), rs.getTimestamp(14).toLocalDateTime());
    }

    Optional<Round> round(long id) {
        return jdbc.sql("select " + ROUND_COLUMNS + " from cult_round where id = ?").param(id).query((rs, n) -> mapRound(rs))
                .optional();
    }

    List<Round> rounds() {
        return jdbc.sql("select " + ROUND_COLUMNS + " from cult_round order by id desc").query((rs, n) -> mapRound(rs)).list();
    }

    // ---------------------------------------------------------------- cases

    static final String CASE_COLUMNS = "c.id, c.round_id, r.name, r.tier, c.credit_code, e.name, c.park_id, c.state, "
            + "c.grade_run_id, c.self_status, c.self_score, c.declaration_by, c.declaration_at, c.submitted_at, "
            + "c.returned_from, c.return_reason, c.return_deadline, c.notice_from, c.notice_until, c.decision_note, "
            + "c.recognised_on, c.updated_at";
    static final String CASE_FROM = " from cult_case c join cult_round r on r.id = c.round_id "
            + "join enterprise e on e.credit_code = c.credit_code";

    static CaseView mapCase(ResultSet rs) throws SQLException {
        long run = rs.getLong(9);
        Long runId = rs.wasNull() ? null : run;
        int score = rs.getInt(11);
        Integer s = rs.wasNull() ? null : score;
        String rf = rs.getString(15);
        return new CaseView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), CaseState.valueOf(rs.getString(8)), runId, rs.getString(10), s,
                rs.getString(12), time(rs, 13), time(rs, 14), rf == null ? null : ReviewStage.valueOf(rf),
                rs.getString(16), day(rs, 17), day(rs, 18), day(rs, 19), rs.getString(20), day(rs, 21), time(rs, 22));
    }

    static LocalDateTime time(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toLocalDateTime();
    }

    static LocalDate day(ResultSet rs, int i) throws SQLException {
        Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }

    /** A case if the scope reads it. */
    Optional<CaseView> caseOf(Scope scope, long id) {
        Where w = caseFilter(scope);
        List<Object> args = new ArrayList<>(w.args());
        args.add(id);
        return jdbc.sql("select " + CASE_COLUMNS + CASE_FROM + " where " + w.sql() + " and c.id = ?").params(args)
                .query((rs, n) -> mapCase(rs)).optional();
    }

    /** A case without scope (system work). */
    Optional<CaseView> caseOf(long id) {
        return caseOf(Scope.system(), id);
    }

    /** Cases the scope reads, optionally of a round and in given states, newest first. */
    List<CaseView> cases(Scope scope, Long roundId, List<CaseState> states, String creditCode, int limit) {
        Where w = caseFilter(scope);
        StringBuilder sql = new StringBuilder("select " + CASE_COLUMNS + CASE_FROM + " where " + w.sql());
        List<Object> args = new ArrayList<>(w.args());
        if (roundId != null) {
            sql.append(" and c.round_id = ?");
            args.add(roundId);
        }
        if (states != null && !states.isEmpty()) {
            sql.append(" and c.state in (").append(String.join(",", java.util.Collections.nCopies(states.size(), "?"))).append(")");
            states.forEach(s -> args.add(s.name()));
        }
        if (creditCode != null) {
            sql.append(" and c.credit_code = ?");
            args.add(creditCode);
        }
        sql.append(" order by c.id desc fetch first ").append(Math.max(1, Math.min(limit, 5000))).append(" rows only");
        return jdbc.sql(sql.toString()).params(args).query((rs, n) -> mapCase(rs)).list();
    }

    /** Moves a case from one state to another; false when the case was no longer in {@code from}. */
    boolean moveState(long id, CaseState from, CaseState to) {
        return update("update cult_case set state = ?, updated_at = ? where id = ? and state = ?", to.name(), ts(now()), id,
                from.name()) == 1;
    }

    String selfEval(long caseId) {
        return jdbc.sql("select self_eval from cult_case where id = ?").param(caseId).query(String.class).optional().orElse(null);
    }

    // ---------------------------------------------------------------- reviews

    /** A review of a case at a stage. */
    record Review(long id, long caseId, ReviewStage stage, String reviewer, LocalDateTime assignedAt, Integer score,
                  String opinion, String comment, LocalDateTime submittedAt) {
    }

    static Review mapReview(ResultSet rs) throws SQLException {
        int s = rs.getInt(6);
        Integer score = rs.wasNull() ? null : s;
        return new Review(rs.getLong(1), rs.getLong(2), ReviewStage.valueOf(rs.getString(3)), rs.getString(4),
                time(rs, 5), score, rs.getString(7), rs.getString(8), time(rs, 9));
    }

    static final String REVIEW_COLUMNS = "v.id, v.case_id, v.stage, v.reviewer, v.assigned_at, v.score, v.opinion, v.comment, "
            + "v.submitted_at";

    List<Review> reviews(long caseId) {
        return jdbc.sql("select " + REVIEW_COLUMNS + " from cult_review v where v.case_id = ? order by v.id").param(caseId)
                .query((rs, n) -> mapReview(rs)).list();
    }

    /** The expert-stage reviews of every case of a round, by case. */
    java.util.Map<Long, List<Review>> expertReviewsOfRound(long roundId) {
        java.util.Map<Long, List<Review>> out = new java.util.HashMap<>();
        jdbc.sql("select " + REVIEW_COLUMNS + " from cult_review v join cult_case c on c.id = v.case_id where c.round_id = ? "
                        + "and v.stage = 'EXPERT' order by v.id").param(roundId)
                .query((rs, n) -> mapReview(rs)).list()
                .forEach(v -> out.computeIfAbsent(v.caseId(), k -> new ArrayList<>()).add(v));
        return out;
    }

    /** Inserts expert-stage reviews (case id, reviewer) assigned at {@code at} in one JDBC batch; their ids in order. */
    List<Long> insertExpertReviews(List<java.util.Map.Entry<Long, String>> rows, LocalDateTime at) {
        if (rows.isEmpty()) {
            return List.of();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        Timestamp t = ts(at);
        batch.batchUpdate(con -> con.prepareStatement("insert into cult_review (case_id, stage, reviewer, assigned_at) "
                        + "values (?, 'EXPERT', ?, ?)", new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, rows.get(i).getKey());
                        ps.setString(2, rows.get(i).getValue());
                        ps.setTimestamp(3, t);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Long> ids = new ArrayList<>(rows.size());
        for (var k : keys.getKeyList()) {
            ids.add(((Number) k.get(k.containsKey("id") ? "id" : k.keySet().iterator().next())).longValue());
        }
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("review batch: " + rows.size() + " rows, " + ids.size() + " keys");
        }
        return ids;
    }

    Optional<Review> review(long id) {
        return jdbc.sql("select " + REVIEW_COLUMNS + " from cult_review v where v.id = ?").param(id)
                .query((rs, n) -> mapReview(rs)).optional();
    }

    // ---------------------------------------------------------------- pool

    static final String POOL_COLUMNS = "p.id, p.credit_code, e.name, e.park_id, p.tier, p.status, p.source, p.reason, "
            + "p.gap_count, p.run_id, p.proposed_at, p.decided_by, p.decided_at, p.decision_note, p.owner, p.goals, p.notes";

    static PoolEntry mapPool(ResultSet rs) throws SQLException {
        int g = rs.getInt(9);
        Integer gap = rs.wasNull() ? null : g;
        long r = rs.getLong(10);
        Long run = rs.wasNull() ? null : r;
        return new PoolEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), gap, run, time(rs, 11), rs.getString(12), time(rs, 13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17));
    }

    List<PoolEntry> pool(Scope scope, String tier, String status, String creditCode, int limit) {
        Where w = poolFilter(scope);
        StringBuilder sql = new StringBuilder("select " + POOL_COLUMNS
                + " from cult_pool_entry p join enterprise e on e.credit_code = p.credit_code where " + w.sql());
        List<Object> args = new ArrayList<>(w.args());
        if (tier != null && !tier.isBlank()) {
            sql.append(" and p.tier = ?");
            args.add(tier);
        }
        if (status != null && !status.isBlank()) {
            sql.append(" and p.status = ?");
            args.add(status);
        }
        if (creditCode != null) {
            sql.append(" and p.credit_code = ?");
            args.add(creditCode);
        }
        sql.append(" order by p.gap_count nulls first, p.id fetch first ").append(Math.max(1, Math.min(limit, 5000)))
                .append(" rows only");
        return jdbc.sql(sql.toString()).params(args).query((rs, n) -> mapPool(rs)).list();
    }

    Optional<PoolEntry> poolEntry(Scope scope, long id) {
        Where w = poolFilter(scope);
        List<Object> args = new ArrayList<>(w.args());
        args.add(id);
        return jdbc.sql("select " + POOL_COLUMNS + " from cult_pool_entry p join enterprise e on e.credit_code = p.credit_code "
                + "where " + w.sql() + " and p.id = ?").params(args).query((rs, n) -> mapPool(rs)).optional();
    }

    /** One point of a pool entry's gap history. */
    record Gap(long runId, LocalDate gradedOn, int gapCount, String failing) {
    }

    List<Gap> gaps(long entryId) {
        return jdbc.sql("select run_id, graded_on, gap_count, failing from cult_pool_gap where entry_id = ? order by run_id")
                .param(entryId).query((rs, n) -> new Gap(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getInt(3),
                        rs.getString(4))).list();
    }

    /** A dated action of a cultivation plan. */
    record PlanAction(long id, long entryId, LocalDate dueOn, String description, LocalDate doneOn, String createdBy) {
    }

    List<PlanAction> actions(long entryId) {
        return jdbc.sql("select id, entry_id, due_on, description, done_on, created_by from cult_plan_action where entry_id = ? "
                        + "order by due_on, id")
                .param(entryId).query((rs, n) -> new PlanAction(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), day(rs, 5), rs.getString(6))).list();
    }

    // ---------------------------------------------------------------- objections and evidence

    /** An objection raised during the notice. */
    record Objection(long id, long caseId, String raisedBy, LocalDateTime raisedAt, String reason, String status,
                     String resolvedBy, LocalDateTime resolvedAt, String resolution) {
    }

    List<Objection> objections(long caseId) {
        return jdbc.sql("select id, case_id, raised_by, raised_at, reason, status, resolved_by, resolved_at, resolution "
                        + "from cult_objection where case_id = ? order by id")
                .param(caseId).query((rs, n) -> new Objection(rs.getLong(1), rs.getLong(2), rs.getString(3), time(rs, 4),
                        rs.getString(5), rs.getString(6), rs.getString(7), time(rs, 8), rs.getString(9))).list();
    }

    /** An evidence file's description (without its content). */
    record Evidence(long id, long caseId, String fileName, String contentType, long size, String sha256, String uploadedBy,
                    LocalDateTime uploadedAt) {
    }

    List<Evidence> evidence(long caseId) {
        return jdbc.sql("select id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at "
                        + "from cult_evidence where case_id = ? order by id")
                .param(caseId).query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), time(rs, 8))).list();
    }
}
