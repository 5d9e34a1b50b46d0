package cn.srdi.app.registry;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.Scope;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.reference.IndustryCatalog;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Read side of the registry for lists: the scoped, filtered, sorted and paginated firm list (a count
 * query and a page query, both filtered in SQL by the caller's {@link Scope}), its streaming export,
 * the parks, and the change history of a firm.
 */
@Repository
public class FirmDirectory {

    /** A park of the region, with the number of firms the scope sees in it. */
    public record ParkInfo(String id, String nameZh, String nameEn, String focusIndustry, long firms) {
    }

    /** One recorded change of a firm-year indicator. */
    public record IndicatorChange(long id, String creditCode, int fiscalYear, Long importId, LocalDateTime changedAt,
                                  String changedBy, String field, String before, String after) {
    }

    private final JdbcTemplate jdbc;

    public FirmDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A WHERE clause with its arguments. */
    private record Where(String sql, List<Object> args) {
    }

    private Where where(Scope scope, FirmFilter f) {
        StringBuilder sql = new StringBuilder(scope.firmFilter("e"));
        List<Object> args = new ArrayList<>(scope.firmFilterArgs());
        if (f.q() != null) {
            String q = escape(f.q());
            sql.append(" and (e.credit_code like ? escape '\\' or lower(e.name) like ? escape '\\')");
            args.add(q.toUpperCase(java.util.Locale.ROOT) + "%");
            args.add("%" + q.toLowerCase(java.util.Locale.ROOT) + "%");
        }
        if (f.park() != null) {
            if ("NONE".equalsIgnoreCase(f.park())) {
                sql.append(" and e.park_id is null");
            } else {
                sql.append(" and e.park_id = ?");
                args.add(f.park().toUpperCase(java.util.Locale.ROOT));
            }
        }
        String industry = f.industryPrefix();
        if (industry != null) {
            sql.append(" and e.industry_code like ?");
            args.add(industry + "%");
        }
        Tier tier = f.tierValue();
        LocalDate today = LocalDate.now(AuditTrail.ZONE);
        if (f.expiringDays() != null) {
            sql.append(" and exists (select 1 from enterprise_title t where t.credit_code = e.credit_code"
                    + " and t.status = 'ACTIVE' and t.expires_on >= ? and t.expires_on <= ?");
            args.add(Date.valueOf(today));
            args.add(Date.valueOf(today.plusDays(f.expiringDays())));
            if (tier != null) {
                sql.append(" and t.tier = ?");
                args.add(tier.name());
            }
            sql.append(")");
        } else if (tier != null) {
            sql.append(" and exists (select 1 from enterprise_title t where t.credit_code = e.credit_code"
                    + " and t.status = 'ACTIVE' and t.tier = ? and t.recognised_on <= ?"
                    + " and (t.expires_on is null or t.expires_on >= ?))");
            args.add(tier.name());
            args.add(Date.valueOf(today));
            args.add(Date.valueOf(today));
        }
        return new Where(sql.toString(), args);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String order(FirmFilter f) {
        String col = FirmFilter.SORTS.get(f.sort());
        String dir = "desc".equals(f.dir()) ? " desc" : " asc";
        return " order by " + col + dir + ("e.credit_code".equals(col) ? "" : ", e.credit_code" + dir);
    }

    /** Number of firms in the scope matching the filter. */
    public long count(Scope scope, FirmFilter filter) {
        Where w = where(scope, filter);
        Long n = jdbc.queryForObject("select count(*) from enterprise e where " + w.sql(), Long.class, w.args().toArray());
        return n == null ? 0 : n;
    }

    /** One page of the list (count query + page query + the page's titles and latest years). */
    public FirmPage search(Scope scope, FirmFilter filter) {
        long total = count(scope, filter);
        FirmFilter f = filter;
        if ((long) f.page() * f.size() >= total && f.page() > 0) {
            f = f.withPage((int) Math.max(0, (total - 1) / f.size()));
        }
        Where w = where(scope, f);
        List<Object> args = new ArrayList<>(w.args());
        args.add((long) f.page() * f.size());
        args.add(f.size());
        List<Enterprise> firms = jdbc.query("select " + RegistryStore.FIRM_COLUMNS + " from enterprise e where " + w.sql()
                + order(f) + " offset ? rows fetch next ? rows only", (rs, n) -> RegistryStore.mapFirm(rs), args.toArray());
        return new FirmPage(decorate(scope, firms), total, f.page(), f.size());
    }

    private List<FirmRow> decorate(Scope scope, List<Enterprise> firms) {
        if (firms.isEmpty()) {
            return List.of();
        }
        List<Object> codes = firms.stream().map(Enterprise::creditCode).map(Object.class::cast).toList();
        String in = String.join(",", Collections.nCopies(codes.size(), "?"));
        Map<String, List<FirmRow.HeldTitle>> titles = new HashMap<>();
        List<Object> targs = new ArrayList<>(codes);
        LocalDate today = LocalDate.now(AuditTrail.ZONE);
        targs.add(Date.valueOf(today));
        jdbc.query("select credit_code, tier, expires_on from enterprise_title where credit_code in (" + in
                + ") and status = 'ACTIVE' and (expires_on is null or expires_on >= ?) order by recognised_on",
                (RowCallbackHandler) rs -> titles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new FirmRow.HeldTitle(rs.getString(2), toDate(rs.getDate(3)))), targs.toArray());
        Map<String, Object[]> latest = new HashMap<>();
        if (scope.canReadIndicators()) {
            jdbc.query("select y.credit_code, y.fiscal_year, y.revenue, y.rd_expense, y.employees from indicator_year y "
                    + "where y.credit_code in (" + in + ") and y.fiscal_year = (select max(z.fiscal_year) "
                    + "from indicator_year z where z.credit_code = y.credit_code)",
                    (RowCallbackHandler) rs -> latest.put(rs.getString(1), new Object[] {rs.getInt(2),
                            rs.getBigDecimal(3), rs.getBigDecimal(4), (Integer) rs.getObject(5, Integer.class)}),
                    codes.toArray());
        }
        List<FirmRow> rows = new ArrayList<>(firms.size());
        for (Enterprise e : firms) {
            rows.add(row(scope, e, titles.getOrDefault(e.creditCode(), List.of()), latest.get(e.creditCode())));
        }
        return rows;
    }

    private static FirmRow row(Scope scope, Enterprise e, List<FirmRow.HeldTitle> titles, Object[] latest) {
        Enterprise shown = scope.seesContacts() ? e : e.masked();
        LocalDate next = titles.stream().map(FirmRow.HeldTitle::expiresOn).filter(java.util.Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
        return new FirmRow(shown, industryName(e.industryCode()), titles, next,
                latest == null ? null : (Integer) latest[0], latest == null ? null : (BigDecimal) latest[1],
                latest == null ? null : (BigDecimal) latest[2], latest == null ? null : (Integer) latest[3]);
    }

    /** The GB/T 4754 name of a stored code ("C3563"), or null. */
    public static String industryName(String code) {
        if (code == null || code.length() < 3) {
            return null;
        }
        String digits = Character.isLetter(code.charAt(0)) ? code.substring(1) : code;
        IndustryCatalog c = IndustryCatalog.standard();
        for (int len = digits.length(); len >= 2; len--) {
            String n = c.name(digits.substring(0, len));
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /**
     * Streams every matching firm of the scope in the list's order (no paging), for the XLSX
     * export: one query for the titles in force, one streaming query for the firms and their latest
     * fiscal year.
     */
    public void forEachMatching(Scope scope, FirmFilter filter, Consumer<FirmRow> consumer) {
        Where w = where(scope, filter);
        LocalDate today = LocalDate.now(AuditTrail.ZONE);
        Map<String, List<FirmRow.HeldTitle>> titles = new HashMap<>();
        List<Object> targs = new ArrayList<>();
        targs.add(Date.valueOf(today));
        targs.addAll(w.args());
        jdbc.query("select t.credit_code, t.tier, t.expires_on from enterprise_title t join enterprise e "
                + "on e.credit_code = t.credit_code where t.status = 'ACTIVE' and (t.expires_on is null or t.expires_on >= ?) "
                + "and " + w.sql() + " order by t.recognised_on",
                (RowCallbackHandler) rs -> titles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(2))
                        .add(new FirmRow.HeldTitle(rs.getString(2), toDate(rs.getDate(3)))), targs.toArray());
        boolean indicators = scope.canReadIndicators();
        String years = indicators
                ? ", y.fiscal_year, y.revenue, y.rd_expense, y.employees from enterprise e left join indicator_year y "
                  + "on y.credit_code = e.credit_code and y.fiscal_year = (select max(z.fiscal_year) from indicator_year z "
                  + "where z.credit_code = e.credit_code)"
                : " from enterprise e";
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1000);
        streaming.query("select " + RegistryStore.FIRM_COLUMNS + years + " where " + w.sql() + order(filter),
                (RowCallbackHandler) rs -> {
                    Enterprise e = RegistryStore.mapFirm(rs);
                    Object[] latest = null;
                    if (indicators && rs.getObject(14) != null) {
                        latest = new Object[] {rs.getInt(14), rs.getBigDecimal(15), rs.getBigDecimal(16),
                                rs.getObject(17, Integer.class)};
                    }
                    consumer.accept(row(scope, e, titles.getOrDefault(e.creditCode(), List.of()), latest));
                }, w.args().toArray());
    }

    /** The parks with the number of firms the scope sees in each. */
    public List<ParkInfo> parks(Scope scope) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select e.park_id, count(*) from enterprise e where " + scope.firmFilter("e") + " group by e.park_id",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), scope.firmFilterArgs().toArray());
        return jdbc.query("select id, name_zh, name_en, focus_industry from park order by id",
                (rs, n) -> new ParkInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        counts.getOrDefault(rs.getString(1), 0L)));
    }

    /** Park id to its Chinese and English names. */
    public Map<String, String[]> parkNames() {
        Map<String, String[]> m = new LinkedHashMap<>();
        jdbc.query("select id, name_zh, name_en from park order by id",
                (RowCallbackHandler) rs -> m.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}));
        return m;
    }

    /** Recorded indicator changes of one firm, newest first (the caller has checked the scope). */
    public List<IndicatorChange> changes(String creditCode, int limit) {
        return jdbc.query("select id, credit_code, fiscal_year, import_id, changed_at, changed_by, field, before_value, "
                + "after_value from indicator_change where credit_code = ? order by id desc fetch first "
                + Math.max(1, Math.min(limit, 5000)) + " rows only", (rs, n) -> change(rs), creditCode);
    }

    /** Recorded indicator changes of one import batch, in order. */
    public List<IndicatorChange> changesOfImport(long importId, int offset, int limit) {
        return jdbc.query("select id, credit_code, fiscal_year, import_id, changed_at, changed_by, field, before_value, "
                + "after_value from indicator_change where import_id = ? order by id offset ? rows fetch next ? rows only",
                (rs, n) -> change(rs), importId, offset, limit);
    }

    private static IndicatorChange change(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(5);
        return new IndicatorChange(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, Long.class),
                at == null ? null : at.toLocalDateTime(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    private static LocalDate toDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
