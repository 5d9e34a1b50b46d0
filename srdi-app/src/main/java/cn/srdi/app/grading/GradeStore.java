package cn.srdi.app.grading;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.Scope;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of grade runs and records. Firm reads take a {@link Scope} and filter in SQL. */
@Repository
class GradeStore {

    /** One record to write. */
    record Row(String creditCode, String parkId, String industryCode, GradeSummary s, String snapshot) {
    }

    /** The summary of one firm in a run, for comparisons. */
    record Brief(String creditCode, String name, String parkId, String industryCode, String eligibleTier,
                 String statusChampion) {
    }

    static final String RUN_COLUMNS = "r.id, r.kind, r.rules, r.settings, r.rules_digest, r.assessment_date, r.started_by, "
            + "r.started_at, r.finished_at, r.status, r.total, r.done, r.skipped, r.error, r.base_run_id";

    private static final String RECORD_COLUMNS = "g.run_id, r.kind, g.credit_code, g.park_id, g.industry_code, "
            + "r.assessment_date, r.started_at, r.rules, r.settings, r.rules_digest, g.rule_sets, g.eligible_tier, "
            + "g.next_tier, g.next_gap_count, g.status_innovative, g.score_innovative, g.status_tech, g.score_tech, "
            + "g.status_srdi, g.score_srdi, g.status_giant, g.score_giant, g.status_champion, g.failing, g.snapshot";

