package cn.srdi.app.titles;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.BilingualException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of title management after recognition (动态管理); scopes are enforced in SQL. */
@RestController
@RequestMapping("/api/v1/titles")
@Tag(name = "titles", description = "称号动态管理：年度更新、重大变更、复核、撤销与禁止申报 / titles after recognition: "
        + "yearly update, major changes, re-review, revocation and bans")
class TitlesApi {

    private final TitleService titles;
    private final TitleJobs jobs;

    TitlesApi(TitleService titles, TitleJobs jobs) {
        this.titles = titles;
        this.jobs = jobs;
    }

    /** A title with the steps allowed now and its history. */
    record Detail(TitleView title, List<String> allowed, List<AuditTrail.Event> history) {
    }

    /** A firm's page: titles, the next update deadline, flags, change reports and bans. */
    record FirmTitles(String creditCode, List<TitleView> titles, UpdateDeadline nextDeadline, List<Map<String, Object>> flags,
                      List<ChangeReport> changeReports, List<Ban> bans) {
    }

    /** A reason for a step. */
    record ReasonBody(String reason) {
    }

    /** A re-review decision. */
    record DecisionBody(Boolean pass, String reason) {
    }

    /** A revocation. */
    record RevokeBody(String ground, String reason) {
    }

    /** A major-change report. */
    record ChangeBody(String type, String changedOn, String details) {
    }

    /** An acknowledgement. */
    record AckBody(String note) {
    }

    @GetMapping
    @Operation(summary = "称号列表 / titles", description = "Titles by view: REVIEW (due for re-review within the window), "
            + "EXPIRING (90 days), FLAGGED, UNDER_REVIEW, REVOKED, LAPSED, HELD, ALL. Roles ADMIN, OFFICIAL, PARK_OPERATOR (own parks).")
    List<TitleView> list(@Parameter(description = "REVIEW (default), EXPIRING, FLAGGED, UNDER_REVIEW, REVOKED, LAPSED, HELD, ALL")
                         @RequestParam(name = "view", required = false) String view,
                         @RequestParam(name = "limit", required = false) Integer limit) {
        return titles.list(CurrentUser.scope(), view(view), limit == null ? 500 : limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "称号详情 / one title", description = "State, re-review, allowed steps and history (audit trail).")
    Detail one(@PathVariable("id") long id) {
        Scope scope = CurrentUser.scope();
        TitleView v = titles.title(scope, id);
        List<AuditTrail.Event> history = scope.role() == Role.ENTERPRISE || scope.canReadCandidates()
                ? titles.history(scope, id) : List.of();
        return new Detail(v, Transitions.allowed(v.state()).keySet().stream().map(Enum::name).toList(), history);
    }

    @GetMapping("/firms/{code}")
    @Operation(summary = "企业的称号 / a firm's titles", description = "The firm's titles, next data update deadline, flags, "
            + "change reports and bans. The firm itself, ADMIN, OFFICIAL, PARK_OPERATOR (own parks).")
    FirmTitles firm(@PathVariable("code") String code) {
        Scope scope = CurrentUser.scope();
        List<TitleView> list = titles.firmTitles(scope, code);
        List<Map<String, Object>> flags = titles.flags(scope, code).stream().map(f -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("year", f[0]);
            m.put("deadline", f[1].toString());
            m.put("fiscalYear", f[2]);
            m.put("ruleSet", f[3]);
            m.put("flaggedAt", f[4].toString());
            m.put("clearedAt", f[5] == null ? null : f[5].toString());
            return m;
        }).toList();
        return new FirmTitles(code, list, titles.deadlines().next(titles.today()), flags,
                titles.reports(scope, code, null, null, 200), titles.bans(scope, code));
    }

    @GetMapping("/deadlines")
    @Operation(summary = "年度数据更新截止日 / yearly update deadline", description = "The deadline of a year and the rule set deciding it "
            + "(April 30 under cn-2022, May 31 under cn-2026); default the next one.")
    UpdateDeadline deadline(@RequestParam(name = "year", required = false) Integer year) {
        CurrentUser.scope();
        return year == null ? titles.deadlines().next(titles.today()) : titles.deadlines().of(year);
    }

