package cn.srdi.app.grading.web;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.grading.GradingService;
import cn.srdi.app.grading.RuleChoice;
import cn.srdi.app.grading.StoredGrade;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.web.BilingualException;
import cn.srdi.app.web.Lang;
import cn.srdi.engine.model.ApplicationType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The grade of one firm, the page a firm and an official read together: an HTML fragment that the
 * registry's firm page loads with htmx ({@code GET /firms/{code}/grade}), the same fragment in the
 * layout ({@code /firms/{code}/grading}), and "grade now" ({@code POST /firms/{code}/grade}).
 */
@Controller
class FirmGradePages {

    private final GradingService grading;

    FirmGradePages(GradingService grading) {
        this.grading = grading;
    }

    @GetMapping("/firms/{code}/grade")
    String fragment(@PathVariable("code") String code, Model model) {
        fill(model, CurrentUser.scope(), code, null);
        return "grading/firm :: grade";
    }

    @GetMapping("/firms/{code}/grading")
    String page(@PathVariable("code") String code, Model model) {
        fill(model, CurrentUser.scope(), code, null);
        return "grading/firm";
    }

    @PostMapping("/firms/{code}/grade")
    String gradeNow(@PathVariable("code") String code,
                    @RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @RequestParam(name = "rules", required = false) String rules, @RequestParam(name = "type", required = false) String type,
                    Model model) {
        Scope scope = CurrentUser.scope();
        String error = null;
        try {
            grading.gradeFirm(scope, code, date == null ? LocalDate.now(AuditTrail.ZONE) : date, RuleChoice.of(rules),
                    "REVIEW".equalsIgnoreCase(type) ? ApplicationType.REVIEW : ApplicationType.NEW);
        } catch (BilingualException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            error = Lang.pick(e.zh(), e.en());
        }
        fill(model, scope, code, error);
        return "grading/firm :: grade";
    }

    static java.util.Map<String, String> tierLabels(boolean zh) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String t : List.of("NONE", "INNOVATIVE", "TECH_INNOVATIVE", "SRDI", "LITTLE_GIANT", "CHAMPION")) {
            m.put(t, GradeView.tierLabel(t, zh));
        }
        return m;
    }

    private void fill(Model model, Scope scope, String code, String error) {
        boolean zh = Lang.zh();
        Enterprise firm = grading.requireFirm(scope, code);
        Optional<GradingService.FirmGrade> latest = grading.latest(scope, code);
        List<StoredGrade> history = grading.history(scope, code);
        model.addAttribute("firm", firm);
        model.addAttribute("view", latest.map(f -> GradeView.of(f, zh)).orElse(null));
        model.addAttribute("history", history);
        model.addAttribute("chart", history.size() > 1 ? GradeView.historyChart(history, zh) : null);
        model.addAttribute("canGrade", scope.canReadIndicators());
        model.addAttribute("today", LocalDate.now(AuditTrail.ZONE));
        model.addAttribute("selections", grading.rules().selections());
        model.addAttribute("gradeError", error);
        model.addAttribute("tierLabels", tierLabels(zh));
    }
}
