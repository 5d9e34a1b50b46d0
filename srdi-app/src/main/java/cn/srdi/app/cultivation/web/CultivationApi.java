package cn.srdi.app.cultivation.web;

import cn.srdi.app.cultivation.CaseState;
import cn.srdi.app.cultivation.CaseView;
import cn.srdi.app.cultivation.CultivationService;
import cn.srdi.app.cultivation.PoolEntry;
import cn.srdi.app.cultivation.PoolService;
import cn.srdi.app.cultivation.Round;
import cn.srdi.app.cultivation.Todo;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.BilingualException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the cultivation lifecycle: rounds, cases and their transitions, expert reviews,
 * public notice and objections, recognition and the recognised list, the pool and plans, the
 * caller's pending actions. Scopes apply in SQL exactly as on the pages.
 */
@RestController
@RequestMapping("/api/v1/cultivation")
@Tag(name = "cultivation", description = "梯度培育：培育库、申报批次、申报审核、公示、认定 / cultivation: pool, rounds, cases, review, notice, recognition")
class CultivationApi {

    private final CultivationService service;
    private final PoolService pool;
    private final Exports exports;

    CultivationApi(CultivationService service, PoolService pool, Exports exports) {
        this.service = service;
        this.pool = pool;
        this.exports = exports;
    }

    /** A reason, with an optional deadline, score and comment. */
    record Act(String reason, LocalDate deadline, Integer score, String comment, Boolean upheld) {
    }

    /** A round to create. */
    record RoundBody(String tier, String name, LocalDate opensOn, LocalDate closesOn, String rules, Integer quota,
                     List<String> stages, Boolean blind, Integer expertsPerCase, Integer noticeDays) {
    }

    /** An expert's review. */
    record ReviewBody(Integer score, String opinion, String comment) {
    }

    /** A plan update. */
    record PlanBody(String owner, String goals, String notes) {
    }

    /** A plan action. */
    record ActionBody(LocalDate dueOn, String description) {
    }

    /** A firm's pool request. */
    record PoolRequest(String tier, String reason) {
    }

    private static Act body(Act a) {
        return a == null ? new Act(null, null, null, null, null) : a;
    }

    // ---------------------------------------------------------------- rounds

