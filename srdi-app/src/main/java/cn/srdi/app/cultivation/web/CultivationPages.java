package cn.srdi.app.cultivation.web;

import cn.srdi.app.cultivation.CaseState;
import cn.srdi.app.cultivation.CaseView;
import cn.srdi.app.cultivation.CultivationService;
import cn.srdi.app.cultivation.PoolEntry;
import cn.srdi.app.cultivation.PoolService;
import cn.srdi.app.cultivation.ReviewStage;
import cn.srdi.app.cultivation.Round;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.titles.TitleService;
import cn.srdi.app.titles.UpdateDeadline;
import cn.srdi.app.titles.UpdateDeadlines;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pages of the cultivation lifecycle: officials' rounds, queues per stage, case pages with the
 * actions allowed now, pool and plans, the public notice; a firm's applications; an expert's
 * assigned (blind) reviews. Forms post and redirect; errors show the bilingual error page.
 */
@Controller
class CultivationPages {

    private final CultivationService service;
    private final PoolService pool;
    private final TitleService titles;
    private final UpdateDeadlines deadlines;
    private final RegistryStore registry;

    CultivationPages(CultivationService service, PoolService pool, TitleService titles, UpdateDeadlines deadlines,
                     RegistryStore registry) {
        this.service = service;
        this.pool = pool;
        this.titles = titles;
        this.deadlines = deadlines;
        this.registry = registry;
    }

    static boolean official(Scope s) {
        return s.role() == Role.ADMIN || s.role() == Role.OFFICIAL;
    }

    @GetMapping("/cultivation")
    String index(Model model) {
        Scope scope = CurrentUser.scope();
        if (scope.role() == Role.ENTERPRISE) {
            return "redirect:/cultivation/my";
        }
        if (scope.role() == Role.EXPERT) {
            return "redirect:/cultivation/reviews";
        }
        if (!official(scope) && scope.role() != Role.PARK_OPERATOR) {
            return "redirect:/cultivation/notice";
        }
        List<Round> rounds = service.rounds();
        Map<Long, Map<CaseState, Long>> counts = new LinkedHashMap<>();
        for (Round r : rounds) {
            Map<CaseState, Long> m = new LinkedHashMap<>();
            for (CaseView c : service.cases(scope, r.id(), List.of(), null)) {
                m.merge(c.state(), 1L, Long::sum);
            }
            counts.put(r.id(), m);
        }
        model.addAttribute("rounds", rounds);
        model.addAttribute("counts", counts);
        model.addAttribute("todo", service.todo(scope, pool));
        model.addAttribute("official", official(scope));
        model.addAttribute("today", service.today());
        model.addAttribute("states", CaseState.values());
        return "cultivation/index";
    }

    @PostMapping("/cultivation/rounds")
    String createRound(@RequestParam("tier") String tier, @RequestParam("name") String name,
                       @RequestParam("opensOn") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
                       @RequestParam("closesOn") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
                       @RequestParam(name = "quota", required = false) Integer quota,
                       @RequestParam(name = "stages", required = false) List<String> stages,
                       @RequestParam(name = "blind", defaultValue = "false") boolean blind,
                       @RequestParam(name = "expertsPerCase", required = false) Integer experts,
                       @RequestParam(name = "noticeDays", required = false) Integer noticeDays) {
        Round r = service.createRound(CurrentUser.scope(), new CultivationService.RoundInput(tier, name, opensOn, closesOn, "auto",
                quota, stages == null ? List.of() : stages, blind, experts, noticeDays));
        return "redirect:/cultivation/rounds/" + r.id();
    }

    @GetMapping("/cultivation/rounds/{id}")
    String round(@PathVariable("id") long id, Model model) {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(official(scope) || scope.role() == Role.PARK_OPERATOR, "rounds");
        Round r = service.round(id);
        model.addAttribute("round", r);
        model.addAttribute("cases", service.cases(scope, id, List.of(), null));
        model.addAttribute("official", official(scope));
        return "cultivation/round";
    }

