package cn.srdi.app.grading.web;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.grading.GradeRun;
import cn.srdi.app.grading.GradingService;
import cn.srdi.app.grading.RuleChoice;
import cn.srdi.app.grading.SandboxService;
import cn.srdi.app.grading.StoredGrade;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.output.GradeJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** REST API of grading, scoped like the pages. Grades are written in the GRADING.md §9 format. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Grading", description = "评价、全区评价、复算与政策沙盘 / grades, region runs, reproduction and the policy sandbox")
class GradingApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GradingService grading;
    private final SandboxService sandbox;

    GradingApi(GradingService grading, SandboxService sandbox) {
        this.grading = grading;
        this.sandbox = sandbox;
    }

    /** Body of POST /runs and POST /sandbox. */
    record RunRequest(@com.fasterxml.jackson.annotation.JsonProperty("assessment_date")
                      @com.fasterxml.jackson.annotation.JsonAlias("assessmentDate") LocalDate assessmentDate,
                      String rules, Map<String, String> settings) {
    }

    @PostMapping("/grades/firms/{code}")
    @Operation(summary = "Grade a firm now", description = "Grades the firm from the registry at the date (default today) and stores the grade; "
            + "answers the grade in the GRADING.md §9 format plus run_id, rules_digest and graded_at.")
    ResponseEntity<JsonNode> gradeNow(@PathVariable("code") String code,
                                      @RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                      @RequestParam(name = "rules", defaultValue = "auto") String rules,
                                      @RequestParam(name = "type", defaultValue = "NEW") ApplicationType type) {
        Scope s = CurrentUser.scope();
        StoredGrade g = grading.gradeFirm(s, code, date == null ? LocalDate.now(AuditTrail.ZONE) : date, RuleChoice.of(rules), type);
        return ResponseEntity.status(HttpStatus.CREATED).body(json(grading.grade(s, g.runId(), code)));
    }

    @GetMapping("/grades/firms/{code}")
    @Operation(summary = "Latest grade of a firm", description = "Full detail of the latest official grade, GRADING.md §9 format.")
    JsonNode latest(@PathVariable("code") String code) {
        return grading.latest(CurrentUser.scope(), code).map(GradingApi::json).orElseThrow(() -> BilingualException.notFound(
                "企业 " + code + " 尚无评价", "enterprise " + code + " has no grade yet"));
    }

    @GetMapping("/grades/firms/{code}/history")
    @Operation(summary = "Grade history of a firm", description = "Every official grade of the firm, newest first.")
    List<Map<String, Object>> history(@PathVariable("code") String code) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredGrade g : grading.history(CurrentUser.scope(), code)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", g.runId());
            m.put("kind", g.kind());
            m.put("assessment_date", g.assessmentDate().toString());
            m.put("graded_at", g.gradedAt().toString());
            m.put("rules", g.rules());
            m.put("settings", g.settings());
            m.put("rules_digest", g.rulesDigest());
            m.put("summary", g.summary());
            out.add(m);
        }
        return out;
    }

    @GetMapping("/grades/runs")
    @Operation(summary = "Grading runs", description = "Region, sandbox and single runs, newest first (ADMIN, OFFICIAL).")
    List<Map<String, Object>> runs(@RequestParam(name = "kind", defaultValue = "REGION") List<String> kind,
                                   @RequestParam(name = "limit", defaultValue = "50") int limit) {
        return grading.runs(CurrentUser.scope(), kind, limit).stream().map(GradingApi::run).toList();
    }

    @PostMapping("/grades/runs")
    @Operation(summary = "Start a region run", description = "Grades every firm of the region in the background; one region run at a time "
            + "(409 while one is running). Poll GET /api/v1/grades/runs/{id}.")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) RunRequest body) {
        LocalDate date = body == null || body.assessmentDate() == null ? LocalDate.now(AuditTrail.ZONE) : body.assessmentDate();
        GradeRun r = grading.startRegionRun(CurrentUser.scope(), date, RuleChoice.of(body == null ? null : body.rules()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run(r));
    }

    @GetMapping("/grades/runs/{id}")
    @Operation(summary = "A run and its progress", description = "done/total, rate, and when done the firms per eligible tier.")
    Map<String, Object> progress(@PathVariable("id") long id) {
        Scope s = CurrentUser.scope();
        GradeRun r = grading.run(s, id).orElseThrow(() -> BilingualException.notFound("没有编号为 " + id + " 的运行", "no run " + id));
        Map<String, Object> m = run(r);
        if (GradeRun.DONE.equals(r.status()) && !GradeRun.SINGLE.equals(r.kind())) {
            m.put("eligible", grading.pyramid(s, id));
        }
        return m;
    }

    @GetMapping("/grades/runs/{id}/reproduce/{code}")
    @Operation(summary = "Reproduce a stored grade", description = "Re-grades the stored input snapshot with the stored rules and settings "
            + "and compares the result with the stored summary.")
    GradingService.Reproduction reproduce(@PathVariable("id") long id, @PathVariable("code") String code) {
        return grading.reproduce(CurrentUser.scope(), id, code);
    }

    @PostMapping("/sandbox")
    @Operation(summary = "Run the policy sandbox", description = "Re-grades the region under another rule set and/or changed thresholds "
            + "(engine keys, KEY or ruleSet:KEY) and compares with the base; never changes official grades.")
    ResponseEntity<Map<String, Object>> sandboxRun(@RequestBody RunRequest body) {
        Scope s = CurrentUser.scope();
        LocalDate date = body.assessmentDate() != null ? body.assessmentDate()
                : grading.latestRegionRun().map(GradeRun::assessmentDate).orElse(LocalDate.now(AuditTrail.ZONE));
        GradeRun r = sandbox.run(s, date, body.rules(), body.settings());
        SandboxService.Comparison c = sandbox.compare(s, r.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run(c.run()));
        m.put("base", run(c.base()));
        m.put("firms", c.firms());
        m.put("gained", c.gainedTotal());
        m.put("lost", c.lostTotal());
        m.put("tiers", c.tiers());
        m.put("by_park", c.byPark());
        m.put("by_section", c.bySection());
        m.put("changed", c.changes().size());
        return ResponseEntity.status(HttpStatus.CREATED).body(m);
    }

    @GetMapping("/sandbox/{runId}/changes")
    @Operation(summary = "Changed firms of a sandbox run", description = "Paginated (page from 1).")
    Map<String, Object> sandboxChanges(@PathVariable("runId") long runId, @RequestParam(name = "page", defaultValue = "1") int page,
                                       @RequestParam(name = "size", defaultValue = "100") int size) {
        SandboxService.Comparison c = sandbox.compare(CurrentUser.scope(), runId);
        int sz = Math.max(1, Math.min(size, 1000));
        int from = Math.min(c.changes().size(), (Math.max(1, page) - 1) * sz);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("total", c.changes().size());
        m.put("page", Math.max(1, page));
        m.put("size", sz);
        m.put("changes", c.changes().subList(from, Math.min(c.changes().size(), from + sz)));
        return m;
    }

    static Map<String, Object> run(GradeRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind());
        m.put("status", r.status());
        m.put("assessment_date", r.assessmentDate().toString());
        m.put("rules", r.rules());
        m.put("settings", r.settings());
        m.put("rules_digest", r.rulesDigest());
        m.put("started_by", r.startedBy());
        m.put("started_at", r.startedAt().toString());
        m.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
        m.put("total", r.total());
        m.put("done", r.done());
        m.put("skipped", r.skipped());
        m.put("percent", r.percent());
        m.put("rate_per_second", r.rate());
        m.put("base_run_id", r.baseRunId());
        m.put("error", r.error());
        return m;
    }

    /** The grade in the GRADING.md §9 format, plus where it is stored. */
    static JsonNode json(GradingService.FirmGrade f) {
        StringWriter w = new StringWriter();
        try (GradeJson out = new GradeJson(w)) {
            out.write(f.grade());
        }
        ObjectNode node = (ObjectNode) JSON.readTree(w.toString());
        node.put("run_id", f.stored().runId());
        node.put("run_kind", f.stored().kind());
        node.put("rules", f.stored().rules());
        node.put("settings", f.stored().settings());
        node.put("rules_digest", f.stored().rulesDigest());
        node.put("rules_unchanged", f.rulesUnchanged());
        node.put("graded_at", f.stored().gradedAt().toString());
        return node;
    }
}
