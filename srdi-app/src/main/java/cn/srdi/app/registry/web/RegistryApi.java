package cn.srdi.app.registry.web;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.FirmDirectory;
import cn.srdi.app.registry.FirmFilter;
import cn.srdi.app.registry.FirmPage;
import cn.srdi.app.registry.FirmRow;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.registry.imports.ImportBatch;
import cn.srdi.app.registry.imports.ImportProblem;
import cn.srdi.app.registry.imports.ImportService;
import cn.srdi.app.registry.imports.StagedRow;
import cn.srdi.app.web.BilingualException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * REST API of the registry, scoped exactly like the pages: every read filters by the caller's
 * {@link Scope} in SQL, a firm outside the scope is 404, indicators need
 * {@link Scope#canReadIndicators()} (else 403), imports {@link Scope#canImport()}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "registry", description = "企业库(一企一档)与数据导入 / firm registry and imports")
class RegistryApi {

    private final FirmDirectory directory;
    private final RegistryStore store;
    private final ImportService imports;

    RegistryApi(FirmDirectory directory, RegistryStore store, ImportService imports) {
        this.directory = directory;
        this.store = store;
        this.imports = imports;
    }

    /** A firm as the API shows it (contacts masked for scopes without contacts). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FirmJson(String creditCode, String name, String industryCode, String industryName, String regionCode,
                    String regionName, String parkId, String focusIndustry, String contactName, String contactPhone,
                    String contactEmail, List<String> chainNodes, List<HeldJson> titles, Integer latestFiscalYear,
                    BigDecimal revenue, BigDecimal rdExpense, Integer employees, LocalDateTime createdAt,
                    LocalDateTime updatedAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HeldJson(String tier, LocalDate expiresOn) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FirmListJson(long total, int page, int size, int pages, List<FirmJson> items) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TitleJson(long id, String tier, String tierZh, String tierEn, LocalDate recognisedOn, LocalDate expiresOn,
                     String status, boolean inForce, String note) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record YearJson(int fiscalYear, Map<String, String> values) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChangeJson(long id, int fiscalYear, String field, String before, String after, Long importId,
                      LocalDateTime changedAt, String changedBy) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PreviewJson(ImportBatch batch, long problemCount, List<ImportProblem> problems, List<StagedRow> sample) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProblemsJson(long total, int offset, int limit, List<ImportProblem> items) {
    }

    private static FirmJson json(FirmRow r) {
        Enterprise e = r.firm();
        return new FirmJson(e.creditCode(), e.name(), e.industryCode(), r.industryName(), e.regionCode(), e.regionName(),
                e.parkId(), e.focusIndustry(), e.contactName(), e.contactPhone(), e.contactEmail(), nodes(e.chainNodes()),
                r.titles().stream().map(t -> new HeldJson(t.tier(), t.expiresOn())).toList(), r.latestYear(),
                r.revenue(), r.rdExpense(), r.employees(), e.createdAt(), e.updatedAt());
    }

    private static List<String> nodes(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(";"));
    }

    @GetMapping("/enterprises")
    @Operation(summary = "企业列表(按权限范围过滤、分页) / list firms in the caller's scope, filtered and paginated",
            description = "q: part of the name or start of the credit code; park: LIJIA/ZHAOMUSHAN/DADI/TIANHAIXING or NONE; "
                    + "industry: GB/T 4754 prefix (C, C35, 3563); tier: a title in force; expiring: titles expiring within N days; "
                    + "sort: code|name|industry|park|updated; dir: asc|desc; page from 0; size up to 200.")
    FirmListJson list(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "park", required = false) String park,
                      @RequestParam(name = "industry", required = false) String industry, @RequestParam(name = "tier", required = false) String tier,
                      @RequestParam(name = "expiring", required = false) Integer expiring, @RequestParam(name = "sort", required = false) String sort,
                      @RequestParam(name = "dir", required = false) String dir, @RequestParam(name = "page", defaultValue = "0") int page,
                      @RequestParam(name = "size", defaultValue = "20") int size) {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canReadRegistry(), "企业库 / firm registry");
        FirmPage p = directory.search(scope, new FirmFilter(q, park, industry, tier, expiring, sort, dir, page, size));
        return new FirmListJson(p.total(), p.page(), p.size(), p.pages(), p.rows().stream().map(RegistryApi::json).toList());
    }

    private Enterprise firm(Scope scope, String code) {
        CurrentUser.require(scope.canReadRegistry(), "企业库 / firm registry");
        return store.find(scope, code).orElseThrow(() -> FirmPages.notFound(code));
    }

    @GetMapping("/enterprises/{code}")
    @Operation(summary = "企业档案 / one firm's card", description = "404 when the firm is unknown or outside the caller's scope.")
    FirmJson one(@PathVariable("code") String code) {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canReadRegistry(), "企业库 / firm registry");
        firm(scope, code);
        FirmPage p = directory.search(scope, new FirmFilter(code, null, null, null, null, null, null, 0, 5));
        return p.rows().stream().filter(r -> r.firm().creditCode().equals(code)).findFirst().map(RegistryApi::json)
                .orElseThrow(() -> FirmPages.notFound(code));
    }

    @GetMapping("/enterprises/{code}/titles")
    @Operation(summary = "企业称号(含认定与到期日期、状态) / titles held, with recognition and expiry dates and status")
    List<TitleJson> titles(@PathVariable("code") String code) {
        Scope scope = CurrentUser.scope();
        firm(scope, code);
        LocalDate today = LocalDate.now(AuditTrail.ZONE);
        return store.titles(code).stream().map(t -> new TitleJson(t.id(), t.tier().name(), t.tier().zh(), t.tier().en(),
                t.recognisedOn(), t.expiresOn(), t.status().name(), t.inForceOn(today), t.note())).toList();
    }

    @GetMapping("/enterprises/{code}/indicators")
    @Operation(summary = "年度指标(每个财务年度) / yearly indicators per fiscal year",
            description = "403 for roles that do not read indicators (finance, handler, expert).")
    List<YearJson> indicators(@PathVariable("code") String code) {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canReadIndicators(), "年度指标 / indicators");
        firm(scope, code);
        return store.years(code).stream().map(y -> new YearJson(y.fiscalYear(), y.values())).toList();
    }

    @GetMapping("/enterprises/{code}/changes")
    @Operation(summary = "指标变更记录(前值/后值) / recorded changes of indicators, before and after")
    List<ChangeJson> changes(@PathVariable("code") String code, @RequestParam(name = "limit", defaultValue = "500") int limit) {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canReadIndicators(), "年度指标 / indicators");
        firm(scope, code);
        return directory.changes(code, limit).stream().map(c -> new ChangeJson(c.id(), c.fiscalYear(), c.field(),
                c.before(), c.after(), c.importId(), c.changedAt(), c.changedBy())).toList();
    }

    @GetMapping("/parks")
    @Operation(summary = "园区及范围内企业数 / parks with the number of firms in the caller's scope")
    List<FirmDirectory.ParkInfo> parks() {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canReadRegistry(), "企业库 / firm registry");
        return directory.parks(scope);
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传导入文件并生成预览 / upload a file (XLSX or CSV, GRADING.md §8 columns plus park and fiscal_year) and get its preview",
            description = "Nothing is written to the registry until POST /api/v1/imports/{id}/commit. A file that cannot be "
                    + "read as a whole is refused with 400 and a bilingual message.")
    PreviewJson upload(@Parameter(description = "XLSX or CSV file") @RequestPart("file") MultipartFile file)
            throws IOException {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canImport(), "数据导入 / imports");
        if (file == null || file.isEmpty()) {
            throw BilingualException.badRequest("上传的文件为空", "the uploaded file is empty");
        }
        ImportBatch b = imports.upload(scope, file.getOriginalFilename(), file.getInputStream());
        return preview(b);
    }

    private PreviewJson preview(ImportBatch b) {
        return new PreviewJson(b, imports.problemCount(b.id()), imports.problems(b.id(), 0, 100),
                b.preview() || b.committed() ? imports.sample(b.id(), 20) : List.of());
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "导入批次预览/结果 / an import's preview or result")
    PreviewJson batch(@PathVariable("id") long id) {
        return preview(imports.require(CurrentUser.scope(), id));
    }

    @GetMapping("/imports")
    @Operation(summary = "导入批次列表 / past imports visible to the caller")
    List<ImportBatch> batches() {
        return imports.list(CurrentUser.scope(), 100);
    }

    @GetMapping("/imports/{id}/problems")
    @Operation(summary = "导入问题(按行、列) / problems of an import by row and column, paginated")
    ProblemsJson problems(@PathVariable("id") long id, @RequestParam(name = "offset", defaultValue = "0") int offset,
                          @RequestParam(name = "limit", defaultValue = "100") int limit) {
        imports.require(CurrentUser.scope(), id);
        int l = Math.max(1, Math.min(limit, 1000));
        return new ProblemsJson(imports.problemCount(id), Math.max(0, offset), l, imports.problems(id, offset, l));
    }

    @PostMapping("/imports/{id}/commit")
    @Operation(summary = "提交导入(全部或全不) / commit an import's valid rows, all or nothing",
            description = "Rows with problems are never committed. On failure nothing is written, the batch is FAILED "
                    + "and the answer is 500 with the error.")
    ImportBatch commit(@PathVariable("id") long id) {
        ImportBatch b = imports.commit(CurrentUser.scope(), id);
        if (!b.committed()) {
            String[] err = b.error() == null ? new String[] {"提交失败", "commit failed"} : split(b.error());
            throw new BilingualException(HttpStatus.INTERNAL_SERVER_ERROR, "导入批次 " + id + " 提交失败，未写入任何数据：" + err[0],
                    "import " + id + " failed, nothing was written: " + err[1]);
        }
        return b;
    }

    private static String[] split(String error) {
        int i = error.indexOf(" / ");
        return i < 0 ? new String[] {error, error} : new String[] {error.substring(0, i), error.substring(i + 3)};
    }

    @PostMapping("/imports/{id}/discard")
    @Operation(summary = "放弃预览 / discard a preview")
    ImportBatch discard(@PathVariable("id") long id) {
        return imports.discard(CurrentUser.scope(), id);
    }
}
