package cn.srdi.app.registry.imports;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.IndicatorYear;
import cn.srdi.app.registry.ProfileJson;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.io.DuplicateTracker;
import cn.srdi.engine.io.InputFileException;
import cn.srdi.engine.io.Problem;
import cn.srdi.engine.io.RawRow;
import cn.srdi.engine.io.RawRowSource;
import cn.srdi.engine.io.ReadOptions;
import cn.srdi.engine.io.ReadResult;
import cn.srdi.engine.io.RowConverter;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of yearly indicators (一企一档): upload → preview → commit, all or nothing.
 *
 * <p><b>Upload</b> reads the file with the engine's own readers ({@link RawRowSource} and
 * {@link RowConverter} with unknown columns ignored), so every check of GRADING.md §8 (credit code,
 * GB/T 4754 code, types, ranges, consistency) is exactly the engine's; duplicates are found with the
 * engine's {@link DuplicateTracker}, one per fiscal year (a firm may have one row per fiscal year).
 * The import adds two columns: {@code park} (park id or name, optional) and {@code fiscal_year} (the
 * fiscal year the {@code *_y1} figures belong to). When the file has no {@code fiscal_year} column,
 * each row's fiscal year is the year before its {@code assessment_date}, or the year before today
 * when that is blank too; the preview says so. A park operator may import only rows of its own
 * parks. Valid rows are staged in {@code import_row} and every problem in {@code import_problem},
 * in JDBC batches, in one transaction; a file that cannot be read as a whole is refused and listed
 * as {@code REJECTED}.
 *
 * <p><b>Commit</b> writes the valid rows (never the rejected ones) in one transaction: firms
 * upserted, firm-years upserted through {@link RegistryStore#upsertYears} (which records each
 * changed value in {@code indicator_change}), the batch marked {@code COMMITTED}, an audit record.
 * Any failure rolls all of it back; the batch is then marked {@code FAILED} with the error in a
 * transaction of its own.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** Header names of the two columns the import adds to GRADING.md §8. */
    static final Set<String> PARK_HEADERS = Set.of("park", "park_id", "园区", "所属园区");
    static final Set<String> YEAR_HEADERS = Set.of("fiscal_year", "财务年度", "会计年度", "年度", "数据年度");
    static final int FIRST_FISCAL_YEAR = 1990;
    private static final int STAGE_CHUNK = 1000;
    private static final int COMMIT_CHUNK = 2000;
    static final String BATCH_COLUMNS = "id, file_name, format, uploaded_by, uploaded_at, status, rows_total, rows_valid, "
            + "rows_rejected, rows_warned, firms_new, years_new, years_update, fiscal_years, rows_inserted, rows_updated, "
            + "changes_recorded, committed_at, error, notice_zh, notice_en, file_bytes, millis_staged, millis_committed";

    private final JdbcTemplate jdbc;
    private final RegistryStore store;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final TransactionTemplate txNew;
    private final String defaultRegionName;
    /** Rows committed before a failure is simulated; negative = never (a test hook, see {@link #failCommitsAfter}). */
    private volatile int failAfterRows = -1;

    public ImportService(JdbcTemplate jdbc, RegistryStore store, AuditTrail audit, PlatformTransactionManager txm,
                         @Value("${srdi.registry.default-region-name:重庆市两江新区}") String defaultRegionName) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.tx = new TransactionTemplate(txm);
        this.txNew = new TransactionTemplate(txm);
        this.txNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.defaultRegionName = defaultRegionName;
    }

    // ------------------------------------------------------------------------------------ upload

    /**
     * Reads an uploaded file into a new batch in status PREVIEW. The content is copied to a temporary
     * file that is deleted before returning.
     *
     * @throws BilingualException (400) when the file as a whole cannot be read; the refusal is recorded
     *     as a REJECTED batch
     */
    public ImportBatch upload(Scope scope, String fileName, InputStream content) {
        CurrentUser.require(scope.canImport(), "数据导入 / imports");
        String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName.replace('\\', '/'))
                .getFileName().toString();
        boolean xlsx = name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        String format = xlsx ? "XLSX" : "CSV";
        Path tmp = null;
        try {
            tmp = Files.createTempFile("srdi-import-", xlsx ? ".xlsx" : ".csv");
            long bytes;
            try (InputStream in = content) {
                bytes = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Path file = tmp;
            long t0 = System.nanoTime();
            try {
                Long id = tx.execute(s -> stage(scope, name, format, bytes, file));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                jdbc.update("update import_batch set millis_staged = ? where id = ?", ms, id);
                log.info("import {} staged: {} ({} bytes) in {} ms", id, name, bytes, ms);
                return find(scope, id).orElseThrow();
            } catch (InputFileException e) {
                throw rejected(scope, name, format, bytes, fileProblem(e, file, name));
            } catch (BilingualException e) {
                throw rejected(scope, name, format, bytes, e);
            }
        } catch (IOException e) {
            throw new BilingualException(HttpStatus.BAD_REQUEST, "无法读取上传的文件：" + e.getMessage(),
                    "the uploaded file cannot be read: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.warn("could not delete temporary file {}", tmp, e);
                }
            }
        }
    }

    /** Records a refused file (its own transaction) and returns the error to throw. */
    private BilingualException rejected(Scope scope, String name, String format, long bytes, BilingualException e) {
        txNew.executeWithoutResult(s -> {
            long id = insertBatch(scope, name, format, bytes, "REJECTED");
            jdbc.update("update import_batch set error = ? where id = ?", truncate(e.zh() + " / " + e.en(), 2000), id);
            audit.record("IMPORT_REJECTED", "import_batch", String.valueOf(id), null,
                    Map.of("file", name, "error_zh", e.zh(), "error_en", e.en()));
        });
        return e;
    }

    /** The bilingual message of an engine file error, naming the uploaded file instead of the temporary one. */
    static BilingualException fileProblem(InputFileException e, Path tmp, String name) {
        String msg = e.getMessage() == null ? "" : e.getMessage().replace(tmp.toString(), name)
                .replace(" --ignore-unknown", " ignore-unknown");
        String[] parts = splitBilingual(msg);
        return BilingualException.badRequest("文件无法导入：" + parts[0], "the file cannot be imported: " + parts[1]);
    }

    /**
     * Splits an engine message "中文 / English" at the separator that is outside parentheses and is
     * followed by Latin text; the whole message for both when there is none.
     */
    static String[] splitBilingual(String msg) {
        int depth = 0;
        for (int i = 0; i + 3 <= msg.length(); i++) {
            char c = msg.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if ((c == ')' || c == '）') && depth > 0) {
                depth--;
            } else if (depth == 0 && msg.startsWith(" / ", i) && i + 3 < msg.length()
                    && msg.charAt(i + 3) < 128 && hasCjk(msg, 0, i)) {
                return new String[] {msg.substring(0, i), msg.substring(i + 3)};
            }
        }
        return new String[] {msg, msg};
    }

    private static boolean hasCjk(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    private long insertBatch(Scope scope, String name, String format, long bytes, String status) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into import_batch (file_name, format, uploaded_by, "
                    + "uploaded_at, status, file_bytes) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, truncate(name, 255));
            ps.setString(2, format);
            ps.setString(3, scope.username());
            ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(AuditTrail.ZONE)));
            ps.setString(5, status);
            ps.setLong(6, bytes);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** A valid row waiting for its chunk to be checked against the registry and staged. */
    private record Pending(long row, Profile profile, int fiscalYear, String park, List<Problem> warnings) {
    }

    /** Counters of one staging run. */
    private static final class Tally {
        int total;
        int valid;
        int rejected;
        int warned;
    }

    private Long stage(Scope scope, String name, String format, long bytes, Path file) {
        long id = insertBatch(scope, name, format, bytes, "STAGING");
        Parks parks = new Parks(jdbc);
        try (RawRowSource source = RawRowSource.open(file)) {
            RowConverter converter = RowConverter.forSource(source, new ReadOptions(true));
            String[] header = source.header();
            int parkCol = -1;
            int yearCol = -1;
            List<String> ignored = new ArrayList<>();
            boolean titles = false;
            for (int i = 0; i < header.length; i++) {
                String h = header[i] == null ? "" : header[i].trim();
                String key = h.toLowerCase(Locale.ROOT);
                if (PARK_HEADERS.contains(key)) {
                    parkCol = i;
                } else if (YEAR_HEADERS.contains(key)) {
                    yearCol = i;
                } else if (!h.isEmpty() && converter.mapping().field(i) == null) {
                    ignored.add(h);
                } else if (converter.mapping().field(i) == Field.TITLES) {
                    titles = true;
                }
            }
            int defaultYear = LocalDate.now(AuditTrail.ZONE).getYear() - 1;
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            if (yearCol < 0) {
                zh.append("文件没有 fiscal_year(财务年度)列：每行数据记入其评价日期的上一年度，未填评价日期的记入 ")
                        .append(defaultYear).append(" 年度。");
                en.append("The file has no fiscal_year column: each row is recorded for the year before its "
                        + "assessment_date, or for ").append(defaultYear).append(" when that is blank. ");
            }
            if (parkCol < 0) {
                zh.append("文件没有 park(园区)列：已有企业保持原园区，新企业不属于任何园区。");
                en.append("The file has no park column: existing firms keep their park, new firms belong to no park. ");
            }
            if (titles) {
                zh.append("已获称号(titles)列不导入：称号由认定流程维护。");
                en.append("The titles column is not imported: titles are maintained by the recognition process. ");
            }
            if (!ignored.isEmpty()) {
                zh.append("已忽略未知列：").append(String.join("、", ignored)).append("。");
                en.append("Unknown columns ignored: ").append(String.join(", ", ignored)).append(".");
            }
            Map<Integer, DuplicateTracker> duplicates = new HashMap<>();
            List<Pending> pending = new ArrayList<>(STAGE_CHUNK);
            List<ImportProblem> problems = new ArrayList<>();
            Tally tally = new Tally();
            RawRow raw;
            while ((raw = source.next()) != null) {
                tally.total++;
                ReadResult r = converter.convert(raw);
                List<Problem> own = new ArrayList<>(0);
                Integer fy = null;
                String park = null;
                String[] cells = parkCol >= 0 || yearCol >= 0 ? raw.cells() : null;
                if (yearCol >= 0) {
                    fy = fiscalYear(raw.row(), yearCol < cells.length ? cells[yearCol].trim() : "", header[yearCol].trim(),
                            own);
                } else if (r instanceof ReadResult.Accepted a) {
                    fy = a.profile().has(Field.ASSESSMENT_DATE)
                            ? a.profile().assessmentDate(null).getYear() - 1 : defaultYear;
                }
                if (parkCol >= 0) {
                    String cell = parkCol < cells.length ? cells[parkCol].trim() : "";
                    if (!cell.isEmpty()) {
                        park = parks.resolve(cell);
                        if (park == null) {
                            own.add(Problem.error(raw.row(), header[parkCol].trim(), cell,
                                    "未知的园区(应为 " + parks.hint() + " 之一)",
                                    "unknown park (expected one of " + parks.hint() + ")"));
                        }
                    }
                }
                if (park != null && scope.role() == Role.PARK_OPERATOR && !scope.parks().contains(park)) {
                    own.add(Problem.error(raw.row(), header[parkCol].trim(), park,
                            "只能导入本园区(" + String.join("、", new TreeSet<>(scope.parks())) + ")的企业",
                            "you may import firms of your own parks only (" + String.join(", ", new TreeSet<>(scope.parks())) + ")"));
                }
                if (!own.isEmpty()) {
                    List<Problem> all = new ArrayList<>(r instanceof ReadResult.Rejected rej ? rej.problems()
                            : ((ReadResult.Accepted) r).warnings());
                    all.addAll(own);
                    r = new ReadResult.Rejected(raw.row(), all);
                } else if (r instanceof ReadResult.Accepted && fy != null) {
                    r = duplicates.computeIfAbsent(fy, k -> new DuplicateTracker()).check(r);
                }
                if (r instanceof ReadResult.Accepted a) {
                    pending.add(new Pending(raw.row(), a.profile(), fy, park, a.warnings()));
                    if (pending.size() >= STAGE_CHUNK) {
                        flush(id, scope, pending, problems, tally);
                    }
                } else {
                    tally.rejected++;
                    for (Problem p : ((ReadResult.Rejected) r).problems()) {
                        problems.add(problem(p));
                    }
                    if (problems.size() >= STAGE_CHUNK) {
                        insertProblems(id, problems);
                    }
                }
            }
            flush(id, scope, pending, problems, tally);
            insertProblems(id, problems);
            if (tally.total == 0) {
                throw BilingualException.badRequest("文件无法导入：“" + name + "”只有表头，没有数据行",
                        "the file cannot be imported: \"" + name + "\" has a header but no data rows");
            }
            Integer firmsNew = jdbc.queryForObject("select count(distinct r.credit_code) from import_row r where r.import_id = ? "
                    + "and not exists (select 1 from enterprise e where e.credit_code = r.credit_code)", Integer.class, id);
            Integer yearsNew = jdbc.queryForObject("select count(*) from import_row r where r.import_id = ? and not exists "
                    + "(select 1 from indicator_year y where y.credit_code = r.credit_code and y.fiscal_year = r.fiscal_year)",
                    Integer.class, id);
            List<Integer> years = jdbc.queryForList("select distinct fiscal_year from import_row where import_id = ? "
                    + "order by fiscal_year", Integer.class, id);
            jdbc.update("update import_batch set status = 'PREVIEW', rows_total = ?, rows_valid = ?, rows_rejected = ?, "
                    + "rows_warned = ?, firms_new = ?, years_new = ?, years_update = ?, fiscal_years = ?, notice_zh = ?, "
                    + "notice_en = ? where id = ?", tally.total, tally.valid, tally.rejected, tally.warned, firmsNew,
                    yearsNew, tally.valid - yearsNew, truncate(years.stream().map(String::valueOf)
                            .reduce((a, b) -> a + "," + b).orElse(""), 200),
                    zh.length() == 0 ? null : truncate(zh.toString(), 2000),
                    en.length() == 0 ? null : truncate(en.toString().trim(), 2000), id);
            audit.record("IMPORT_STAGED", "import_batch", String.valueOf(id), null, Map.of("file", name,
                    "rows", tally.total, "valid", tally.valid, "rejected", tally.rejected));
            return id;
        }
    }

    private static Integer fiscalYear(long row, String cell, String column, List<Problem> own) {
        if (cell.isEmpty()) {
            own.add(Problem.error(row, column, "", "必填项“财务年度”为空", "required value fiscal_year is blank"));
            return null;
        }
        String s = cell.endsWith(".0") ? cell.substring(0, cell.length() - 2) : cell;
        s = s.endsWith("年") ? s.substring(0, s.length() - 1) : s;
        int max = LocalDate.now(AuditTrail.ZONE).getYear();
        try {
            int y = Integer.parseInt(s);
            if (y < FIRST_FISCAL_YEAR || y > max) {
                own.add(Problem.error(row, column, cell, "财务年度应在 " + FIRST_FISCAL_YEAR + " 至 " + max + " 之间",
                        "fiscal year must be between " + FIRST_FISCAL_YEAR + " and " + max));
                return null;
            }
            return y;
        } catch (NumberFormatException e) {
            own.add(Problem.error(row, column, cell, "财务年度应为四位年份(如 2025)", "fiscal year must be a year such as 2025"));
            return null;
        }
    }

    private static ImportProblem problem(Problem p) {
        return new ImportProblem((int) p.row(), p.column(), p.value(), p.warning() ? "WARNING" : "ERROR", p.zh(), p.en());
    }

    /** Checks a chunk of valid rows against the registry (park operators) and stages them. */
    private void flush(long id, Scope scope, List<Pending> pending, List<ImportProblem> problems, Tally tally) {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, String> existingPark = new HashMap<>();
        Set<String> existing = new java.util.HashSet<>();
        List<Object> codes = scope.role() != Role.PARK_OPERATOR ? List.of()
                : pending.stream().map(p -> (Object) p.profile().creditCode()).distinct().toList();
        if (!codes.isEmpty()) {
            jdbc.query("select credit_code, park_id from enterprise where credit_code in ("
                + String.join(",", Collections.nCopies(codes.size(), "?")) + ")", (RowCallbackHandler) rs -> {
                    existing.add(rs.getString(1));
                    existingPark.put(rs.getString(1), rs.getString(2));
                }, codes.toArray());
        }
        List<Pending> ok = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            String code = p.profile().creditCode();
            if (scope.role() == Role.PARK_OPERATOR) {
                String current = existingPark.get(code);
                String effective = p.park() != null ? p.park() : current;
                if (existing.contains(code) && (current == null || !scope.parks().contains(current))) {
                    tally.rejected++;
                    problems.add(new ImportProblem((int) p.row(), Field.CREDIT_CODE.id(), code, "ERROR",
                            "该企业已登记在您管理的园区之外，不能由您导入",
                            "this firm is registered outside your parks and cannot be imported by you"));
                    continue;
                }
                if (effective == null) {
                    tally.rejected++;
                    problems.add(new ImportProblem((int) p.row(), "park", "", "ERROR",
                            "园区运营方导入的新企业必须填写本园区", "a park operator must give the park of a new firm"));
                    continue;
                }
            }
            ok.add(p);
            tally.valid++;
            if (!p.warnings().isEmpty()) {
                tally.warned++;
                for (Problem w : p.warnings()) {
                    problems.add(problem(w));
                }
            }
        }
        jdbc.batchUpdate("insert into import_row (import_id, row_no, credit_code, fiscal_year, park_id, data, name, "
                + "industry_code, region_code, revenue, rd_expense, employees) values (?,?,?,?,?,?,?,?,?,?,?,?)", ok,
                STAGE_CHUNK, (ps, p) -> {
                    Profile pr = p.profile();
                    ps.setLong(1, id);
                    ps.setInt(2, (int) p.row());
                    ps.setString(3, pr.creditCode());
                    ps.setInt(4, p.fiscalYear());
                    ps.setString(5, p.park());
                    ps.setString(6, ProfileJson.encode(pr, ProfileJson.YEARLY));
                    ps.setString(7, pr.name());
                    ps.setString(8, pr.text(Field.INDUSTRY_CODE));
                    ps.setString(9, pr.has(Field.REGION_CODE) ? pr.text(Field.REGION_CODE) : null);
                    ps.setBigDecimal(10, decimal(pr, Field.REVENUE_Y1));
                    ps.setBigDecimal(11, decimal(pr, Field.RD_EXPENSE_Y1));
                    if (pr.has(Field.EMPLOYEES_Y1)) {
                        ps.setInt(12, new java.math.BigDecimal(ProfileValues.format(pr, Field.EMPLOYEES_Y1)).intValue());
                    } else {
                        ps.setNull(12, java.sql.Types.INTEGER);
                    }
                });
        pending.clear();
        if (problems.size() >= STAGE_CHUNK) {
            insertProblems(id, problems);
        }
    }

    private static java.math.BigDecimal decimal(Profile p, Field f) {
        return p.has(f) ? new java.math.BigDecimal(ProfileValues.format(p, f)) : null;
    }

    private void insertProblems(long id, List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into import_problem (import_id, row_no, column_name, cell_value, severity, message_zh, "
                + "message_en) values (?,?,?,?,?,?,?)", problems, STAGE_CHUNK, (ps, p) -> {
                    ps.setLong(1, id);
                    ps.setInt(2, p.row());
                    ps.setString(3, truncate(p.column(), 64));
                    ps.setString(4, truncate(p.value(), 500));
                    ps.setString(5, p.severity());
                    ps.setString(6, truncate(p.zh(), 1000));
                    ps.setString(7, truncate(p.en(), 1000));
                });
        problems.clear();
    }

    // ------------------------------------------------------------------------------------ commit

    /**
     * Writes the valid rows of a batch in one transaction (see the class comment). Returns the batch
     * as it then stands: COMMITTED, or FAILED with the error when anything went wrong (in which case
     * nothing of it was written).
     */
    public ImportBatch commit(Scope scope, long id) {
        ImportBatch batch = require(scope, id);
        if (!batch.preview()) {
            throw new BilingualException(HttpStatus.CONFLICT, "该批次状态为 " + batch.status() + "，不能提交",
                    "the batch is " + batch.status() + " and cannot be committed");
        }
        long t0 = System.nanoTime();
        try {
            tx.executeWithoutResult(s -> write(scope, id, t0));
        } catch (BilingualException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                throw e;
            }
            fail(id, e.zh(), e.en(), e);
        } catch (RuntimeException e) {
            String detail = rootMessage(e);
            fail(id, "提交失败，未写入任何数据：" + detail, "commit failed, nothing was written: " + detail, e);
        }
        return find(scope, id).orElseThrow();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return truncate(m.replaceAll("\\s+", " "), 600);
    }

    private void fail(long id, String zh, String en, Exception e) {
        log.warn("import {} failed: {}", id, en, e);
        txNew.executeWithoutResult(s -> {
            jdbc.update("update import_batch set status = 'FAILED', error = ? where id = ? and status = 'PREVIEW'",
                    truncate(zh + " / " + en, 2000), id);
            audit.record("IMPORT_FAILED", "import_batch", String.valueOf(id), Map.of("status", "PREVIEW"),
                    Map.of("status", "FAILED", "error", truncate(en, 500)));
        });
    }

    /** Test hook: the next commits fail after this many rows have been written (negative: never). */
    public void failCommitsAfter(int rows) {
        this.failAfterRows = rows;
    }


    /** Rows of a batch that are the last staged row of their firm (what the firm's card becomes). */
    private static final String LAST_ROW_OF_FIRM = "r.row_no = (select max(r2.row_no) from import_row r2 "
            + "where r2.import_id = r.import_id and r2.credit_code = r.credit_code)";

    /**
     * The commit, inside its transaction: (1) for a park operator, no row may touch a firm outside
     * its parks; (2) existing firms whose card changes (name, industry, region, park from the firm's
     * last row) are updated, each with an audit record; (3) existing firm-years are updated through
     * {@link RegistryStore#upsertYears}, a chunk at a time, which records every changed value;
     * (4) new firms and (5) new firm-years are inserted with one INSERT ... SELECT each.
     */
    private void write(Scope scope, long id, long t0) {
        int claimed = jdbc.update("update import_batch set status = 'COMMITTING' where id = ? and status = 'PREVIEW'", id);
        if (claimed != 1) {
            throw new BilingualException(HttpStatus.CONFLICT, "该批次已被提交或放弃", "the batch was already committed or discarded");
        }
        LocalDateTime now = LocalDateTime.now(AuditTrail.ZONE);
        Timestamp ts = Timestamp.valueOf(now);
        String actor = scope.username();
        if (scope.role() == Role.PARK_OPERATOR) {
            List<Object> args = new ArrayList<>();
            args.add(id);
            List<String> parks = new ArrayList<>(new TreeSet<>(scope.parks()));
            String in = String.join(",", Collections.nCopies(parks.size(), "?"));
            args.addAll(parks);
            args.addAll(parks);
            List<String> outside = jdbc.queryForList("select r.row_no || ' ' || r.credit_code from import_row r "
                    + "left join enterprise e on e.credit_code = r.credit_code where r.import_id = ? and ("
                    + "(e.credit_code is not null and (e.park_id is null or e.park_id not in (" + in + "))) "
                    + "or coalesce(r.park_id, e.park_id) is null or coalesce(r.park_id, e.park_id) not in (" + in + ")) "
                    + "order by r.row_no fetch first 1 rows only", String.class, args.toArray());
            if (!outside.isEmpty()) {
                throw BilingualException.badRequest("第" + outside.get(0) + " 行的企业不在您管理的园区内，未写入任何数据",
                        "row " + outside.get(0) + ": the firm is outside your parks; nothing was written");
            }
        }
        // (2) cards of existing firms that change
        List<Enterprise[]> changed = jdbc.query("select " + FIRM + ", r.name, r.industry_code, "
                + "coalesce(r.region_code, e.region_code), coalesce(r.park_id, e.park_id), "
                + "coalesce(e.focus_industry, p.focus_industry) from import_row r join enterprise e "
                + "on e.credit_code = r.credit_code left join park p on p.id = coalesce(r.park_id, e.park_id) "
                + "where r.import_id = ? and " + LAST_ROW_OF_FIRM + " and (r.name <> e.name or r.industry_code <> "
                + "e.industry_code or coalesce(r.region_code, e.region_code, '') <> coalesce(e.region_code, '') "
                + "or coalesce(r.park_id, e.park_id, '') <> coalesce(e.park_id, '')) order by r.row_no", (rs, n) -> {
                    Enterprise before = mapFirm(rs);
                    Enterprise after = new Enterprise(before.creditCode(), rs.getString(14), rs.getString(15),
                            rs.getString(16), before.regionName(), rs.getString(17), rs.getString(18),
                            before.contactName(), before.contactPhone(), before.contactEmail(), before.chainNodes(),
                            before.createdAt(), now);
                    return new Enterprise[] {before, after};
                }, id);
        for (Enterprise[] c : changed) {
            audit.record("FIRM_UPDATED", "enterprise", c[1].creditCode(), card(c[0]), card(c[1]));
        }
        jdbc.batchUpdate("update enterprise set name = ?, industry_code = ?, region_code = ?, park_id = ?, "
                + "focus_industry = ?, updated_at = ? where credit_code = ?", changed, 1000, (ps, c) -> {
                    ps.setString(1, c[1].name());
                    ps.setString(2, c[1].industryCode());
                    ps.setString(3, c[1].regionCode());
                    ps.setString(4, c[1].parkId());
                    ps.setString(5, c[1].focusIndustry());
                    ps.setTimestamp(6, ts);
                    ps.setString(7, c[1].creditCode());
                });
        // (3) existing firm-years: compared field by field, changes recorded
        int done = 0;
        int updated = 0;
        int changes = 0;
        Integer maxRow = jdbc.queryForObject("select max(row_no) from import_row where import_id = ?", Integer.class, id);
        // ranges of row numbers (not "the next N existing rows", which would rescan the batch for every chunk)
        for (int from = 0; maxRow != null && from < maxRow; from += COMMIT_CHUNK) {
            List<IndicatorYear> chunk = new ArrayList<>();
            jdbc.query("select r.credit_code, r.fiscal_year, r.data from import_row r where r.import_id = ? "
                    + "and r.row_no > ? and r.row_no <= ? and exists (select 1 from indicator_year y "
                    + "where y.credit_code = r.credit_code and y.fiscal_year = r.fiscal_year) order by r.row_no",
                    (RowCallbackHandler) rs -> chunk.add(new IndicatorYear(rs.getString(1), rs.getInt(2),
                            ProfileJson.toMap(rs.getString(3)))), id, from, from + COMMIT_CHUNK);
            if (chunk.isEmpty()) {
                continue;
            }
            RegistryStore.UpsertResult result = store.upsertYears(chunk, id, actor);
            updated += result.updated();
            changes += result.changes().size();
            done += chunk.size();
            checkInjectedFailure(done);
        }
        // (4) new firms, from their last row
        int firmsCreated = jdbc.update("insert into enterprise (credit_code, name, industry_code, region_code, region_name, "
                + "park_id, focus_industry, created_at, updated_at) select r.credit_code, r.name, r.industry_code, "
                + "r.region_code, ?, r.park_id, p.focus_industry, ?, ? from import_row r left join park p on p.id = r.park_id "
                + "where r.import_id = ? and " + LAST_ROW_OF_FIRM + " and not exists (select 1 from enterprise e "
                + "where e.credit_code = r.credit_code)", defaultRegionName, ts, ts, id);
        // (5) new firm-years (rows are unique per firm and fiscal year within a batch)
        int inserted = jdbc.update("insert into indicator_year (credit_code, fiscal_year, revenue, rd_expense, employees, "
                + "data, import_id, updated_at) select r.credit_code, r.fiscal_year, r.revenue, r.rd_expense, r.employees, "
                + "r.data, r.import_id, ? from import_row r where r.import_id = ? and not exists (select 1 from "
                + "indicator_year y where y.credit_code = r.credit_code and y.fiscal_year = r.fiscal_year)", ts, id);
        done += inserted;
        checkInjectedFailure(done);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        jdbc.update("update import_batch set status = 'COMMITTED', committed_at = ?, rows_inserted = ?, rows_updated = ?, "
                + "changes_recorded = ?, millis_committed = ? where id = ?", ts, inserted, updated, changes, ms, id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "COMMITTED");
        after.put("rows", done);
        after.put("years_inserted", inserted);
        after.put("years_updated", updated);
        after.put("changes", changes);
        after.put("firms_created", firmsCreated);
        after.put("firms_changed", changed.size());
        audit.record("IMPORT_COMMITTED", "import_batch", String.valueOf(id), Map.of("status", "PREVIEW"), after);
        log.info("import {} committed: {} rows, {} firm-years new, {} updated, {} changes, {} firms new, {} changed, in {} ms",
                id, done, inserted, updated, changes, firmsCreated, changed.size(), ms);
    }

    private void checkInjectedFailure(int done) {
        int limit = failAfterRows;
        if (limit >= 0 && done >= limit) {
            throw new IllegalStateException("simulated failure after " + done + " rows (test hook)");
        }
    }

    private static final String FIRM = "e.credit_code, e.name, e.industry_code, e.region_code, e.region_name, "
            + "e.park_id, e.focus_industry, e.contact_name, e.contact_phone, e.contact_email, e.chain_nodes, "
            + "e.created_at, e.updated_at";

    private static Enterprise mapFirm(ResultSet rs) throws SQLException {
        return new Enterprise(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getTimestamp(12).toLocalDateTime(), rs.getTimestamp(13).toLocalDateTime());
    }

    private static Map<String, Object> card(Enterprise e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("industry_code", e.industryCode());
        m.put("region_code", e.regionCode());
        m.put("park_id", e.parkId());
        return m;
    }

    /** Drops a preview: the staged rows are deleted, the batch and its problems stay listed. */
    public ImportBatch discard(Scope scope, long id) {
        ImportBatch batch = require(scope, id);
        if (!batch.preview()) {
            throw new BilingualException(HttpStatus.CONFLICT, "该批次状态为 " + batch.status() + "，不能放弃",
                    "the batch is " + batch.status() + " and cannot be discarded");
        }
        tx.executeWithoutResult(s -> {
            int n = jdbc.update("update import_batch set status = 'DISCARDED' where id = ? and status = 'PREVIEW'", id);
            if (n != 1) {
                throw new BilingualException(HttpStatus.CONFLICT, "该批次已被提交或放弃", "the batch was already committed or discarded");
            }
            jdbc.update("delete from import_row where import_id = ?", id);
            audit.record("IMPORT_DISCARDED", "import_batch", String.valueOf(id), Map.of("status", "PREVIEW"),
                    Map.of("status", "DISCARDED"));
        });
        return find(scope, id).orElseThrow();
    }

    // ------------------------------------------------------------------------------------ reads

    private String visibility(Scope scope) {
        return scope.regionWide() ? "1 = 1" : "uploaded_by = ?";
    }

    private Object[] visibilityArgs(Scope scope, Object... more) {
        List<Object> a = new ArrayList<>();
        if (!scope.regionWide()) {
            a.add(scope.username());
        }
        a.addAll(List.of(more));
        return a.toArray();
    }

    /** A batch the scope may see (region-wide roles: every batch; park operators: their own uploads). */
    public Optional<ImportBatch> find(Scope scope, long id) {
        if (!scope.canImport()) {
            return Optional.empty();
        }
        return jdbc.query("select " + BATCH_COLUMNS + " from import_batch where id = ? and " + visibility(scope),
                (rs, n) -> batch(rs), prepend(id, visibilityArgs(scope))).stream().findFirst();
    }

    /** The batch, or 404 when it does not exist or is not the scope's; 403 without the import right. */
    public ImportBatch require(Scope scope, long id) {
        CurrentUser.require(scope.canImport(), "数据导入 / imports");
        return find(scope, id).orElseThrow(() -> BilingualException.notFound("导入批次 " + id + " 不存在",
                "import " + id + " does not exist"));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] a = new Object[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }

    /** The latest batches the scope may see, newest first. */
    public List<ImportBatch> list(Scope scope, int limit) {
        CurrentUser.require(scope.canImport(), "数据导入 / imports");
        return jdbc.query("select " + BATCH_COLUMNS + " from import_batch where " + visibility(scope)
                + " order by id desc fetch first " + Math.max(1, Math.min(limit, 500)) + " rows only",
                (rs, n) -> batch(rs), visibilityArgs(scope));
    }

    public long problemCount(long id) {
        Long n = jdbc.queryForObject("select count(*) from import_problem where import_id = ?", Long.class, id);
        return n == null ? 0 : n;
    }

    /** Problems of a batch by row and column, a page at a time (the caller has checked the batch). */
    public List<ImportProblem> problems(long id, int offset, int limit) {
        return jdbc.query("select row_no, column_name, cell_value, severity, message_zh, message_en from import_problem "
                + "where import_id = ? order by row_no, id offset ? rows fetch next ? rows only",
                (rs, n) -> new ImportProblem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), id, Math.max(0, offset), Math.max(1, Math.min(limit, 1000)));
    }

    /** The first valid rows of a batch, marked new or update (the caller has checked the batch). */
    public List<StagedRow> sample(long id, int limit) {
        return jdbc.query("select r.row_no, r.credit_code, r.name, r.industry_code, r.park_id, r.fiscal_year, "
                + "case when exists (select 1 from enterprise e where e.credit_code = r.credit_code) then 0 else 1 end, "
                + "case when exists (select 1 from indicator_year y where y.credit_code = r.credit_code "
                + "and y.fiscal_year = r.fiscal_year) then 0 else 1 end, r.data from import_row r where r.import_id = ? "
                + "order by r.row_no fetch first " + Math.max(1, Math.min(limit, 200)) + " rows only",
                (rs, n) -> new StagedRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7) == 1, rs.getInt(8) == 1, ProfileJson.toMap(rs.getString(9))), id);
    }

    private static ImportBatch batch(ResultSet rs) throws SQLException {
        Timestamp up = rs.getTimestamp(5);
        Timestamp co = rs.getTimestamp(18);
        return new ImportBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                up == null ? null : up.toLocalDateTime(), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getString(14), rs.getInt(15),
                rs.getInt(16), rs.getInt(17), co == null ? null : co.toLocalDateTime(), rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getObject(22, Long.class), rs.getObject(23, Long.class),
                rs.getObject(24, Long.class));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Park names as written in files: id (LIJIA), Chinese name (礼嘉, 礼嘉专精特新产业园), English name. */
    static final class Parks {
        private final Map<String, String> byName = new HashMap<>();
        private final List<String> ids = new ArrayList<>();

        Parks(JdbcTemplate jdbc) {
            jdbc.query("select id, name_zh, name_en from park order by id", (RowCallbackHandler) rs -> {
                String id = rs.getString(1);
                ids.add(id);
                byName.put(id.toLowerCase(Locale.ROOT), id);
                String zh = rs.getString(2);
                byName.put(zh.toLowerCase(Locale.ROOT), id);
                byName.put(rs.getString(3).toLowerCase(Locale.ROOT), id);
                for (String suffix : List.of("专精特新产业园", "产业园", "园区")) {
                    if (zh.endsWith(suffix) && zh.length() > suffix.length()) {
                        String shortName = zh.substring(0, zh.length() - suffix.length());
                        byName.put(shortName, id);
                        byName.put(shortName + "园区", id);
                        byName.put(shortName + "产业园", id);
                        break;
                    }
                }
            });
        }

        String resolve(String cell) {
            return byName.get(cell.trim().toLowerCase(Locale.ROOT));
        }

        String hint() {
            return String.join("/", ids);
        }
    }
}
