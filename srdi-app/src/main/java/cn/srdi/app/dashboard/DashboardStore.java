package cn.srdi.app.dashboard;

import cn.srdi.app.identity.Scope;
import cn.srdi.engine.model.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The read model of the dashboards: aggregate SQL over the registry and the current region
 * grade, always filtered by the caller's {@link Scope} in SQL, never one query per firm.
 *
 * <p>Every aggregate is grouped by (park, focus industry, industry code) — a few hundred groups
 * however many firms — so totals, the by-park and by-industry views and the park/industry
 * filters are all rolled up in memory from one scan per table. The grade part is cached per
 * (run id, scope): a finished run never changes.
 */
@Repository
public class DashboardStore {

    /** One group of firms and its counts. */
    public record Cell(String park, String focus, String industryCode, Counts counts) {
    }

    /** A firm one or two conditions short of its next rung, with the failing gates of that rung. */
    public record Candidate(String creditCode, String name, String parkId, String industryCode, String focus,
                            String eligibleTier, String nextTier, int gapCount, List<Failing> failing, String ruleSets) {

        public List<String> failingIds() {
            return failing.stream().map(Failing::id).toList();
        }
    }

    /** A failing gate condition; {@code review} when it waits for a person (REVIEW) rather than fails. */
    public record Failing(String id, boolean review) {
    }

    /** An active title expiring within the window. */
    public record ExpiringTitle(long titleId, String creditCode, String name, String parkId, Tier tier,
                                LocalDate recognisedOn, LocalDate expiresOn, long daysLeft) {
    }