    @PostMapping("/cultivation/rounds/{id}/{op:open|close|assign|notice|recognise}")
    String roundOp(@PathVariable("id") long id, @PathVariable("op") String op) {
        Scope scope = CurrentUser.scope();
        switch (op) {
            case "open" -> service.setRoundStatus(scope, id, Round.OPEN);
            case "close" -> service.setRoundStatus(scope, id, Round.CLOSED);
            case "assign" -> service.assignExperts(scope, id, null);
            case "notice" -> service.publishNotice(scope, id);
            default -> service.recognise(scope, id);
        }
        return "redirect:/cultivation/rounds/" + id;
    }

    @GetMapping("/cultivation/cases")
    String queue(@RequestParam(name = "state", required = false) CaseState state,
                 @RequestParam(name = "round", required = false) Long round, Model model) {
        Scope scope = CurrentUser.scope();
        model.addAttribute("cases", service.cases(scope, round, state == null ? List.of() : List.of(state), null));
        model.addAttribute("state", state);
        model.addAttribute("states", CaseState.values());
        return "cultivation/cases";
    }

    @GetMapping("/cultivation/cases/{id}")
    String caseDetail(@PathVariable("id") long id, Model model) {
        Scope scope = CurrentUser.scope();
        CultivationService.CaseDetail d = service.detail(scope, id);
        model.addAttribute("d", d);
        model.addAttribute("c", d.view());
        model.addAttribute("actions", d.actions().stream().map(Enum::name).toList());
        model.addAttribute("isFirm", scope.role() == Role.ENTERPRISE);
        model.addAttribute("isExpert", scope.role() == Role.EXPERT);
        model.addAttribute("defaultDeadline", service.today().plusDays(service.properties().returnDays()));
        return "cultivation/case";
    }