    @PostMapping("/{id}/review/open")
    @Operation(summary = "启动复核 / open re-review", description = "IN_FORCE → UNDER_REVIEW, within the review window. ADMIN, OFFICIAL.")
    TitleView openReview(@PathVariable("id") long id, @RequestBody(required = false) ReasonBody body) {
        return titles.openReview(CurrentUser.scope(), id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/review/grade")
    @Operation(summary = "复核评价 / re-grade", description = "Grades the firm with application type REVIEW under the rules in force "
            + "(transition rules applied by the engine) and records the status of the title's tier. ADMIN, OFFICIAL.")
    TitleView grade(@PathVariable("id") long id) {
        return titles.gradeReview(CurrentUser.scope(), id);
    }

    @PostMapping("/{id}/review/decision")
    @Operation(summary = "复核决定 / decide", description = "pass: extends validity by 3 years (needs grade PASS, or REVIEW with a reason); "
            + "fail (reason required): lapses at expiry. ADMIN, OFFICIAL.")
    TitleView decide(@PathVariable("id") long id, @RequestBody DecisionBody body) {
        if (body == null || body.pass() == null) {
            throw BilingualException.badRequest("请求体须含 pass（true 或 false）", "the body needs pass (true or false)");
        }
        return titles.decideReview(CurrentUser.scope(), id, body.pass(), body.reason());
    }

    @PostMapping("/{id}/review/decline")
    @Operation(summary = "不予复核 / decline re-review", description = "FLAGGED → REVIEW_FAILED (no eligibility: update missed). ADMIN, OFFICIAL.")
    TitleView decline(@PathVariable("id") long id, @RequestBody(required = false) ReasonBody body) {
        return titles.declineReview(CurrentUser.scope(), id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/flag/clear")
    @Operation(summary = "撤销未更新标记 / clear flag", description = "FLAGGED → IN_FORCE for the firm's flagged titles, with a reason. ADMIN, OFFICIAL.")
    List<Long> clearFlag(@PathVariable("id") long id, @RequestBody(required = false) ReasonBody body) {
        return titles.clearFlag(CurrentUser.scope(), id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "撤销称号 / revoke", description = "ground ACCIDENT, UNTRUSTWORTHY, TAX_EVASION or DATA_FRAUD (every title of the "
            + "firm), reason required; bans a new application for 3 years. ADMIN, OFFICIAL.")
    List<Long> revoke(@PathVariable("id") long id, @RequestBody(required = false) RevokeBody body) {
        return titles.revoke(CurrentUser.scope(), id, ground(body == null ? null : body.ground()),
                body == null ? null : body.reason());
    }

    @GetMapping("/changes")
    @Operation(summary = "重大变更报告 / change reports", description = "Scoped; status FILED or ACKNOWLEDGED, late true/false.")
    List<ChangeReport> changes(@RequestParam(name = "status", required = false) String status,
                               @RequestParam(name = "late", required = false) Boolean late) {
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !s.equals(ChangeReport.FILED) && !s.equals(ChangeReport.ACKNOWLEDGED)) {
            throw BilingualException.badRequest("参数 status 须为 FILED 或 ACKNOWLEDGED：" + status,
                    "parameter status must be FILED or ACKNOWLEDGED: " + status);
        }
        return titles.reports(CurrentUser.scope(), null, s, late, 500);
    }

    @PostMapping("/firms/{code}/changes")
    @Operation(summary = "报告重大变更 / file a change report", description = "type RENAME, MERGER, RELOCATION or FOREIGN_BRANCH, "
            + "changedOn (yyyy-MM-dd, not after today), details; late when more than 3 months after the change. The firm itself, ADMIN, OFFICIAL.")
    ChangeReport file(@PathVariable("code") String code, @RequestBody(required = false) ChangeBody body) {
        Scope scope = CurrentUser.scope();
        titles.requireFirm(scope, code);
        if (body == null) {
            throw BilingualException.badRequest("缺少请求体", "the request body is missing");
        }
        return titles.fileChange(scope, code, changeType(body.type()), date(body.changedOn(), "changedOn"), body.details());
    }

    @PostMapping("/changes/{id}/acknowledge")
    @Operation(summary = "确认变更报告 / acknowledge", description = "FILED → ACKNOWLEDGED. ADMIN, OFFICIAL.")
    ChangeReport acknowledge(@PathVariable("id") long id, @RequestBody(required = false) AckBody body) {
        return titles.acknowledge(CurrentUser.scope(), id, body == null ? null : body.note());
    }

    @GetMapping("/bans")
    @Operation(summary = "禁止申报 / bans", description = "Bans after revocations (scoped), newest first.")
    List<Ban> bans() {
        return titles.bans(CurrentUser.scope(), null);
    }

    @PostMapping("/jobs/run")
    @Operation(summary = "立即运行每日任务 / run the daily jobs now", description = "Reminders, flags, re-review notices, lapses as of today (idempotent). ADMIN.")
    TitleJobs.Result runJobs() {
        CurrentUser.require(CurrentUser.scope().role() == Role.ADMIN, "title jobs");
        return jobs.run(titles.today());
    }

    static TitleStore.View view(String v) {
        if (v == null || v.isBlank()) {
            return TitleStore.View.REVIEW;
        }
        try {
            return TitleStore.View.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BilingualException.badRequest("参数 view 无效：" + v, "unknown view: " + v);
        }
    }

    static RevocationGround ground(String g) {
        if (g == null || g.isBlank()) {
            return null;
        }
        try {
            return RevocationGround.valueOf(g.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BilingualException.badRequest("撤销事由无效：" + g + "（ACCIDENT、UNTRUSTWORTHY、TAX_EVASION、DATA_FRAUD）",
                    "unknown ground: " + g + " (ACCIDENT, UNTRUSTWORTHY, TAX_EVASION, DATA_FRAUD)");
        }
    }

    static ChangeType changeType(String t) {
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return ChangeType.valueOf(t.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BilingualException.badRequest("变更类型无效：" + t + "（RENAME、MERGER、RELOCATION、FOREIGN_BRANCH）",
                    "unknown change type: " + t + " (RENAME, MERGER, RELOCATION, FOREIGN_BRANCH)");
        }
    }

    static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw BilingualException.badRequest("字段 " + field + " 须为 yyyy-MM-dd 日期：" + s,
                    "field " + field + " must be a date yyyy-MM-dd: " + s);
        }
    }
}
