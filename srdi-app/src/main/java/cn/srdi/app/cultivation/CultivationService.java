package cn.srdi.app.cultivation;

import static cn.srdi.app.cultivation.CultivationStore.date;
import static cn.srdi.app.cultivation.CultivationStore.now;
import static cn.srdi.app.cultivation.CultivationStore.ts;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.cultivation.assign.ExpertAssigner;
import cn.srdi.app.grading.GradingService;
import cn.srdi.app.grading.RuleChoice;
import cn.srdi.app.grading.StoredGrade;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.grading.ConditionResult;
import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Tier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cultivation lifecycle up to recognition. Every case transition goes through {@link #move}:
 * the transition table, the actor's kind, an optimistic state check in SQL and an audit record in
 * the same transaction.
 */
@Service
public class CultivationService {

    private final CultivationStore store;
    private final CultivationProperties props;
    private final GradingService grading;
    private final RegistryStore registry;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final CaseNotifier notifier;
    private final BanCheck bans;
    private final JsonMapper json = JsonMapper.builder().build();
    private Clock clock;

    CultivationService(CultivationStore store, CultivationProperties props, GradingService grading, RegistryStore registry,
                       AuditTrail audit, TransactionTemplate tx, CaseNotifier notifier, BanCheck bans, Clock clock) {
        this.clock = clock;
        this.notifier = notifier;
        this.bans = bans;
        this.store = store;
        this.props = props;
        this.grading = grading;
        this.registry = registry;
        this.audit = audit;
        this.tx = tx;
    }

    /** Today by the platform clock (zone Asia/Shanghai; tests replace the bean or set a fixed clock). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    void clock(Clock c) {
        this.clock = c;
    }

    public CultivationProperties properties() {
        return props;
    }

    CultivationStore store() {
        return store;
    }

    static BilingualException caseNotFound(long id) {
        return BilingualException.notFound("未找到申报 #" + id, "no application case #" + id);
    }

    static void requireOfficial(Scope scope, String what) {
        CurrentUser.require(scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL, what);
    }

    // ================================================================ rounds

    /** What an official enters to create a round. */
    public record RoundInput(String tier, String name, LocalDate opensOn, LocalDate closesOn, String rules, Integer quota,
                             List<String> stages, boolean blind, Integer expertsPerCase, Integer noticeDays) {
    }

    public List<Round> rounds() {
        return store.rounds();
    }

    public Round round(long id) {
        return store.round(id).orElseThrow(() -> BilingualException.notFound("未找到申报批次 #" + id, "no round #" + id));
    }

    public Round createRound(Scope scope, RoundInput in) {
        requireOfficial(scope, "rounds");
        Tier tier = in.tier() == null ? null : Tier.parse(in.tier());
        if (tier == null || tier == Tier.CHAMPION) {
            throw BilingualException.badRequest("批次层级无效：" + in.tier() + "（INNOVATIVE、TECH_INNOVATIVE、SRDI、LITTLE_GIANT）",
                    "invalid round tier: " + in.tier() + " (INNOVATIVE, TECH_INNOVATIVE, SRDI, LITTLE_GIANT)");
        }
        String name = in.name() == null ? "" : in.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            throw BilingualException.badRequest("批次名称必填（最长 200 字）", "the round name is required (at most 200 characters)");
        }
        if (in.opensOn() == null || in.closesOn() == null || in.closesOn().isBefore(in.opensOn())) {
            throw BilingualException.badRequest("申报窗口无效：开始 " + in.opensOn() + "，截止 " + in.closesOn(),
                    "invalid application window: opens " + in.opensOn() + ", closes " + in.closesOn());
        }
        if (in.quota() != null && in.quota() < 1) {
            throw BilingualException.badRequest("名额须为正数：" + in.quota(), "the quota must be positive: " + in.quota());
        }
        List<ReviewStage> flow = new ArrayList<>();
        for (String s : in.stages() == null ? List.<String>of() : in.stages()) {
            try {
                ReviewStage st = ReviewStage.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
                if (!flow.contains(st)) {
                    flow.add(st);
                }
            } catch (IllegalArgumentException e) {
                throw BilingualException.badRequest("评审环节无效：" + s + "（DISTRICT、MUNICIPAL、EXPERT）",
                        "invalid review stage: " + s + " (DISTRICT, MUNICIPAL, EXPERT)");
            }
        }
        flow.sort(null);
        int experts = in.expertsPerCase() == null ? props.expertsPerCase() : in.expertsPerCase();
        int notice = in.noticeDays() == null ? props.noticeDays() : in.noticeDays();
        if (experts < 1 || experts > 15 || notice < 1 || notice > 60) {
            throw BilingualException.badRequest("每案专家数须在 1–15，公示天数须在 1–60", "experts per case must be 1–15, notice days 1–60");
        }
        String rules = in.rules() == null || in.rules().isBlank() ? "auto" : in.rules().trim();
        try {
            grading.rules().compile(new RuleChoice(rules, Map.of()), in.opensOn());
        } catch (RuntimeException e) {
            throw BilingualException.badRequest("规则集无效：" + rules, "invalid rule set: " + rules);
        }
        String stagesText = String.join(",", flow.stream().map(Enum::name).toList());
        return tx.execute(s -> {
            long id = store.insert("insert into cult_round (tier, name, opens_on, closes_on, rules, quota, stages, blind, "
                            + "experts_per_case, notice_days, status, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    tier.name(), name, date(in.opensOn()), date(in.closesOn()), rules, in.quota(), stagesText, in.blind(),
                    experts, notice, Round.PLANNED, scope.username(), ts(now()));
            Round r = round(id);
            audit.recordAs(scope.username(), "ROUND_CREATE", "cult_round", String.valueOf(id), null, r);
            return r;
        });
    }

    /** Opens (accepting applications in the window) or closes a round. */
    public Round setRoundStatus(Scope scope, long id, String status) {
        requireOfficial(scope, "rounds");
        Round r = round(id);
        boolean ok = switch (status) {
            case Round.OPEN -> Round.PLANNED.equals(r.status());
            case Round.CLOSED -> Round.OPEN.equals(r.status());
            default -> false;
        };
        if (!ok) {
            throw new BilingualException(HttpStatus.CONFLICT, "批次 #" + id + " 状态为 " + r.status() + "，不能改为 " + status,
                    "round #" + id + " is " + r.status() + ": cannot become " + status);
        }
        return tx.execute(s -> {
            store.update("update cult_round set status = ? where id = ? and status = ?", status, id, r.status());
            audit.recordAs(scope.username(), "ROUND_" + status, "cult_round", String.valueOf(id), Map.of("status", r.status()),
                    Map.of("status", status));
            return round(id);
        });
    }

    // ================================================================ cases

    /** A criterion of the self-evaluation. */
    public record Criterion(String id, String nameZh, String nameEn, String role, String status, String actual,
                            String required) {
    }

    /** The case with everything its reader may see. */
    public record CaseDetail(CaseView view, Round round, List<Criterion> criteria, List<CultivationStore.Evidence> evidence,
                             List<CultivationStore.Review> reviews, List<CultivationStore.Objection> objections,
                             List<CaseAction> actions) {
    }

    public CaseView requireCase(Scope scope, long id) {
        CaseView c = store.caseOf(scope, id).orElseThrow(() -> caseNotFound(id));
        return blindFor(scope, c);
    }

    CaseView blindFor(Scope scope, CaseView c) {
        if (scope.role() == Role.EXPERT) {
            Round r = round(c.roundId());
            return r.blind() ? c.blind() : new CaseView(c.id(), c.roundId(), c.roundName(), c.tier(), null, c.firmName(),
                    null, c.state(), null, c.selfStatus(), c.selfScore(), null, null, c.submittedAt(), c.returnedFrom(),
                    c.returnReason(), c.returnDeadline(), c.noticeFrom(), c.noticeUntil(), null, c.recognisedOn(), c.updatedAt());
        }
        return c;
    }

    public CaseDetail detail(Scope scope, long id) {
        CaseView c = requireCase(scope, id);
        Round r = round(c.roundId());
        List<CultivationStore.Review> reviews = store.reviews(id);
        if (scope.role() == Role.EXPERT) {
            reviews = reviews.stream().filter(v -> v.reviewer().equals(scope.username())).toList();
        } else if (scope.role() == Role.ENTERPRISE || scope.role() == Role.FINANCE || scope.role() == Role.HANDLER) {
            // firms see the outcome of each stage, not who scored what
            reviews = List.of();
        }
        boolean publicOnly = scope.role() == Role.FINANCE || scope.role() == Role.HANDLER;
        return new CaseDetail(c, r, publicOnly ? List.of() : criteria(store.selfEval(id)),
                publicOnly ? List.of() : store.evidence(id), reviews,
                scope.role() == Role.EXPERT || publicOnly ? List.of() : store.objections(id),
                allowedActions(scope, c));
    }

    /** The actions the user may take now (for buttons). */
    public List<CaseAction> allowedActions(Scope scope, CaseView c) {
        Set<Actor> actors = Actor.of(scope.role());
        List<CaseAction> out = new ArrayList<>();
        for (Transitions.Rule r : Transitions.TABLE) {
            if (r.from() == c.state() && r.actors().stream().anyMatch(actors::contains) && r.action() != CaseAction.REVIEWS_COMPLETE) {
                if (r.action() == CaseAction.OBJECT && c.creditCode() != null && c.creditCode().equals(scope.creditCode())) {
                    continue;
                }
                if (scope.role() == Role.PARK_OPERATOR && r.action() != CaseAction.OBJECT && c.state() != CaseState.DISTRICT_REVIEW) {
                    continue;
                }
                out.add(r.action());
            }
        }
        return out;
    }

    public List<CaseView> cases(Scope scope, Long roundId, List<CaseState> states, String creditCode) {
        return store.cases(scope, roundId, states, creditCode, 2000).stream().map(c -> blindFor(scope, c)).toList();
    }

    /** Opens a case (DRAFT) for the firm of the scope in a round, self-evaluated by the engine now. */
    public CaseView apply(Scope scope, long roundId) {
        CurrentUser.require(scope.role() == Role.ENTERPRISE && scope.creditCode() != null, "applications");
        String code = scope.creditCode();
        Round r = round(roundId);
        LocalDate today = today();
        if (!r.accepting(today)) {
            throw new BilingualException(HttpStatus.CONFLICT,
                    "批次「" + r.name() + "」今天（" + today + "）不接受申报：状态 " + r.status() + "，窗口 " + r.opensOn() + " 至 " + r.closesOn(),
                    "round \"" + r.name() + "\" does not accept applications today (" + today + "): status " + r.status()
                            + ", window " + r.opensOn() + " to " + r.closesOn());
        }
        if (!store.cases(Scope.system(), roundId, List.of(), code, 1).isEmpty()) {
            throw new BilingualException(HttpStatus.CONFLICT, "本企业已在批次「" + r.name() + "」中申报",
                    "this firm already has a case in round \"" + r.name() + "\"");
        }
        bans.require(code, r.tier(), today);
        if (registry.titles(code).stream().anyMatch(t -> t.tier() == r.tier() && t.inForceOn(today))) {
            throw new BilingualException(HttpStatus.CONFLICT, "本企业已持有有效的" + r.tier().zh() + "称号，无需申报",
                    "this firm already holds the " + r.tier().en() + " title in force");
        }
        StoredGrade stored = grading.gradeFirm(scope, code, today, new RuleChoice(r.rules(), Map.of()), ApplicationType.NEW);
        Grade g = grading.grade(scope, stored.runId(), code).grade();
        TierResult t = g.tier(r.tier());
        if (t == null) {
            throw BilingualException.badRequest("规则集 " + stored.rules() + " 不评价" + r.tier().zh() + "，本批次无法自评",
                    "the rule set " + stored.rules() + " does not grade " + r.tier().en() + ": no self-evaluation in this round");
        }
        List<Criterion> criteria = new ArrayList<>();
        for (ConditionResult cr : t.conditions()) {
            criteria.add(new Criterion(cr.def().id(), cr.def().labelZh(), cr.def().labelEn(), cr.def().role().name(),
                    cr.status().name(), cr.actual() == null ? "" : String.valueOf(cr.actual()),
                    cr.required() == null ? "" : String.valueOf(cr.required())));
        }
        String eval = json.writeValueAsString(criteria);
        Enterprise e = registry.find(scope, code).orElseThrow();
        return tx.execute(s -> {
            long id = store.insert("insert into cult_case (round_id, credit_code, park_id, state, grade_run_id, self_status, "
                            + "self_score, self_eval, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)",
                    roundId, code, e.parkId(), CaseState.DRAFT.name(), stored.runId(), t.status().name(), t.score(), eval,
                    ts(now()), ts(now()));
            audit.recordAs(scope.username(), "CASE_CREATE", "cult_case", String.valueOf(id), null,
                    Map.of("round", roundId, "firm", code, "state", "DRAFT", "self_status", t.status().name(), "grade_run",
                            stored.runId()));
            CaseView created = store.caseOf(id).orElseThrow();
            notifier.entered(created, CaseState.DRAFT, null);
            return created;
        });
    }

    List<Criterion> criteria(String eval) {
        if (eval == null || eval.isBlank()) {
            return List.of();
        }
        return List.of(json.readValue(eval, Criterion[].class));
    }

    /** Signs the declaration (承诺书) of a draft or returned case. */
    public CaseView sign(Scope scope, long id) {
        CaseView c = ownCase(scope, id);
        if (c.state() != CaseState.DRAFT && c.state() != CaseState.RETURNED) {
            throw new Transitions.IllegalTransition(id, c.state(), CaseAction.SUBMIT);
        }
        return tx.execute(s -> {
            store.update("update cult_case set declaration_by = ?, declaration_at = ?, updated_at = ? where id = ?",
                    scope.username(), ts(now()), ts(now()), id);
            audit.recordAs(scope.username(), "CASE_DECLARATION", "cult_case", String.valueOf(id), null,
                    Map.of("signed_by", scope.username()));
            return store.caseOf(id).orElseThrow();
        });
    }

    private CaseView ownCase(Scope scope, long id) {
        CurrentUser.require(scope.role() == Role.ENTERPRISE, "applications");
        return store.caseOf(scope, id).orElseThrow(() -> caseNotFound(id));
    }

    /** Attaches an evidence file to a draft or returned case (checked: name, size, sniffed type). */
    public CultivationStore.Evidence attach(Scope scope, long id, String originalName, byte[] content) {
        CaseView c = ownCase(scope, id);
        if (c.state() != CaseState.DRAFT && c.state() != CaseState.RETURNED) {
            throw new BilingualException(HttpStatus.CONFLICT, "申报 #" + id + " 处于「" + c.state().zh() + "」，不能再添加材料",
                    "case #" + id + " is " + c.state().en() + ": no more evidence can be attached");
        }
        Evidence.Checked ch = Evidence.check(originalName, content, props.evidenceMaxBytes(), props.evidenceTypes());
        String stored = props.evidenceDir().isEmpty() ? null : Evidence.store(Path.of(props.evidenceDir()), ch.type(), content);
        return tx.execute(s -> {
            long eid = store.insert("insert into cult_evidence (case_id, file_name, content_type, size_bytes, sha256, content, "
                            + "stored_name, uploaded_by, uploaded_at) values (?,?,?,?,?,?,?,?,?)",
                    id, ch.fileName(), ch.contentType(), (long) content.length, ch.sha256(), stored == null ? content : null,
                    stored, scope.username(), ts(now()));
            audit.recordAs(scope.username(), "CASE_EVIDENCE", "cult_case", String.valueOf(id), null,
                    Map.of("evidence", eid, "file", ch.fileName(), "type", ch.type(), "bytes", content.length, "sha256", ch.sha256()));
            return store.evidence(id).stream().filter(x -> x.id() == eid).findFirst().orElseThrow();
        });
    }

    /** An evidence file's content, if the scope reads its case. */
    public record EvidenceFile(String fileName, String contentType, byte[] content) {
    }

    public EvidenceFile evidenceFile(Scope scope, long caseId, long evidenceId) {
        CaseView c = requireCase(scope, caseId);
        if (scope.role() == Role.FINANCE || scope.role() == Role.HANDLER) {
            throw caseNotFound(caseId);
        }
        return store.jdbc().sql("select file_name, content_type, content, stored_name from cult_evidence where id = ? and case_id = ?")
                .params(evidenceId, c.id())
                .query((rs, n) -> {
                    byte[] b = rs.getBytes(3);
                    String stored = rs.getString(4);
                    if (b == null && stored != null) {
                        b = Evidence.read(Path.of(props.evidenceDir()), stored);
                    }
                    return new EvidenceFile(scope.role() == Role.EXPERT ? "evidence-" + evidenceId : rs.getString(1),
                            rs.getString(2), b);
                })
                .optional().orElseThrow(() -> BilingualException.notFound("未找到材料 #" + evidenceId, "no evidence #" + evidenceId));
    }

    // ---------------------------------------------------------------- transitions

    /** Ban check (titles module): refuses (409) a firm under a 3-year ban after a revocation. */
    private void checkNotBanned(CaseView c) {
        bans.require(c.creditCode(), Tier.valueOf(c.tier()), today());
    }

    /**
     * The guarded state change: the table, the actor, an optimistic check in SQL (the case must
     * still be in the state read), the extra changes and the audit record in one transaction.
     */
    CaseView move(Scope scope, CaseView c, CaseAction action, String reason, java.util.function.Consumer<CaseState> extra,
                  boolean system) {
        long id = c.id();
        Round r = round(c.roundId());
        Set<Actor> actors = system ? EnumSet.of(Actor.SYSTEM) : Actor.of(scope.role());
        Transitions.checkActor(id, c.state(), action, actors);
        if (!system && scope.role() == Role.PARK_OPERATOR && action != CaseAction.OBJECT && c.state() != CaseState.DISTRICT_REVIEW) {
            throw new Transitions.IllegalTransition(id, c.state(), action);
        }
        if (action == CaseAction.OBJECT && c.creditCode().equals(scope.creditCode())) {
            throw new BilingualException(HttpStatus.FORBIDDEN, "企业不能对自己的申报提出异议", "a firm cannot object to its own case");
        }
        CaseState to = Transitions.next(id, c.state(), action, r.stages(), c.returnedFrom());
        String actor = system ? "system" : scope.username();
        return tx.execute(s -> {
            if (!store.moveState(id, c.state(), to)) {
                throw new BilingualException(HttpStatus.CONFLICT, "申报 #" + id + " 已被他人更改，请刷新后重试",
                        "case #" + id + " was changed meanwhile; reload and try again");
            }
            if (extra != null) {
                extra.accept(to);
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("state", to.name());
            after.put("action", action.name());
            if (reason != null) {
                after.put("reason", reason);
            }
            audit.recordAs(actor, "CASE_" + action.name(), "cult_case", String.valueOf(id), Map.of("state", c.state().name()),
                    after);
            CaseView moved = store.caseOf(id).orElseThrow();
            notifier.entered(moved, to, to == CaseState.RETURNED ? moved.returnDeadline()
                    : to == CaseState.NOTICE && moved.noticeUntil() != null ? moved.noticeUntil().plusDays(1) : null);
            if (action == CaseAction.EXPIRE_CORRECTION) {
                notifier.correctionMissed(moved, c.returnDeadline());
            }
            return moved;
        });
    }

    private static String required(String text, String zh, String en) {
        if (text == null || text.isBlank()) {
            throw BilingualException.badRequest(zh + "必填", en + " is required");
        }
        if (text.length() > 2000) {
            throw BilingualException.badRequest(zh + "最长 2000 字", en + ": at most 2000 characters");
        }
        return text.trim();
    }

    /** The firm submits (or resubmits) its case: declaration signed, not banned, window open. */
    public CaseView submit(Scope scope, long id) {
        CaseView c = ownCase(scope, id);
        if (c.declarationAt() == null) {
            throw BilingualException.badRequest("提交前须签署承诺书（申报声明）", "sign the declaration before submitting");
        }
        checkNotBanned(c);
        CaseAction action = c.state() == CaseState.RETURNED ? CaseAction.RESUBMIT : CaseAction.SUBMIT;
        if (action == CaseAction.RESUBMIT && c.returnDeadline() != null && today().isAfter(c.returnDeadline())) {
            throw new BilingualException(HttpStatus.CONFLICT, "补正期限 " + c.returnDeadline() + " 已过", "the correction deadline "
                    + c.returnDeadline() + " has passed");
        }
        if (action == CaseAction.SUBMIT && !round(c.roundId()).accepting(today())) {
            throw new BilingualException(HttpStatus.CONFLICT, "申报窗口已关闭", "the application window is closed");
        }
        CaseView moved = move(scope, c, action, null, to -> store.update(
                "update cult_case set submitted_at = ?, return_reason = null, return_deadline = null where id = ?", ts(now()), id),
                false);
        return afterEnteringStage(moved);
    }

    /** When a case enters expert review, experts are drawn for it. */
    private CaseView afterEnteringStage(CaseView c) {
        if (c.state() == CaseState.EXPERT_REVIEW && store.reviews(c.id()).stream().noneMatch(
                v -> v.stage() == ReviewStage.EXPERT && v.submittedAt() == null)) {
            assignExperts(Scope.system(), c.roundId(), List.of(c.id()));
            return store.caseOf(c.id()).orElseThrow();
        }
        return c;
    }

    public CaseView withdraw(Scope scope, long id, String reason) {
        return move(scope, ownCase(scope, id), CaseAction.WITHDRAW, reason, null, false);
    }

    /** An official (or the park operator at the district stage) passes the current review stage. */
    public CaseView pass(Scope scope, long id, Integer score, String comment) {
        CaseView c = store.caseOf(scope, id).orElseThrow(() -> caseNotFound(id));
        ReviewStage stage = c.state().stage();
        if (stage == ReviewStage.EXPERT) {
            throw new Transitions.IllegalTransition(id, c.state(), CaseAction.PASS);
        }
        CaseView moved = move(scope, c, CaseAction.PASS, comment, to -> recordStageReview(scope, id, stage, score, "PASS", comment),
                false);
        return afterEnteringStage(moved);
    }

    private void recordStageReview(Scope scope, long id, ReviewStage stage, Integer score, String opinion, String comment) {
        if (stage == null) {
            return;
        }
        if (score != null && (score < 0 || score > 100)) {
            throw BilingualException.badRequest("评分须在 0–100：" + score, "the score must be 0–100: " + score);
        }
        store.insert("insert into cult_review (case_id, stage, reviewer, assigned_at, score, opinion, comment, submitted_at) "
                + "values (?,?,?,?,?,?,?,?)", id, stage.name(), scope.username(), ts(now()), score, opinion, comment, ts(now()));
    }

    /** Returns a case to the firm for correction, with the reasons and a deadline. */
    public CaseView returnForCorrection(Scope scope, long id, String reason, LocalDate deadline) {
        String why = required(reason, "退回原因", "the reason");
        CaseView c = store.caseOf(scope, id).orElseThrow(() -> caseNotFound(id));
        LocalDate due = deadline == null ? today().plusDays(props.returnDays()) : deadline;
        if (!due.isAfter(today())) {
            throw BilingualException.badRequest("补正期限须晚于今天：" + due, "the correction deadline must be after today: " + due);
        }
        ReviewStage stage = c.state().stage();
        return move(scope, c, CaseAction.RETURN, why, to -> {
            store.update("update cult_case set returned_from = ?, return_reason = ?, return_deadline = ? where id = ?",
                    stage == null ? null : stage.name(), why, date(due), id);
            if (stage != ReviewStage.EXPERT) {
                recordStageReview(scope, id, stage, null, "RETURN", why);
            } else {
                // open expert reviews are withdrawn: the resubmitted case is reviewed again
                store.update("delete from cult_review where case_id = ? and stage = 'EXPERT' and submitted_at is null", id);
            }
        }, false);
    }

    /**
     * The daily job: every case still returned for correction after its deadline is closed as
     * withdrawn (逾期未补正的，视为撤回申报), by the system, with the reason in the audit trail and
     * the firm told. One transaction per case; a case the firm resubmitted meanwhile is skipped.
     * Returns the cases closed.
     */
    public List<CaseView> expireCorrections(LocalDate today) {
        List<CaseView> out = new ArrayList<>();
        for (CaseView c : store.cases(Scope.system(), null, List.of(CaseState.RETURNED), null, 100_000)) {
            if (c.returnDeadline() == null || !today.isAfter(c.returnDeadline())) {
                continue;
            }
            try {
                out.add(move(Scope.system(), c, CaseAction.EXPIRE_CORRECTION, "correction deadline " + c.returnDeadline()
                        + " missed / 补正期限 " + c.returnDeadline() + " 已过，视为撤回", to -> store.update(
                        "update cult_case set decision_note = ? where id = ?", "逾期未补正，视为撤回（补正期限 " + c.returnDeadline()
                                + "）/ correction deadline " + c.returnDeadline() + " missed", c.id()), true));
            } catch (BilingualException e) {
                // changed meanwhile (resubmitted or withdrawn by the firm): nothing to close
            }
        }
        return out;
    }

    public CaseView reject(Scope scope, long id, String reason) {
        String why = required(reason, "不予通过的理由", "the reason");
        CaseView c = store.caseOf(scope, id).orElseThrow(() -> caseNotFound(id));
        if (c.state() == CaseState.RETURNED && (c.returnDeadline() == null || !today().isAfter(c.returnDeadline()))) {
            throw new BilingualException(HttpStatus.CONFLICT, "补正期限 " + c.returnDeadline() + " 未过，不能以逾期为由不予通过",
                    "the correction deadline " + c.returnDeadline() + " has not passed yet");
        }
        ReviewStage stage = c.state().stage();
        return move(scope, c, CaseAction.REJECT, why, to -> {
            store.update("update cult_case set decision_note = ? where id = ?", why, id);
            recordStageReview(scope, id, stage, null, "FAIL", why);
        }, false);
    }

    public CaseView approve(Scope scope, long id, String note) {
        CaseView c = store.caseOf(scope, id).orElseThrow(() -> caseNotFound(id));
        Round r = round(c.roundId());
        if (r.quota() != null) {
            long taken = store.cases(Scope.system(), r.id(), List.of(CaseState.APPROVED, CaseState.NOTICE, CaseState.OBJECTED,
                    CaseState.RECOGNISED), null, 5000).size();
            if (taken >= r.quota()) {
                throw new BilingualException(HttpStatus.CONFLICT, "批次名额 " + r.quota() + " 已满", "the round's quota of " + r.quota()
                        + " is reached");
            }
        }
        return move(scope, c, CaseAction.APPROVE, note,
                to -> store.update("update cult_case set decision_note = ? where id = ?", note, id), false);
    }

    // ---------------------------------------------------------------- experts

    /** Registers a user of role EXPERT as eligible, with the park it belongs to (same-park conflict). */
    public void registerExpert(Scope scope, String username, String parkId, String field) {
        requireOfficial(scope, "experts");
        String role = store.jdbc().sql("select role from app_user where username = ?").param(username).query(String.class)
                .optional().orElseThrow(() -> BilingualException.notFound("未找到用户 " + username, "no user " + username));
        if (!Role.EXPERT.name().equals(role)) {
            throw BilingualException.badRequest("用户 " + username + " 不是评审专家", "user " + username + " is not an expert");
        }
        tx.executeWithoutResult(s -> {
            store.update("delete from cult_expert where username = ?", username);
            store.update("insert into cult_expert (username, park_id, field, active) values (?,?,?,true)", username,
                    parkId == null || parkId.isBlank() ? null : parkId, field);
            audit.recordAs(scope.username(), "EXPERT_REGISTER", "cult_expert", username, null,
                    Map.of("park", parkId == null ? "" : parkId, "field", field == null ? "" : field));
        });
    }

    /** An expert declares a conflict of interest with a firm (by credit code). */
    public void declareConflict(Scope scope, String username, String creditCode, String reason) {
        CurrentUser.require(scope.role() == Role.EXPERT && scope.username().equals(username)
                || scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL, "conflicts");
        String why = required(reason, "回避理由", "the reason");
        if (!registry.exists(creditCode)) {
            throw BilingualException.notFound("未找到企业 " + creditCode, "no enterprise " + creditCode);
        }
        tx.executeWithoutResult(s -> {
            store.update("delete from cult_conflict where username = ? and credit_code = ?", username, creditCode);
            store.update("insert into cult_conflict (username, credit_code, reason, declared_at) values (?,?,?,?)", username,
                    creditCode, why, ts(now()));
            audit.recordAs(scope.username(), "EXPERT_CONFLICT", "cult_expert", username, null, Map.of("firm", creditCode,
                    "reason", why));
        });
    }

    public List<ExpertAssigner.Expert> experts() {
        return store.jdbc().sql("select x.username, x.park_id from cult_expert x join app_user u on u.username = x.username "
                        + "where x.active = true and u.enabled = true order by x.username")
                .query((rs, n) -> new ExpertAssigner.Expert(rs.getString(1), rs.getString(2))).list();
    }

    /** The outcome of an assignment. */
    public record Assignment(int cases, int reviews, Map<Long, Integer> shortfalls) {
    }

    /**
     * Draws experts for cases in expert review that have none open (all such cases of the round
     * when {@code caseIds} is null): random among eligible experts, excluding the same park and
     * declared conflicts, least-loaded first. Each assignment is audited.
     */
    public Assignment assignExperts(Scope scope, long roundId, List<Long> caseIds) {
        if (scope.role() != Role.ADMIN) {
            requireOfficial(scope, "expert assignment");
        }
        Round r = round(roundId);
        List<CaseView> waiting = store.cases(Scope.system(), roundId, List.of(CaseState.EXPERT_REVIEW), null, 5000).stream()
                .filter(c -> caseIds == null || caseIds.contains(c.id())).toList();
        Map<Long, Set<String>> already = new HashMap<>();
        List<ExpertAssigner.Case> todo = new ArrayList<>();
        Map<Long, List<CultivationStore.Review>> expertReviews = store.expertReviewsOfRound(roundId);
        for (CaseView c : waiting) {
            List<CultivationStore.Review> open = expertReviews.getOrDefault(c.id(), List.of());
            if (open.stream().anyMatch(v -> v.submittedAt() == null)) {
                continue;
            }
            already.put(c.id(), new HashSet<>(open.stream().map(CultivationStore.Review::reviewer).toList()));
            todo.add(new ExpertAssigner.Case(c.id(), c.creditCode(), c.parkId()));
        }
        Set<ExpertAssigner.Conflict> conflicts = new HashSet<>(store.jdbc().sql("select username, credit_code from cult_conflict")
                .query((rs, n) -> new ExpertAssigner.Conflict(rs.getString(1), rs.getString(2))).list());
        ExpertAssigner.Result res = ExpertAssigner.assign(todo, experts(), conflicts, already, r.expertsPerCase(),
                new java.security.SecureRandom().nextLong());
        // the writes in a few JDBC batches: the review tasks, a to-do per task, an audit record per case
        int reviews = tx.execute(s -> {
            List<Map.Entry<Long, String>> rows = new ArrayList<>();
            List<AuditTrail.Change> changes = new ArrayList<>();
            for (ExpertAssigner.Case c : todo) {
                List<String> drawn = res.experts().getOrDefault(c.id(), List.of());
                drawn.forEach(expert -> rows.add(Map.entry(c.id(), expert)));
                changes.add(new AuditTrail.Change(String.valueOf(c.id()), null,
                        Map.of("experts", drawn, "short", res.shortfalls().getOrDefault(c.id(), 0))));
            }
            List<Long> ids = store.insertExpertReviews(rows, now());
            List<CaseNotifier.Drawn> tasks = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                tasks.add(new CaseNotifier.Drawn(rows.get(i).getKey(), ids.get(i), rows.get(i).getValue()));
            }
            notifier.assigned(tasks);
            audit.recordAllAs(scope.username(), "CASE_ASSIGN_EXPERTS", "cult_case", changes);
            return rows.size();
        });
        return new Assignment(todo.size(), reviews, res.shortfalls());
    }

    /** An expert's assigned review with its case (blind where the round says so). */
    public record Assigned(CultivationStore.Review review, CaseView view) {
    }

    public List<Assigned> myReviews(Scope scope) {
        CurrentUser.require(scope.role() == Role.EXPERT, "reviews");
        List<Assigned> out = new ArrayList<>();
        for (CaseView c : store.cases(scope, null, List.of(), null, 2000)) {
            for (CultivationStore.Review v : store.reviews(c.id())) {
                if (v.reviewer().equals(scope.username()) && v.stage() == ReviewStage.EXPERT) {
                    out.add(new Assigned(v, blindFor(scope, c)));
                }
            }
        }
        return out;
    }

    /** An expert scores and comments an assigned review; the last one moves the case to decision. */
    public CaseView submitReview(Scope scope, long reviewId, int score, String opinion, String comment) {
        CurrentUser.require(scope.role() == Role.EXPERT, "reviews");
        CultivationStore.Review v = store.review(reviewId).filter(x -> x.reviewer().equals(scope.username()))
                .orElseThrow(() -> BilingualException.notFound("未找到评审任务 #" + reviewId, "no review #" + reviewId));
        if (v.submittedAt() != null) {
            throw new BilingualException(HttpStatus.CONFLICT, "评审 #" + reviewId + " 已提交", "review #" + reviewId + " was already submitted");
        }
        if (score < 0 || score > 100) {
            throw BilingualException.badRequest("评分须在 0–100：" + score, "the score must be 0–100: " + score);
        }
        if (!"PASS".equals(opinion) && !"FAIL".equals(opinion)) {
            throw BilingualException.badRequest("评审意见须为 PASS 或 FAIL：" + opinion, "the opinion must be PASS or FAIL: " + opinion);
        }
        String text = required(comment, "评审意见说明", "the comment");
        CaseView c = store.caseOf(v.caseId()).orElseThrow();
        if (c.state() != CaseState.EXPERT_REVIEW) {
            throw new Transitions.IllegalTransition(c.id(), c.state(), CaseAction.REVIEWS_COMPLETE);
        }
        tx.executeWithoutResult(s -> {
            if (store.update("update cult_review set score = ?, opinion = ?, comment = ?, submitted_at = ? where id = ? "
                    + "and submitted_at is null", score, opinion, text, ts(now()), reviewId) != 1) {
                throw new BilingualException(HttpStatus.CONFLICT, "评审 #" + reviewId + " 已提交", "review #" + reviewId + " was already submitted");
            }
            audit.recordAs(scope.username(), "REVIEW_SUBMIT", "cult_case", String.valueOf(c.id()), null,
                    Map.of("review", reviewId, "score", score, "opinion", opinion));
            notifier.reviewed(reviewId);
        });
        boolean allIn = store.reviews(c.id()).stream().filter(x -> x.stage() == ReviewStage.EXPERT)
                .allMatch(x -> x.submittedAt() != null);
        if (allIn) {
            return move(Scope.system(), store.caseOf(c.id()).orElseThrow(), CaseAction.REVIEWS_COMPLETE,
                    "all expert reviews submitted", null, true);
        }
        return store.caseOf(c.id()).orElseThrow();
    }

    // ---------------------------------------------------------------- notice, objections, recognition

    /** Publishes every approved case of a round on notice for the round's number of days, from today. */
    public List<CaseView> publishNotice(Scope scope, long roundId) {
        requireOfficial(scope, "public notice");
        Round r = round(roundId);
        LocalDate from = today();
        LocalDate until = from.plusDays(r.noticeDays() - 1L);
        List<CaseView> out = new ArrayList<>();
        for (CaseView c : store.cases(Scope.system(), roundId, List.of(CaseState.APPROVED), null, 5000)) {
            out.add(move(scope, c, CaseAction.PUBLISH, "notice " + from + " – " + until,
                    to -> store.update("update cult_case set notice_from = ?, notice_until = ? where id = ?", date(from),
                            date(until), c.id()), false));
        }
        if (out.isEmpty()) {
            throw new BilingualException(HttpStatus.CONFLICT, "批次 #" + roundId + " 没有拟认定的申报可公示",
                    "round #" + roundId + " has no approved case to publish");
        }
        return out;
    }

    /** The public notice: cases on notice or paused by an objection, of every round or one. */
    public List<CaseView> notice(Scope scope, Long roundId) {
        CurrentUser.require(scope.role() != Role.EXPERT, "public notice");
        return store.cases(Scope.system(), roundId, List.of(CaseState.NOTICE, CaseState.OBJECTED), null, 5000).stream()
                .map(c -> publicView(scope, c)).toList();
    }

    /**
     * A case of a public list (notice, recognised list) as a scope sees it: park operators and
     * firms see the names of other firms, not their credit codes (their scope never reads them).
     */
    static CaseView publicView(Scope scope, CaseView c) {
        if ((scope.role() == Role.PARK_OPERATOR || scope.role() == Role.ENTERPRISE) && !scope.allows(c.creditCode(), c.parkId())) {
            return c.withoutCode();
        }
        return c;
    }

    /** Anyone (but the firm itself and experts) objects to a case on notice during the notice period. */
    public CaseView object(Scope scope, long id, String reason) {
        String why = required(reason, "异议理由", "the reason");
        CaseView c = store.caseOf(Scope.system(), id).filter(x -> x.state() == CaseState.NOTICE || x.state() == CaseState.OBJECTED)
                .orElseThrow(() -> caseNotFound(id));
        CurrentUser.require(scope.role() != Role.EXPERT, "objections");
        if (c.noticeUntil() != null && today().isAfter(c.noticeUntil())) {
            throw new BilingualException(HttpStatus.CONFLICT, "公示期已于 " + c.noticeUntil() + " 结束", "the notice ended on " + c.noticeUntil());
        }
        if (c.state() == CaseState.OBJECTED) {
            // already paused: the objection is recorded, the state stays
            if (c.creditCode().equals(scope.creditCode())) {
                throw new BilingualException(HttpStatus.FORBIDDEN, "企业不能对自己的申报提出异议", "a firm cannot object to its own case");
            }
            tx.executeWithoutResult(s -> {
                long oid = store.insert("insert into cult_objection (case_id, raised_by, raised_at, reason, status) values (?,?,?,?,?)",
                        id, scope.username(), ts(now()), why, "OPEN");
                audit.recordAs(scope.username(), "CASE_OBJECTION", "cult_case", String.valueOf(id), null, Map.of("objection", oid));
            });
            return store.caseOf(id).orElseThrow();
        }
        return move(scope, c, CaseAction.OBJECT, why,
                to -> store.insert("insert into cult_objection (case_id, raised_by, raised_at, reason, status) values (?,?,?,?,?)",
                        id, scope.username(), ts(now()), why, "OPEN"), false);
    }

    /** An official resolves the open objections of a case: upheld (rejected) or dismissed (back on notice). */
    public CaseView resolveObjection(Scope scope, long id, boolean upheld, String resolution) {
        requireOfficial(scope, "objections");
        String why = required(resolution, "异议处理意见", "the resolution");
        CaseView c = store.caseOf(scope, id).orElseThrow(() -> caseNotFound(id));
        return move(scope, c, upheld ? CaseAction.UPHOLD_OBJECTION : CaseAction.DISMISS_OBJECTION, why, to -> {
            store.update("update cult_objection set status = ?, resolved_by = ?, resolved_at = ?, resolution = ? "
                    + "where case_id = ? and status = 'OPEN'", upheld ? "UPHELD" : "DISMISSED", scope.username(), ts(now()), why, id);
            if (upheld) {
                store.update("update cult_case set decision_note = ? where id = ?", why, id);
            }
        }, false);
    }

    /**
     * Recognises every case of a round whose notice has ended without an open objection: the title
     * is recorded in the registry (today, valid 3 years). Cases paused by an objection wait.
     */
    public List<CaseView> recognise(Scope scope, long roundId) {
        requireOfficial(scope, "recognition");
        Round r = round(roundId);
        LocalDate today = today();
        List<CaseView> out = new ArrayList<>();
        for (CaseView c : store.cases(Scope.system(), roundId, List.of(CaseState.NOTICE), null, 5000)) {
            if (c.noticeUntil() == null || !today.isAfter(c.noticeUntil())) {
                continue;
            }
            out.add(move(scope, c, CaseAction.RECOGNISE, "notice ended " + c.noticeUntil(), to -> {
                Title t = registry.recognise(c.creditCode(), r.tier(), today, "认定批次 #" + roundId + " " + r.name());
                store.update("update cult_case set recognised_on = ?, title_id = ? where id = ?", date(today), t.id(), c.id());
            }, false));
        }
        if (out.isEmpty()) {
            throw new BilingualException(HttpStatus.CONFLICT, "批次 #" + roundId + " 没有公示期满且无异议的申报",
                    "round #" + roundId + " has no case whose notice ended without an open objection");
        }
        return out;
    }

    /** The recognised list of a round (for the XLSX and PDF exports). */
    public List<CaseView> recognised(Scope scope, long roundId) {
        CurrentUser.require(scope.role() != Role.EXPERT, "recognised list");
        return store.cases(Scope.system(), roundId, List.of(CaseState.RECOGNISED), null, 5000).stream()
                .sorted(java.util.Comparator.comparing(CaseView::creditCode)).map(c -> publicView(scope, c)).toList();
    }

    /** The caller's pending actions in the lifecycle. */
    public List<Todo.Item> todo(Scope scope, PoolService pool) {
        return Todo.of(scope, this, pool);
    }
}