    @PostMapping("/cultivation/cases/{id}/{op:declaration|submit|withdraw|pass|return|reject|approve|object|dismiss|uphold}")
    String caseOp(@PathVariable("id") long id, @PathVariable("op") String op,
                  @RequestParam(name = "reason", required = false) String reason,
                  @RequestParam(name = "score", required = false) Integer score,
                  @RequestParam(name = "deadline", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {
        Scope scope = CurrentUser.scope();
        switch (op) {
            case "declaration" -> service.sign(scope, id);
            case "submit" -> service.submit(scope, id);
            case "withdraw" -> service.withdraw(scope, id, reason);
            case "pass" -> service.pass(scope, id, score, reason);
            case "return" -> service.returnForCorrection(scope, id, reason, deadline);
            case "reject" -> service.reject(scope, id, reason);
            case "approve" -> service.approve(scope, id, reason);
            case "object" -> {
                service.object(scope, id, reason);
                return "redirect:/cultivation/notice";
            }
            case "dismiss" -> service.resolveObjection(scope, id, false, reason);
            default -> service.resolveObjection(scope, id, true, reason);
        }
        return "redirect:/cultivation/cases/" + id;
    }

    @PostMapping("/cultivation/cases/{id}/evidence")
    String upload(@PathVariable("id") long id, @RequestParam("file") MultipartFile file) throws IOException {
        service.attach(CurrentUser.scope(), id, file.getOriginalFilename(), file.getBytes());
        return "redirect:/cultivation/cases/" + id;
    }

    @GetMapping("/cultivation/my")
    String my(Model model) {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.role() == Role.ENTERPRISE, "applications");
        LocalDate today = service.today();
        List<CaseView> cases = service.cases(scope, null, List.of(), scope.creditCode());
        List<Long> applied = cases.stream().map(CaseView::roundId).toList();
        model.addAttribute("cases", cases);
        model.addAttribute("open", service.rounds().stream().filter(r -> r.accepting(today) && !applied.contains(r.id())).toList());
        model.addAttribute("pool", pool.list(scope, null, null));
        model.addAttribute("todo", service.todo(scope, pool));
        // after recognition: the titles with their validity and state, and the next yearly data update
        UpdateDeadline next = deadlines.next(today);
        model.addAttribute("code", scope.creditCode());
        model.addAttribute("titles", scope.creditCode() == null ? List.of() : titles.firmTitles(scope, scope.creditCode()));
        model.addAttribute("today", today);
        model.addAttribute("deadline", next);
        model.addAttribute("filed", scope.creditCode() != null && registry.record(scope, scope.creditCode())
                .map(r -> r.years().stream().anyMatch(y -> y.fiscalYear() == next.fiscalYear())).orElse(false));
        return "cultivation/my";
    }

    @PostMapping("/cultivation/rounds/{id}/apply")
    String apply(@PathVariable("id") long id) {
        CaseView c = service.apply(CurrentUser.scope(), id);
        return "redirect:/cultivation/cases/" + c.id();
    }

    @PostMapping("/cultivation/pool/request")
    String poolRequest(@RequestParam("tier") String tier, @RequestParam("reason") String reason) {
        pool.request(CurrentUser.scope(), tier, reason);
        return "redirect:/cultivation/my";
    }

    @GetMapping("/cultivation/reviews")
    String reviews(Model model) {
        model.addAttribute("assigned", service.myReviews(CurrentUser.scope()));
        return "cultivation/reviews";
    }

    @PostMapping("/cultivation/reviews/{id}")
    String review(@PathVariable("id") long id, @RequestParam("score") int score, @RequestParam("opinion") String opinion,
                  @RequestParam("comment") String comment) {
        service.submitReview(CurrentUser.scope(), id, score, opinion, comment);
        return "redirect:/cultivation/reviews";
    }

    @GetMapping("/cultivation/notice")
    String notice(Model model) {
        Scope scope = CurrentUser.scope();
        model.addAttribute("cases", service.notice(scope, null));
        model.addAttribute("own", scope.creditCode());
        return "cultivation/notice";
    }

    @GetMapping("/cultivation/pool")
    String poolList(@RequestParam(name = "tier", required = false) String tier,
                    @RequestParam(name = "status", required = false) String status, Model model) {
        Scope scope = CurrentUser.scope();
        model.addAttribute("entries", pool.list(scope, tier, status));
        model.addAttribute("tier", tier);
        model.addAttribute("status", status);
        model.addAttribute("official", official(scope));
        model.addAttribute("tiers", List.of("INNOVATIVE", "TECH_INNOVATIVE", "SRDI", "LITTLE_GIANT"));
        model.addAttribute("statuses", List.of(PoolEntry.PROPOSED, PoolEntry.REQUESTED, PoolEntry.ACTIVE, PoolEntry.DISMISSED));
        return "cultivation/pool";
    }

    @GetMapping("/cultivation/pool/{id}")
    String poolEntry(@PathVariable("id") long id, Model model) {
        Scope scope = CurrentUser.scope();
        model.addAttribute("e", pool.require(scope, id));
        model.addAttribute("gaps", pool.gaps(scope, id));
        model.addAttribute("actions", pool.actions(scope, id));
        model.addAttribute("official", official(scope));
        return "cultivation/pool-entry";
    }

    @PostMapping("/cultivation/pool/{id}/{op:accept|dismiss}")
    String decide(@PathVariable("id") long id, @PathVariable("op") String op,
                  @RequestParam(name = "reason", required = false) String reason) {
        pool.decide(CurrentUser.scope(), id, op.equals("accept"), reason);
        return "redirect:/cultivation/pool/" + id;
    }

    @PostMapping("/cultivation/pool/{id}/plan")
    String plan(@PathVariable("id") long id, @RequestParam(name = "owner", required = false) String owner,
                @RequestParam(name = "goals", required = false) String goals, @RequestParam(name = "notes", required = false) String notes) {
        pool.updatePlan(CurrentUser.scope(), id, owner, goals, notes);
        return "redirect:/cultivation/pool/" + id;
    }

    @PostMapping("/cultivation/pool/{id}/actions")
    String addAction(@PathVariable("id") long id,
                     @RequestParam(name = "dueOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                     @RequestParam(name = "description", required = false) String description) {
        pool.addAction(CurrentUser.scope(), id, dueOn, description);
        return "redirect:/cultivation/pool/" + id;
    }

    @PostMapping("/cultivation/pool/{id}/actions/{action}/done")
    String done(@PathVariable("id") long id, @PathVariable("action") long action) {
        pool.completeAction(CurrentUser.scope(), id, action, service.today());
        return "redirect:/cultivation/pool/" + id;
    }

    static List<String> stageNames() {
        List<String> out = new ArrayList<>();
        Arrays.stream(ReviewStage.values()).forEach(s -> out.add(s.name()));
        return out;
    }
}
