package cn.srdi.app.registry;

import cn.srdi.app.identity.Scope;
import cn.srdi.engine.model.Tier;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of the registry: firms, titles and yearly indicators. Reads take a {@link Scope} and
 * filter in SQL. Bulk writes use JDBC batches and join the caller's transaction.
 */
@Repository
public class RegistryStore {

    static final String FIRM_COLUMNS = "e.credit_code, e.name, e.industry_code, e.region_code, e.region_name, "
            + "e.park_id, e.focus_industry, e.contact_name, e.contact_phone, e.contact_email, e.chain_nodes, "
            + "e.created_at, e.updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public RegistryStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    static Enterprise mapFirm(ResultSet rs) throws SQLException {
        return new Enterprise(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getTimestamp(12).toLocalDateTime(), rs.getTimestamp(13).toLocalDateTime());
    }

    static Title mapTitle(ResultSet rs) throws SQLException {
        Date exp = rs.getDate(5);
        return new Title(rs.getLong(1), rs.getString(2), Tier.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(),
                exp == null ? null : exp.toLocalDate(), TitleStatus.valueOf(rs.getString(6)), rs.getString(7));
    }

    /** The firm if it exists and the scope may read it (contacts masked where the scope says so). */
    public Optional<Enterprise> find(Scope scope, String creditCode) {
        List<Object> args = new ArrayList<>();
        args.add(creditCode);
        args.addAll(scope.firmFilterArgs());
        return jdbc.sql("select " + FIRM_COLUMNS + " from enterprise e where e.credit_code = ? and "
                        + scope.firmFilter("e"))
                .params(args).query((rs, n) -> mapFirm(rs)).optional()
                .map(e -> scope.seesContacts() ? e : e.masked());
    }

    /**
     * The firms with these credit codes, unmasked and without a scope check: for system work such as
     * an import commit, which has checked the caller's rights row by row. At most 1,000 codes.
     */
    public List<Enterprise> findAll(List<String> creditCodes) {
        if (creditCodes.isEmpty()) {
            return List.of();
        }
        if (creditCodes.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 codes at once");
        }
        return template.query("select " + FIRM_COLUMNS + " from enterprise e where e.credit_code in ("
                + String.join(",", java.util.Collections.nCopies(creditCodes.size(), "?")) + ")",
                (rs, n) -> mapFirm(rs), creditCodes.toArray());
    }

    public boolean exists(String creditCode) {
        return jdbc.sql("select count(*) from enterprise where credit_code = ?").param(creditCode)
                .query(Integer.class).single() > 0;
    }

    public long count(Scope scope) {
        return jdbc.sql("select count(*) from enterprise e where " + scope.firmFilter("e"))
                .params(scope.firmFilterArgs()).query(Long.class).single();
    }

    public List<Title> titles(String creditCode) {
        return jdbc.sql("select id, credit_code, tier, recognised_on, expires_on, status, note from enterprise_title "
                        + "where credit_code = ? order by recognised_on, id")
                .param(creditCode).query((rs, n) -> mapTitle(rs)).list();
    }

    /** One title by id. */
    public Optional<Title> title(long id) {
        return jdbc.sql("select id, credit_code, tier, recognised_on, expires_on, status, note from enterprise_title "
                        + "where id = ?")
                .param(id).query((rs, n) -> mapTitle(rs)).optional();
    }

    /**
     * Changes a title's status and expiry (after-recognition management: lapse, revocation,
     * extension after re-review); the caller audits the change. Returns false when there is no such title.
     */
    public boolean updateTitle(long id, TitleStatus status, LocalDate expiresOn) {
        return jdbc.sql("update enterprise_title set status = ?, expires_on = ? where id = ?")
                .params(status.name(), expiresOn == null ? null : Date.valueOf(expiresOn), id).update() == 1;
    }

    public List<IndicatorYear> years(String creditCode) {
        return jdbc.sql("select credit_code, fiscal_year, data from indicator_year where credit_code = ? "
                        + "order by fiscal_year")
                .param(creditCode)
                .query((rs, n) -> new IndicatorYear(rs.getString(1), rs.getInt(2), ProfileJson.toMap(rs.getString(3))))
                .list();
    }

    /** The whole record of one firm, if the scope may read it. */
    public Optional<FirmRecord> record(Scope scope, String creditCode) {
        return find(scope, creditCode).map(e -> new FirmRecord(e, years(creditCode), titles(creditCode)));
    }

    /**
     * Streams every firm in the scope with its years and titles, in credit-code order: the input of
     * region grades. Yearly indicators are parsed in the calling thread; {@link #forEachFirmUnparsed}
     * leaves that to the consumer.
     */
    public void forEachFirm(Scope scope, Consumer<FirmRecord> consumer) {
        forEachFirmUnparsed(scope, f -> consumer.accept(f.parse()));
    }

    /** Rows fetched at a time by the streaming reads of {@link #forEachFirmUnparsed}. */
    static final int FETCH = 1000;

    /**
     * Streams every firm in the scope with its titles and its yearly indicators as stored (JSON
     * text), in credit-code order, with three queries ordered by credit code read side by side on
     * one connection and merged (no query per firm, nothing of the region held in memory). The
     * merge relies only on the database giving the three the same order (they sort by the same
     * column), never on Java's string order. Outside a transaction the reads run in one of their own,
     * REPEATABLE READ so that the three see one snapshot (rolled back at the end: they write
     * nothing), and the PostgreSQL driver fetches {@link #FETCH} rows at a time instead of whole
     * results. A firm-year or title left over after the merge (the queries disagreeing) fails the
     * read rather than grading a firm without its indicators.
     */
    public void forEachFirmUnparsed(Scope scope, Consumer<UnparsedFirm> consumer) {
        String filter = scope.firmFilter("e");
        List<Object> args = scope.firmFilterArgs();
        boolean all = args.isEmpty() && scope.regionWide();
        String titleSql = "select t.id, t.credit_code, t.tier, t.recognised_on, t.expires_on, t.status, t.note from "
                + (all ? "enterprise_title t order by t.credit_code, t.recognised_on, t.id"
                        : "enterprise_title t join enterprise e on e.credit_code = t.credit_code where " + filter
                                + " order by t.credit_code, t.recognised_on, t.id");
        String yearSql = "select y.credit_code, y.fiscal_year, y.data from "
                + (all ? "indicator_year y order by y.credit_code, y.fiscal_year"
                        : "indicator_year y join enterprise e on e.credit_code = y.credit_code where " + filter
                                + " order by y.credit_code, y.fiscal_year");
        String firmSql = "select " + FIRM_COLUMNS + " from enterprise e where " + filter + " order by e.credit_code";
        template.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
            boolean auto = con.getAutoCommit();
            int isolation = con.getTransactionIsolation();
            if (auto) {
                // one snapshot for the three queries: a firm committed between them (an import) must not
                // show up in one and not in the other
                con.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
                con.setAutoCommit(false);
            }
            try (PreparedStatement fs = prepare(con, firmSql, args);
                 PreparedStatement ys = prepare(con, yearSql, all ? List.of() : args);
                 PreparedStatement ts = prepare(con, titleSql, all ? List.of() : args);
                 ResultSet firms = fs.executeQuery();
                 ResultSet years = ys.executeQuery();
                 ResultSet titles = ts.executeQuery()) {
                boolean yearAhead = years.next();
                boolean titleAhead = titles.next();
                while (firms.next()) {
                    Enterprise e = mapFirm(firms);
                    String code = e.creditCode();
                    List<UnparsedYear> ys1 = new ArrayList<>(3);
                    while (yearAhead && code.equals(years.getString(1))) {
                        ys1.add(new UnparsedYear(code, years.getInt(2), years.getString(3)));
                        yearAhead = years.next();
                    }
                    List<Title> ts1 = new ArrayList<>(2);
                    while (titleAhead && code.equals(titles.getString(2))) {
                        ts1.add(mapTitle(titles));
                        titleAhead = titles.next();
                    }
                    consumer.accept(new UnparsedFirm(e, ys1, ts1));
                }
                if (yearAhead || titleAhead) {
                    // every year and title belongs to a firm of the scope, in the same order: left-overs mean
                    // the database ordered the queries differently, and grades would miss indicators
                    throw new IllegalStateException("registry read out of order: "
                            + (yearAhead ? "firm-year of " + years.getString(1) : "title of " + titles.getString(2))
                            + " not matched to a firm");
                }
            } finally {
                if (auto) {
                    con.rollback();
                    con.setAutoCommit(true);
                    con.setTransactionIsolation(isolation);
                }
            }
            return null;
        });
    }

    private static PreparedStatement prepare(java.sql.Connection con, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(FETCH);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    /** A firm-year as stored: its indicators as the JSON text of {@link ProfileJson}. */
    public record UnparsedYear(String creditCode, int fiscalYear, String json) {
        public IndicatorYear parse() {
            return new IndicatorYear(creditCode, fiscalYear, ProfileJson.toMap(json));
        }
    }

    /** A firm with its titles and its yearly indicators not yet parsed; {@link #parse} may run on any thread. */
    public record UnparsedFirm(Enterprise enterprise, List<UnparsedYear> years, List<Title> titles) {
        public FirmRecord parse() {
            List<IndicatorYear> parsed = new ArrayList<>(years.size());
            for (UnparsedYear y : years) {
                parsed.add(y.parse());
            }
            return new FirmRecord(enterprise, parsed, titles);
        }
    }

    /** Inserts firms that do not exist yet and updates those that do (by credit code). */
    public void upsertEnterprises(List<Enterprise> firms) {
        if (firms.isEmpty()) {
            return;
        }
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < firms.size(); i += 500) {
            List<Enterprise> chunk = firms.subList(i, Math.min(firms.size(), i + 500));
            existing.addAll(jdbc.sql("select credit_code from enterprise where credit_code in ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(chunk.stream().map(Enterprise::creditCode).map(Object.class::cast).toList())
                    .query(String.class).list());
        }
        var known = new java.util.HashSet<>(existing);
        List<Enterprise> inserts = firms.stream().filter(f -> !known.contains(f.creditCode())).toList();
        List<Enterprise> updates = firms.stream().filter(f -> known.contains(f.creditCode())).toList();
        template.batchUpdate("insert into enterprise (credit_code, name, industry_code, region_code, region_name, park_id, "
                + "focus_industry, contact_name, contact_phone, contact_email, chain_nodes, created_at, updated_at) "
                + "values (?,?,?,?,?,?,?,?,?,?,?,?,?)", inserts, 1000, (ps, f) -> {
                    bindFirm(ps, f);
                    ps.setTimestamp(12, Timestamp.valueOf(f.createdAt()));
                    ps.setTimestamp(13, Timestamp.valueOf(f.updatedAt()));
                });
        template.batchUpdate("update enterprise set name = ?, industry_code = ?, region_code = ?, region_name = ?, "
                + "park_id = ?, focus_industry = coalesce(?, focus_industry), contact_name = coalesce(?, contact_name), "
                + "contact_phone = coalesce(?, contact_phone), contact_email = coalesce(?, contact_email), "
                + "chain_nodes = coalesce(?, chain_nodes), updated_at = ? where credit_code = ?", updates, 1000,
                (ps, f) -> {
                    ps.setString(1, f.name());
                    ps.setString(2, f.industryCode());
                    ps.setString(3, f.regionCode());
                    ps.setString(4, f.regionName());
                    ps.setString(5, f.parkId());
                    ps.setString(6, f.focusIndustry());
                    ps.setString(7, f.contactName());
                    ps.setString(8, f.contactPhone());
                    ps.setString(9, f.contactEmail());
                    ps.setString(10, f.chainNodes());
                    ps.setTimestamp(11, Timestamp.valueOf(f.updatedAt()));
                    ps.setString(12, f.creditCode());
                });
    }

    private static void bindFirm(PreparedStatement ps, Enterprise f) throws SQLException {
        ps.setString(1, f.creditCode());
        ps.setString(2, f.name());
        ps.setString(3, f.industryCode());
        ps.setString(4, f.regionCode());
        ps.setString(5, f.regionName());
        ps.setString(6, f.parkId());
        ps.setString(7, f.focusIndustry());
        ps.setString(8, f.contactName());
        ps.setString(9, f.contactPhone());
        ps.setString(10, f.contactEmail());
        ps.setString(11, f.chainNodes());
    }

    /**
     * Records a title recognised on a date (cultivation: after the public notice), valid
     * {@link Title#VALIDITY_YEARS} years (to the day before the anniversary). The caller audits it.
     */
    public Title recognise(String creditCode, cn.srdi.engine.model.Tier tier, java.time.LocalDate on, String note) {
        java.time.LocalDate expires = on.plusYears(Title.VALIDITY_YEARS).minusDays(1);
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into enterprise_title (credit_code, tier, recognised_on, expires_on, status, note) values (?,?,?,?,?,?)")
                .params(creditCode, tier.name(), Date.valueOf(on), Date.valueOf(expires), TitleStatus.ACTIVE.name(),
                        note == null ? null : note.substring(0, Math.min(200, note.length())))
                .update(keys, "id");
        return new Title(keys.getKey().longValue(), creditCode, tier, on, expires, TitleStatus.ACTIVE, note);
    }

    public void insertTitles(List<Title> titles) {
        template.batchUpdate("insert into enterprise_title (credit_code, tier, recognised_on, expires_on, status, note) "
                + "values (?,?,?,?,?,?)", titles, 1000, (ps, t) -> {
                    ps.setString(1, t.creditCode());
                    ps.setString(2, t.tier().name());
                    ps.setDate(3, Date.valueOf(t.recognisedOn()));
                    ps.setDate(4, t.expiresOn() == null ? null : Date.valueOf(t.expiresOn()));
                    ps.setString(5, t.status().name());
                    ps.setString(6, t.note());
                });
    }

    /** One changed field of a firm-year, as recorded in {@code indicator_change}. */
    public record Change(String creditCode, int fiscalYear, String field, String before, String after) {
    }

    /** Outcome of {@link #upsertYears}. */
    public record UpsertResult(int inserted, int updated, List<Change> changes) {
    }

    /**
     * Inserts new firm-years and updates existing ones, recording every changed field (before and
     * after) in {@code indicator_change}. Joins the caller's transaction.
     */
    public UpsertResult upsertYears(List<IndicatorYear> rows, Long importId, String actor) {
        LocalDateTime now = LocalDateTime.now(cn.srdi.app.audit.AuditTrail.ZONE);
        Map<String, Map<String, String>> existing = new HashMap<>();
        // by credit code (the primary key's first column, so an index range per firm), then the years wanted
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (IndicatorYear y : rows) {
            wanted.add(y.creditCode() + "/" + y.fiscalYear());
        }
        List<String> codes = rows.stream().map(IndicatorYear::creditCode).distinct().toList();
        for (int i = 0; i < codes.size(); i += 500) {
            List<String> chunk = codes.subList(i, Math.min(codes.size(), i + 500));
            template.query("select credit_code, fiscal_year, data from indicator_year where credit_code in ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", (RowCallbackHandler) rs -> {
                        String key = rs.getString(1) + "/" + rs.getInt(2);
                        if (wanted.contains(key)) {
                            existing.put(key, ProfileJson.toMap(rs.getString(3)));
                        }
                    }, chunk.toArray());
        }
        List<IndicatorYear> inserts = new ArrayList<>();
        List<IndicatorYear> updates = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (IndicatorYear y : rows) {
            Map<String, String> before = existing.get(y.creditCode() + "/" + y.fiscalYear());
            if (before == null) {
                inserts.add(y);
                continue;
            }
            var fields = new java.util.TreeSet<>(before.keySet());
            fields.addAll(y.values().keySet());
            boolean changed = false;
            for (String f : fields) {
                String a = before.get(f);
                String b = y.values().get(f);
                if (!java.util.Objects.equals(a, b)) {
                    changes.add(new Change(y.creditCode(), y.fiscalYear(), f, a, b));
                    changed = true;
                }
            }
            if (changed) {
                updates.add(y);
            }
        }
        template.batchUpdate("insert into indicator_year (credit_code, fiscal_year, revenue, rd_expense, employees, data, "
                + "import_id, updated_at) values (?,?,?,?,?,?,?,?)", inserts, 1000, (ps, y) -> {
                    ps.setString(1, y.creditCode());
                    ps.setInt(2, y.fiscalYear());
                    bindReporting(ps, 3, y);
                    ps.setString(6, ProfileJson.write(y.values()));
                    ps.setObject(7, importId);
                    ps.setTimestamp(8, Timestamp.valueOf(now));
                });
        template.batchUpdate("update indicator_year set revenue = ?, rd_expense = ?, employees = ?, data = ?, import_id = ?, "
                + "updated_at = ? where credit_code = ? and fiscal_year = ?", updates, 1000, (ps, y) -> {
                    bindReporting(ps, 1, y);
                    ps.setString(4, ProfileJson.write(y.values()));
                    ps.setObject(5, importId);
                    ps.setTimestamp(6, Timestamp.valueOf(now));
                    ps.setString(7, y.creditCode());
                    ps.setInt(8, y.fiscalYear());
                });
        template.batchUpdate("insert into indicator_change (credit_code, fiscal_year, import_id, changed_at, changed_by, "
                + "field, before_value, after_value) values (?,?,?,?,?,?,?,?)", changes, 1000, (ps, c) -> {
                    ps.setString(1, c.creditCode());
                    ps.setInt(2, c.fiscalYear());
                    ps.setObject(3, importId);
                    ps.setTimestamp(4, Timestamp.valueOf(now));
                    ps.setString(5, actor);
                    ps.setString(6, c.field());
                    ps.setString(7, c.before());
                    ps.setString(8, c.after());
                });
        return new UpsertResult(inserts.size(), updates.size(), changes);
    }

    private static void bindReporting(PreparedStatement ps, int first, IndicatorYear y) throws SQLException {
        ps.setBigDecimal(first, decimal(y.values().get("revenue_y1")));
        ps.setBigDecimal(first + 1, decimal(y.values().get("rd_expense_y1")));
        String emp = y.values().get("employees_y1");
        if (emp == null) {
            ps.setNull(first + 2, java.sql.Types.INTEGER);
        } else {
            ps.setInt(first + 2, new BigDecimal(emp).intValue());
        }
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }
}
