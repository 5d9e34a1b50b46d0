package cn.srdi.app.titles;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages of title management: officials' lists and title page, the firm's titles page, change reports. */
@Controller
class TitlesController {

    private final TitleService titles;

    TitlesController(TitleService titles) {
        this.titles = titles;
    }

    @GetMapping("/titles")
    String list(@RequestParam(name = "view", required = false) String view, Model model) {
        Scope scope = CurrentUser.scope();
        if (scope.role() == Role.ENTERPRISE && scope.creditCode() != null) {
            return "redirect:/titles/firm/" + scope.creditCode();
        }
        TitleStore.View v = TitlesApi.view(view);
        model.addAttribute("view", v.name());
        model.addAttribute("views", List.of("REVIEW", "EXPIRING", "FLAGGED", "UNDER_REVIEW", "REVOKED", "LAPSED"));
        model.addAttribute("rows", titles.list(scope, v, 500));
        model.addAttribute("today", titles.today());
        model.addAttribute("deadline", titles.deadlines().next(titles.today()));
        model.addAttribute("bans", v == TitleStore.View.REVOKED ? titles.bans(scope, null) : List.of());
        model.addAttribute("official", scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL);
        return "titles/list";
    }

    @GetMapping("/titles/{id:\\d+}")
    String one(@PathVariable("id") long id, Model model) {
        Scope scope = CurrentUser.scope();
        TitleView v = titles.title(scope, id);
        model.addAttribute("t", v);
        model.addAttribute("today", titles.today());
        model.addAttribute("allowed", Transitions.allowed(v.state()).keySet().stream().map(Enum::name).toList());
        model.addAttribute("history", titles.history(scope, id));
        model.addAttribute("official", scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL);
        model.addAttribute("grounds", RevocationGround.values());
        return "titles/title";
    }

    @PostMapping("/titles/{id:\\d+}/act")
    String act(@PathVariable("id") long id, @RequestParam("step") String step,
               @RequestParam(name = "reason", required = false) String reason,
               @RequestParam(name = "ground", required = false) String ground) {
        Scope scope = CurrentUser.scope();
        switch (step) {
            case "open" -> titles.openReview(scope, id, reason);
            case "grade" -> titles.gradeReview(scope, id);
            case "pass" -> titles.decideReview(scope, id, true, reason);
            case "fail" -> titles.decideReview(scope, id, false, reason);
            case "decline" -> titles.declineReview(scope, id, reason);
            case "clear" -> titles.clearFlag(scope, id, reason);
            case "revoke" -> titles.revoke(scope, id, TitlesApi.ground(ground), reason);
            default -> throw cn.srdi.app.web.BilingualException.badRequest("未知操作：" + step, "unknown step: " + step);
        }
        return "redirect:/titles/" + id;
    }

    @GetMapping("/titles/firm/{code}")
    String firm(@PathVariable("code") String code, Model model) {
        Scope scope = CurrentUser.scope();
        model.addAttribute("code", code);
        model.addAttribute("rows", titles.firmTitles(scope, code));
        model.addAttribute("today", titles.today());
        model.addAttribute("deadline", titles.deadlines().next(titles.today()));
        model.addAttribute("flags", titles.flags(scope, code));
        model.addAttribute("reports", titles.reports(scope, code, null, null, 200));
        model.addAttribute("bans", titles.bans(scope, code));
        model.addAttribute("types", ChangeType.values());
        model.addAttribute("canFile", scope.role() == Role.ENTERPRISE || scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL);
        return "titles/firm";
    }

    @PostMapping("/titles/firm/{code}/changes")
    String file(@PathVariable("code") String code, @RequestParam(name = "type", required = false) String type,
                @RequestParam(name = "changedOn", required = false) String changedOn,
                @RequestParam(name = "details", required = false) String details) {
        Scope scope = CurrentUser.scope();
        titles.requireFirm(scope, code);
        titles.fileChange(scope, code, TitlesApi.changeType(type), TitlesApi.date(changedOn, "changedOn"), details);
        return "redirect:/titles/firm/" + code;
    }

    @GetMapping("/titles/changes")
    String changes(@RequestParam(name = "status", required = false) String status, Model model) {
        Scope scope = CurrentUser.scope();
        String s = status == null || status.isBlank() ? null : status;
        model.addAttribute("status", s);
        model.addAttribute("reports", titles.reports(scope, null, s, null, 500));
        model.addAttribute("official", scope.role() == Role.ADMIN || scope.role() == Role.OFFICIAL);
        return "titles/changes";
    }

    @PostMapping("/titles/changes/{id}/acknowledge")
    String ack(@PathVariable("id") long id, @RequestParam(name = "note", required = false) String note) {
        titles.acknowledge(CurrentUser.scope(), id, note);
        return "redirect:/titles/changes";
    }
}