    @GetMapping("/rounds")
    @Operation(summary = "申报批次 / application rounds", description = "Every round (public information). Any logged-in role.")
    List<Round> rounds() {
        CurrentUser.scope();
        return service.rounds();
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "一个批次 / one round")
    Round round(@PathVariable("id") long id) {
        CurrentUser.scope();
        return service.round(id);
    }

    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "创建批次 / create a round", description = "ADMIN, OFFICIAL. stages: DISTRICT, MUNICIPAL, EXPERT in any subset.")
    Round createRound(@RequestBody RoundBody b) {
        return service.createRound(CurrentUser.scope(), new CultivationService.RoundInput(b.tier(), b.name(), b.opensOn(),
                b.closesOn(), b.rules(), b.quota(), b.stages(), b.blind() != null && b.blind(), b.expertsPerCase(), b.noticeDays()));
    }

    @PostMapping("/rounds/{id}/open")
    @Operation(summary = "开放申报 / open a round")
    Round open(@PathVariable("id") long id) {
        return service.setRoundStatus(CurrentUser.scope(), id, Round.OPEN);
    }

    @PostMapping("/rounds/{id}/close")
    @Operation(summary = "关闭申报 / close a round")
    Round close(@PathVariable("id") long id) {
        return service.setRoundStatus(CurrentUser.scope(), id, Round.CLOSED);
    }

    @PostMapping("/rounds/{id}/assign")
    @Operation(summary = "随机分配专家 / draw experts", description = "For every case in expert review without open reviews: "
            + "random among eligible experts, no same park, no declared conflict, least loaded first. ADMIN, OFFICIAL.")
    CultivationService.Assignment assign(@PathVariable("id") long id) {
        return service.assignExperts(CurrentUser.scope(), id, null);
    }

    @PostMapping("/rounds/{id}/notice")
    @Operation(summary = "发布公示 / publish the notice", description = "Every approved case of the round goes on notice for the round's days.")
    List<CaseView> publish(@PathVariable("id") long id) {
        return service.publishNotice(CurrentUser.scope(), id);
    }

    @PostMapping("/rounds/{id}/recognise")
    @Operation(summary = "认定 / recognise", description = "Cases whose notice ended without an open objection: title recorded, valid 3 years.")
    List<CaseView> recognise(@PathVariable("id") long id) {
        return service.recognise(CurrentUser.scope(), id);
    }

    @GetMapping("/rounds/{id}/recognised")
    @Operation(summary = "认定名单 / recognised list")
    List<CaseView> recognised(@PathVariable("id") long id) {
        return service.recognised(CurrentUser.scope(), id);
    }

    @GetMapping("/rounds/{id}/recognised.xlsx")
    @Operation(summary = "认定名单 XLSX / recognised list as XLSX")
    void recognisedXlsx(@PathVariable("id") long id, HttpServletResponse response) throws IOException {
        exports.xlsx(CurrentUser.scope(), id, response);
    }

    @GetMapping("/rounds/{id}/recognised.pdf")
    @Operation(summary = "认定名单 PDF / recognised list as printable PDF")
    ResponseEntity<byte[]> recognisedPdf(@PathVariable("id") long id) {
        return exports.pdf(CurrentUser.scope(), id);
    }

    // ---------------------------------------------------------------- cases

    @GetMapping("/cases")
    @Operation(summary = "申报列表 / cases", description = "Scoped: officials all, park operators their parks, a firm its own, "
            + "an expert its assigned (blind: without firm), others the cases on notice.")
    List<CaseView> cases(@RequestParam(name = "round", required = false) Long round,
                         @RequestParam(name = "state", required = false) List<CaseState> states) {
        return service.cases(CurrentUser.scope(), round, states, null);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "申报详情 / a case", description = "Self-evaluation, evidence, reviews, objections, the actions allowed now.")
    CultivationService.CaseDetail caseDetail(@PathVariable("id") long id) {
        return service.detail(CurrentUser.scope(), id);
    }

    @PostMapping("/rounds/{id}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申报（企业） / apply (enterprise)", description = "Opens a draft self-evaluated by the engine now.")
    CaseView apply(@PathVariable("id") long id) {
        return service.apply(CurrentUser.scope(), id);
    }

    @PostMapping(path = "/cases/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传证明材料 / attach evidence", description = "PDF, PNG, JPEG, XLSX, DOCX sniffed from the content; size limit.")
    Object attach(@PathVariable("id") long id, @RequestPart("file") MultipartFile file) throws IOException {
        return service.attach(CurrentUser.scope(), id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/cases/{id}/evidence/{evidence}")
    @Operation(summary = "下载证明材料 / download evidence")
    ResponseEntity<byte[]> evidence(@PathVariable("id") long id, @PathVariable("evidence") long evidence) {
        CultivationService.EvidenceFile f = service.evidenceFile(CurrentUser.scope(), id, evidence);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(f.content());
    }

    @PostMapping("/cases/{id}/declaration")
    @Operation(summary = "签署承诺书 / sign the declaration")
    CaseView sign(@PathVariable("id") long id) {
        return service.sign(CurrentUser.scope(), id);
    }

    @PostMapping("/cases/{id}/submit")
    @Operation(summary = "提交或补正后重新提交 / submit or resubmit")
    CaseView submit(@PathVariable("id") long id) {
        return service.submit(CurrentUser.scope(), id);
    }

    @PostMapping("/cases/{id}/withdraw")
    @Operation(summary = "撤回 / withdraw")
    CaseView withdraw(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        return service.withdraw(CurrentUser.scope(), id, body(a).reason());
    }

    @PostMapping("/cases/{id}/pass")
    @Operation(summary = "审核通过（区县初审、市级复审） / pass a district or municipal review")
    CaseView pass(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        return service.pass(CurrentUser.scope(), id, body(a).score(), body(a).comment());
    }

    @PostMapping("/cases/{id}/return")
    @Operation(summary = "退回补正 / return for correction", description = "reason required; deadline default today + return-days.")
    CaseView returnCase(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        return service.returnForCorrection(CurrentUser.scope(), id, body(a).reason(), body(a).deadline());
    }

    @PostMapping("/cases/{id}/reject")
    @Operation(summary = "不予通过 / reject")
    CaseView reject(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        return service.reject(CurrentUser.scope(), id, body(a).reason());
    }

    @PostMapping("/cases/{id}/approve")
    @Operation(summary = "决定拟认定 / approve")
    CaseView approve(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        return service.approve(CurrentUser.scope(), id, body(a).reason());
    }

    @PostMapping("/cases/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提出异议（公示期内） / object during the notice", description = "Pauses the case until resolved.")
    CaseView object(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        return service.object(CurrentUser.scope(), id, body(a).reason());
    }

    @PostMapping("/cases/{id}/objections/resolve")
    @Operation(summary = "处理异议 / resolve the objections", description = "upheld=true rejects the case; false puts it back on notice.")
    CaseView resolve(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        Act b = body(a);
        if (b.upheld() == null) {
            throw BilingualException.badRequest("须说明异议是否成立（upheld）", "say whether the objection is upheld (upheld)");
        }
        return service.resolveObjection(CurrentUser.scope(), id, b.upheld(), b.reason());
    }

    @GetMapping("/notice")
    @Operation(summary = "公示名单 / the public notice", description = "Cases on notice or paused by an objection. Every role but experts.")
    List<CaseView> notice(@RequestParam(name = "round", required = false) Long round) {
        return service.notice(CurrentUser.scope(), round);
    }

    // ---------------------------------------------------------------- experts

    @GetMapping("/reviews")
    @Operation(summary = "我的评审任务（专家） / my reviews (expert)", description = "Blind rounds show no firm name or code.")
    List<CultivationService.Assigned> reviews() {
        return service.myReviews(CurrentUser.scope());
    }

    @PostMapping("/reviews/{id}")
    @Operation(summary = "提交评审 / submit a review", description = "score 0–100, opinion PASS or FAIL, comment required.")
    CaseView review(@PathVariable("id") long id, @RequestBody(required = false) ReviewBody b) {
        if (b == null || b.score() == null) {
            throw BilingualException.badRequest("评分必填", "the score is required");
        }
        return service.submitReview(CurrentUser.scope(), id, b.score(), b.opinion(), b.comment());
    }

    // ---------------------------------------------------------------- pool

    @GetMapping("/pool")
    @Operation(summary = "培育库 / the cultivation pool", description = "ADMIN, OFFICIAL, PARK_OPERATOR (its parks), ENTERPRISE (its own).")
    List<PoolEntry> pool(@RequestParam(name = "tier", required = false) String tier,
                         @RequestParam(name = "status", required = false) String status) {
        return pool.list(CurrentUser.scope(), tier, status);
    }

    @GetMapping("/pool/{id}")
    @Operation(summary = "培育库条目、培育计划与差距历史 / a pool entry with its plan and gap history")
    Map<String, Object> poolEntry(@PathVariable("id") long id) {
        Scope scope = CurrentUser.scope();
        return Map.of("entry", pool.require(scope, id), "gaps", pool.gaps(scope, id), "actions", pool.actions(scope, id));
    }

    @PostMapping("/pool/{id}/accept")
    @Operation(summary = "纳入培育库 / accept into the pool")
    PoolEntry accept(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        return pool.decide(CurrentUser.scope(), id, true, body(a).reason());
    }

    @PostMapping("/pool/{id}/dismiss")
    @Operation(summary = "不纳入 / dismiss", description = "reason required")
    PoolEntry dismiss(@PathVariable("id") long id, @RequestBody(required = false) Act a) {
        return pool.decide(CurrentUser.scope(), id, false, body(a).reason());
    }

    @PostMapping("/pool/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "企业申请入库 / a firm asks to join a pool")
    PoolEntry request(@RequestBody(required = false) PoolRequest b) {
        return pool.request(CurrentUser.scope(), b == null ? null : b.tier(), b == null ? null : b.reason());
    }

    @PutMapping("/pool/{id}/plan")
    @Operation(summary = "培育计划 / the cultivation plan", description = "owner (official or park user), goals, notes.")
    PoolEntry plan(@PathVariable("id") long id, @RequestBody(required = false) PlanBody b) {
        PlanBody p = b == null ? new PlanBody(null, null, null) : b;
        return pool.updatePlan(CurrentUser.scope(), id, p.owner(), p.goals(), p.notes());
    }

    @PostMapping("/pool/{id}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "计划行动 / add a dated plan action")
    Object addAction(@PathVariable("id") long id, @RequestBody(required = false) ActionBody b) {
        return pool.addAction(CurrentUser.scope(), id, b == null ? null : b.dueOn(), b == null ? null : b.description());
    }

    // ---------------------------------------------------------------- to-do

    @GetMapping("/todo")
    @Operation(summary = "我的待办 / my pending actions", description = "What waits for the caller in the cultivation lifecycle.")
    List<Todo.Item> todo() {
        return service.todo(CurrentUser.scope(), pool);
    }

    // ---------------------------------------------------------------- experts and conflicts

    /** An expert's registration. */
    record ExpertBody(String username, String parkId, String field) {
    }

    /** A declared conflict of interest. */
    record ConflictBody(String username, String creditCode, String reason) {
    }

    @GetMapping("/experts")
    @Operation(summary = "专家库 / registered experts", description = "ADMIN, OFFICIAL.")
    List<cn.srdi.app.cultivation.assign.ExpertAssigner.Expert> experts() {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.role() == cn.srdi.app.identity.Role.ADMIN || scope.role() == cn.srdi.app.identity.Role.OFFICIAL,
                "experts");
        return service.experts();
    }

    @PostMapping("/experts")
    @Operation(summary = "登记专家 / register an expert", description = "A user of role EXPERT, with the park it belongs to "
            + "(same-park firms are never assigned to it). ADMIN, OFFICIAL.")
    List<cn.srdi.app.cultivation.assign.ExpertAssigner.Expert> registerExpert(@RequestBody(required = false) ExpertBody b) {
        if (b == null || b.username() == null) {
            throw BilingualException.badRequest("用户名必填", "the username is required");
        }
        service.registerExpert(CurrentUser.scope(), b.username(), b.parkId(), b.field());
        return service.experts();
    }

    @PostMapping("/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申报回避 / declare a conflict of interest", description = "An expert for itself, or an official for an expert.")
    void declareConflict(@RequestBody(required = false) ConflictBody b) {
        Scope scope = CurrentUser.scope();
        if (b == null || b.creditCode() == null) {
            throw BilingualException.badRequest("企业代码必填", "the credit code is required");
        }
        service.declareConflict(scope, b.username() == null ? scope.username() : b.username(), b.creditCode(), b.reason());
    }
}