    /** Official grades: single grades, and region runs that finished. */
    private static final String OFFICIAL = "(r.kind = 'SINGLE' or (r.kind = 'REGION' and r.status = 'DONE'))";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    GradeStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    static GradeRun mapRun(ResultSet rs) throws SQLException {
        Timestamp fin = rs.getTimestamp(9);
        long baseId = rs.getLong(15);
        Long base = rs.wasNull() ? null : baseId;
        return new GradeRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getDate(6).toLocalDate(), rs.getString(7), rs.getTimestamp(8).toLocalDateTime(),
                fin == null ? null : fin.toLocalDateTime(), rs.getString(10), rs.getInt(11), rs.getInt(12),
                rs.getInt(13), rs.getString(14), base);
    }

    static StoredGrade mapRecord(ResultSet rs) throws SQLException {
        GradeSummary s = new GradeSummary(rs.getString(11), rs.getString(12), rs.getString(13), integer(rs, 14),
                rs.getString(15), integer(rs, 16), rs.getString(17), integer(rs, 18), rs.getString(19), integer(rs, 20),
                rs.getString(21), integer(rs, 22), rs.getString(23), rs.getString(24));
        return new StoredGrade(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getDate(6).toLocalDate(), rs.getTimestamp(7).toLocalDateTime(), rs.getString(8), rs.getString(9),
                rs.getString(10), s, rs.getString(25));
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    static LocalDateTime now() {
        return LocalDateTime.now(AuditTrail.ZONE);
    }

    long insertRun(String kind, RuleChoice choice, String digest, LocalDate date, String by, String status, int total,
                   Long baseRunId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into grade_run (kind, rules, settings, rules_digest, assessment_date, started_by, started_at, "
                        + "status, total, done, skipped, base_run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)")
                .params(kind, choice.rules(), choice.settingsText(), digest, Date.valueOf(date), by,
                        Timestamp.valueOf(now()), status, total, baseRunId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void progress(long runId, int total, int done, int skipped) {
        jdbc.sql("update grade_run set total = ?, done = ?, skipped = ? where id = ?").params(total, done, skipped, runId).update();
    }

    void finish(long runId, String status, String error) {
        jdbc.sql("update grade_run set status = ?, finished_at = ?, error = ? where id = ?")
                .params(status, Timestamp.valueOf(now()), error == null ? null : error.substring(0, Math.min(2000, error.length())),
                        runId)
                .update();
    }

    /** Runs left RUNNING by a stopped process can never finish: marks them failed. */
    int failInterrupted() {
        return jdbc.sql("update grade_run set status = 'FAILED', finished_at = ?, error = ? where status = 'RUNNING'")
                .params(Timestamp.valueOf(now()), "中断：应用在运行期间停止 / interrupted: the application stopped during the run")
                .update();
    }

    void insertRecords(long runId, List<Row> rows) {
        template.batchUpdate("insert into grade_record (run_id, credit_code, park_id, industry_code, rule_sets, eligible_tier, "
                + "next_tier, next_gap_count, status_innovative, score_innovative, status_tech, score_tech, status_srdi, "
                + "score_srdi, status_giant, score_giant, status_champion, failing, snapshot) "
                + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows, rows.size(), (ps, r) -> {
                    GradeSummary s = r.s();
                    ps.setLong(1, runId);
                    ps.setString(2, r.creditCode());
                    ps.setString(3, r.parkId());
                    ps.setString(4, r.industryCode());
                    ps.setString(5, s.ruleSets());
                    ps.setString(6, s.eligibleTier());
                    ps.setString(7, s.nextTier());
                    setInt(ps, 8, s.nextGapCount());
                    ps.setString(9, s.statusInnovative());
                    setInt(ps, 10, s.scoreInnovative());
                    ps.setString(11, s.statusTech());
                    setInt(ps, 12, s.scoreTech());
                    ps.setString(13, s.statusSrdi());
                    setInt(ps, 14, s.scoreSrdi());
                    ps.setString(15, s.statusGiant());
                    setInt(ps, 16, s.scoreGiant());
                    ps.setString(17, s.statusChampion());
                    ps.setString(18, s.failing());
                    ps.setString(19, r.snapshot());
                });
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    Optional<GradeRun> run(long id) {
        return jdbc.sql("select " + RUN_COLUMNS + " from grade_run r where r.id = ?").param(id)
                .query((rs, n) -> mapRun(rs)).optional();
    }

    List<GradeRun> runs(List<String> kinds, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + " from grade_run r where r.kind in ("
                        + String.join(",", java.util.Collections.nCopies(kinds.size(), "?")) + ") order by r.id desc fetch first "
                        + Math.max(1, Math.min(limit, 500)) + " rows only")
                .params(new ArrayList<Object>(kinds)).query((rs, n) -> mapRun(rs)).list();
    }

    Optional<GradeRun> running(String kind) {
        return jdbc.sql("select " + RUN_COLUMNS + " from grade_run r where r.kind = ? and r.status = 'RUNNING' "
                        + "order by r.id fetch first 1 rows only")
                .param(kind).query((rs, n) -> mapRun(rs)).optional();
    }

    /** When the registry last changed (firms or yearly indicators), or null when it is empty. */
    LocalDateTime registryChangedAt() {
        Timestamp a = jdbc.sql("select max(updated_at) from enterprise").query(Timestamp.class).optional().orElse(null);
        Timestamp b = jdbc.sql("select max(updated_at) from indicator_year").query(Timestamp.class).optional().orElse(null);
        Timestamp max = a == null ? b : b == null ? a : a.after(b) ? a : b;
        return max == null ? null : max.toLocalDateTime();
    }

    /** The latest finished region run (of official grades), optionally at a date. */
    Optional<GradeRun> latestRegion(LocalDate date) {
        return jdbc.sql("select " + RUN_COLUMNS + " from grade_run r where r.kind = 'REGION' and r.status = 'DONE'"
                        + (date == null ? "" : " and r.assessment_date = ?") + " order by r.id desc fetch first 1 rows only")
                .params(date == null ? List.of() : List.of(Date.valueOf(date))).query((rs, n) -> mapRun(rs)).optional();
    }

    private String firmJoin(Scope scope) {
        return " join grade_run r on r.id = g.run_id join enterprise e on e.credit_code = g.credit_code where "
                + scope.firmFilter("e");
    }

    /** Every official grade of a firm, newest first (empty when the scope may not read it). */
    List<StoredGrade> history(Scope scope, String code, int limit) {
        List<Object> args = new ArrayList<>(scope.firmFilterArgs());
        args.add(code);
        return jdbc.sql("select " + RECORD_COLUMNS + " from grade_record g" + firmJoin(scope) + " and g.credit_code = ? and "
                        + OFFICIAL + " order by r.id desc fetch first " + limit + " rows only")
                .params(args).query((rs, n) -> mapRecord(rs)).list();
    }

    /** The record of a firm in a run (any kind), if the scope may read the firm. */
    Optional<StoredGrade> record(Scope scope, long runId, String code) {
        List<Object> args = new ArrayList<>(scope.firmFilterArgs());
        args.add(code);
        args.add(runId);
        return jdbc.sql("select " + RECORD_COLUMNS + " from grade_record g" + firmJoin(scope)
                        + " and g.credit_code = ? and g.run_id = ?")
                .params(args).query((rs, n) -> mapRecord(rs)).optional();
    }

    /** Firms per eligible tier in a run, plus CHAMPION (status PASS). */
    Map<String, Long> pyramid(long runId) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : List.of("NONE", "INNOVATIVE", "TECH_INNOVATIVE", "SRDI", "LITTLE_GIANT", "CHAMPION")) {
            m.put(t, 0L);
        }
        template.query("select eligible_tier, count(*) from grade_record where run_id = ? group by eligible_tier",
                (RowCallbackHandler) rs -> m.put(rs.getString(1), rs.getLong(2)), runId);
        m.put("CHAMPION", jdbc.sql("select count(*) from grade_record where run_id = ? and status_champion = 'PASS'")
                .param(runId).query(Long.class).single());
        return m;
    }

    /** Every record of a run, briefly, with the firm's name, keyed by credit code. */
    Map<String, Brief> briefs(long runId) {
        Map<String, Brief> m = new LinkedHashMap<>();
        template.query("select g.credit_code, e.name, e.park_id, e.industry_code, g.eligible_tier, g.status_champion "
                        + "from grade_record g join enterprise e on e.credit_code = g.credit_code where g.run_id = ? "
                        + "order by g.credit_code",
                (RowCallbackHandler) rs -> m.put(rs.getString(1), new Brief(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))), runId);
        return m;
    }

    /** Park names (zh, en) by id. */
    Map<String, String[]> parks() {
        Map<String, String[]> m = new LinkedHashMap<>();
        template.query("select id, name_zh, name_en from park order by id",
                (RowCallbackHandler) rs -> m.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}));
        return m;
    }

    /** The firm's name (no scope: callers check the scope first). */
    String firmName(String code) {
        return jdbc.sql("select name from enterprise where credit_code = ?").param(code).query(String.class).optional().orElse(code);
    }
}