    /** A page of rows and the total number of rows. */
    public record Page<T>(List<T> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** A park (for filters and labels). */
    public record ParkName(String id, String nameZh, String nameEn, String focus) {
    }

    private static final int CACHE_ENTRIES = 256;
    /** Longest time a registry aggregate is reused even when the fingerprint is unchanged. */
    static final long REGISTRY_TTL_MS = 60_000;

    private record RegistrySnapshot(long at, Map<Key, Acc> cells) {
    }

    /** One reading of the registry's fingerprint and when it was taken. */
    private record Fingerprint(long at, String value) {
    }

    private final long fingerprintReuseMs;
    private volatile Fingerprint lastFingerprint;

    private final Map<String, RegistrySnapshot> registryCache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RegistrySnapshot> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });

    private final JdbcTemplate jdbc;
    private final Map<String, List<Cell>> gradeCache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Cell>> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });

    public DashboardStore(JdbcTemplate jdbc, DashboardProperties properties) {
        this.jdbc = jdbc;
        this.fingerprintReuseMs = properties.fingerprintReuse().toMillis();
    }

    // ---------------------------------------------------------------- runs and parks

    /** The current region grade: the latest grade_run with kind REGION and status DONE. */
    public Optional<RegionRun> currentRun() {
        return jdbc.query("select id, rules, assessment_date, finished_at, total from grade_run "
                + "where kind = 'REGION' and status = 'DONE' order by id desc fetch first 1 rows only",
                (rs, n) -> run(rs)).stream().findFirst();
    }

    /** A finished region run by id (null id: the current one). */
    public Optional<RegionRun> regionRun(Long id) {
        if (id == null) {
            return currentRun();
        }
        return jdbc.query("select id, rules, assessment_date, finished_at, total from grade_run "
                + "where id = ? and kind = 'REGION' and status = 'DONE'", (rs, n) -> run(rs), id).stream().findFirst();
    }

    private static RegionRun run(ResultSet rs) throws SQLException {
        Timestamp fin = rs.getTimestamp(4);
        return new RegionRun(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                fin == null ? null : fin.toLocalDateTime(), rs.getInt(5));
    }

    /** Parks the scope may see (all for region-wide scopes). */
    public List<ParkName> parks(Scope scope) {
        List<ParkName> all = jdbc.query("select id, name_zh, name_en, focus_industry from park order by id",
                (rs, n) -> new ParkName(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        if (scope.role() == cn.srdi.app.identity.Role.PARK_OPERATOR) {
            return all.stream().filter(p -> scope.parks().contains(p.id())).toList();
        }
        return all;
    }

    // ---------------------------------------------------------------- aggregates

    private record Key(String park, String focus, String code) {
    }

    private static final class Acc {
        long firms;
        long graded;
        long candidates;
        long expiring;
        final long[] held = new long[Counts.RUNGS];
        final long[] eligible = new long[Counts.RUNGS];
    }

    /** The registry's fingerprint, read again when the last reading is older than the reuse window. */
    private String fingerprint(long now) {
        Fingerprint last = lastFingerprint;
        if (last != null && now - last.at() < fingerprintReuseMs) {
            return last.value();
        }
        String value = jdbc.queryForObject("select count(*), max(updated_at) from enterprise",
                (rs, n) -> rs.getLong(1) + "/" + rs.getTimestamp(2)) + "/" + jdbc.queryForObject(
                "select count(*), max(id), sum(case when status = 'ACTIVE' then 1 else 0 end) from enterprise_title",
                (rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3));
        lastFingerprint = new Fingerprint(now, value);
        return value;
    }

    /**
     * The registry part of {@link #cells}: firms, titles in force and titles expiring, per group.
     * Three aggregate scans over the whole registry (about 0.35 s on PostgreSQL with 100,000
     * firms), so the result is kept while the registry's fingerprint (firm count and latest
     * update, title count, latest title id and active-title count; two counting scans, about
     * 80 ms on PostgreSQL with 200,000 firms, read at most once per
     * {@code srdi.dashboard.fingerprint-reuse}) is unchanged, and at most {@link #REGISTRY_TTL_MS}
     * in any case.
     */
    private Map<Key, Acc> registryCells(Scope scope, LocalDate today, int days) {
        long now = System.currentTimeMillis();
        String fingerprint = fingerprint(now);
        String key = scope.role() + "|" + String.join(",", scope.parks().stream().sorted().toList()) + "|"
                + scope.creditCode() + "|" + today + "|" + days + "|" + fingerprint;
        RegistrySnapshot cached = registryCache.get(key);
        if (cached != null && now - cached.at() < REGISTRY_TTL_MS) {
            return cached.cells();
        }
        Map<Key, Acc> acc = new HashMap<>();
        String filter = scope.firmFilter("e");
        Object[] sargs = scope.firmFilterArgs().toArray();
        jdbc.query("select e.park_id, e.focus_industry, e.industry_code, count(*) from enterprise e where " + filter
                + " group by e.park_id, e.focus_industry, e.industry_code",
                (RowCallbackHandler) rs -> at(acc, rs).firms += rs.getLong(4), sargs);
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(today), Date.valueOf(today)));
        args.addAll(scope.firmFilterArgs());
        jdbc.query("select e.park_id, e.focus_industry, e.industry_code, t.tier, count(distinct t.credit_code) "
                + "from enterprise_title t join enterprise e on e.credit_code = t.credit_code "
                + "where t.status = 'ACTIVE' and t.recognised_on <= ? and (t.expires_on is null or t.expires_on >= ?) and "
                + filter + " group by e.park_id, e.focus_industry, e.industry_code, t.tier",
                (RowCallbackHandler) rs -> {
                    Tier t = tier(rs.getString(4));
                    if (t != null) {
                        at(acc, rs).held[t.ordinal()] += rs.getLong(5);
                    }
                }, args.toArray());
        args = new ArrayList<>(List.of(Date.valueOf(today), Date.valueOf(today.plusDays(days))));
        args.addAll(scope.firmFilterArgs());
        jdbc.query("select e.park_id, e.focus_industry, e.industry_code, count(*) "
                + "from enterprise_title t join enterprise e on e.credit_code = t.credit_code "
                + "where t.status = 'ACTIVE' and t.expires_on >= ? and t.expires_on <= ? and " + filter
                + " group by e.park_id, e.focus_industry, e.industry_code",
                (RowCallbackHandler) rs -> at(acc, rs).expiring += rs.getLong(4), args.toArray());
        registryCache.put(key, new RegistrySnapshot(now, acc));
        return acc;
    }

    /**
     * The groups of firms in the scope with every count: firms (registry), titles in force on
     * {@code today}, titles expiring in {@code [today, today + days]}, and the grade of {@code run}
     * (none when null).
     */
    public List<Cell> cells(Scope scope, RegionRun run, LocalDate today, int days) {
        Map<Key, Acc> acc = new HashMap<>();
        for (Map.Entry<Key, Acc> e : registryCells(scope, today, days).entrySet()) {
            Acc a = new Acc();
            Acc c = e.getValue();
            a.firms = c.firms;
            a.expiring = c.expiring;
            System.arraycopy(c.held, 0, a.held, 0, a.held.length);
            acc.put(e.getKey(), a);
        }
        if (run != null) {
            for (Cell c : gradeCells(scope, run.id())) {
                Acc a = acc.computeIfAbsent(new Key(c.park(), c.focus(), c.industryCode()), k -> new Acc());
                Counts g = c.counts();
                a.graded += g.graded();
                a.candidates += g.candidates();
                for (int i = 0; i < Counts.RUNGS; i++) {
                    a.eligible[i] += g.eligible()[i];
                }
            }
        }
        List<Cell> out = new ArrayList<>(acc.size());
        acc.forEach((k, a) -> out.add(new Cell(k.park(), k.focus(), k.code(),
                new Counts(a.firms, a.graded, a.candidates, a.expiring, a.held, a.eligible))));
        return out;
    }

    private static Acc at(Map<Key, Acc> acc, ResultSet rs) throws SQLException {
        return acc.computeIfAbsent(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), k -> new Acc());
    }

    private static Tier tier(String s) {
        try {
            return s == null ? null : Tier.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The grade of one run grouped like the registry; park and industry code as graded (the
     * record's copy), focus industry from the registry. Cached per run and scope.
     */
    List<Cell> gradeCells(Scope scope, long runId) {
        String key = runId + "|" + scope.role() + "|" + String.join(",", scope.parks().stream().sorted().toList())
                + "|" + scope.creditCode();
        List<Cell> cached = gradeCache.get(key);
        if (cached != null) {
            return cached;
        }
        StringBuilder sql = new StringBuilder("select g.park_id, e.focus_industry, g.industry_code, count(*), "
                + "sum(case when g.next_gap_count between 1 and 2 then 1 else 0 end)");
        for (Tier t : Rung.ORDER) {
            sql.append(", sum(").append(Rung.eligibleSql(t)).append(")");
        }
        sql.append(" from grade_record g left join enterprise e on e.credit_code = g.credit_code where g.run_id = ? and ")
                .append(scope.firmFilter("g"))
                .append(" group by g.park_id, e.focus_industry, g.industry_code");
        List<Object> args = new ArrayList<>();
        args.add(runId);
        args.addAll(scope.firmFilterArgs());
        List<Cell> cells = jdbc.query(sql.toString(), (rs, n) -> {
            long[] el = new long[Counts.RUNGS];
            for (Tier t : Rung.ORDER) {
                el[t.ordinal()] = rs.getLong(6 + t.ordinal());
            }
            return new Cell(rs.getString(1), rs.getString(2), rs.getString(3),
                    new Counts(0, rs.getLong(4), rs.getLong(5), 0, new long[Counts.RUNGS], el));
        }, args.toArray());
        List<Cell> frozen = List.copyOf(cells);
        gradeCache.put(key, frozen);
        return frozen;
    }

    // ---------------------------------------------------------------- lists

    /** Firms of the run one or two conditions short of their next rung (optionally only one rung). */
    public Page<Candidate> candidates(Scope scope, RegionRun run, DashboardFilter filter, Tier rung, int page, int size) {
        List<Object> args = new ArrayList<>();
        args.add(run.id());
        args.addAll(scope.firmFilterArgs());
        String where = " from grade_record g join enterprise e on e.credit_code = g.credit_code "
                + "where g.run_id = ? and g.next_gap_count between 1 and 2 and " + scope.firmFilter("g")
                + " and " + filter.sql("g", args) + (rung == null ? "" : " and g.next_tier = ?");
        if (rung != null) {
            args.add(rung.name());
        }
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        String sql = "select g.credit_code, e.name, g.park_id, g.industry_code, e.focus_industry, g.eligible_tier, "
                + "g.next_tier, g.next_gap_count, g.failing, g.rule_sets" + where
                + " order by g.next_gap_count, g.next_tier, g.credit_code";
        if (size > 0) {
            sql += " offset ? rows fetch first ? rows only";
            pageArgs.add((long) page * size);
            pageArgs.add(size);
        }
        List<Candidate> rows = jdbc.query(sql, (rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                failing(rs.getString(9), rs.getString(7)), rs.getString(10)), pageArgs.toArray());
        return new Page<>(rows, total, page, size <= 0 ? (int) Math.max(1, total) : size);
    }

    /**
     * The failing gates of the next rung from {@code grade_record.failing}, which lists the failing
     * gates of every tier as {@code TIER:CONDITION_ID}, with a trailing {@code ?} for REVIEW,
     * separated by {@code ;} (grading.GradeSummary). Entries without a tier are kept.
     */
    static List<Failing> failing(String failing, String nextTier) {
        if (failing == null || failing.isBlank()) {
            return List.of();
        }
        List<Failing> out = new ArrayList<>();
        for (String s : failing.split("[,;]")) {
            String e = s.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            if (colon > 0 && nextTier != null && !e.substring(0, colon).equals(nextTier)) {
                continue;
            }
            String id = colon > 0 ? e.substring(colon + 1) : e;
            boolean review = id.endsWith("?");
            out.add(new Failing(review ? id.substring(0, id.length() - 1) : id, review));
        }
        return out;
    }

    /** Active titles expiring between today and today + days, soonest first. */
    public Page<ExpiringTitle> expiring(Scope scope, DashboardFilter filter, Tier tier, LocalDate today, int days,
                                        int page, int size) {
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(today), Date.valueOf(today.plusDays(days))));
        args.addAll(scope.firmFilterArgs());
        String where = " from enterprise_title t join enterprise e on e.credit_code = t.credit_code "
                + "where t.status = 'ACTIVE' and t.expires_on >= ? and t.expires_on <= ? and " + scope.firmFilter("e")
                + " and " + filter.sql("e", args) + (tier == null ? "" : " and t.tier = ?");
        if (tier != null) {
            args.add(tier.name());
        }
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        String sql = "select t.id, t.credit_code, e.name, e.park_id, t.tier, t.recognised_on, t.expires_on" + where
                + " order by t.expires_on, t.credit_code, t.id";
        if (size > 0) {
            sql += " offset ? rows fetch first ? rows only";
            pageArgs.add((long) page * size);
            pageArgs.add(size);
        }
        List<ExpiringTitle> rows = jdbc.query(sql, (rs, n) -> {
            LocalDate exp = rs.getDate(7).toLocalDate();
            return new ExpiringTitle(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    Tier.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(), exp, ChronoUnit.DAYS.between(today, exp));
        }, pageArgs.toArray());
        return new Page<>(rows, total, page, size <= 0 ? (int) Math.max(1, total) : size);
    }
}
