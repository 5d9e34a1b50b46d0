package cn.srdi.app.dashboard;

import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.BilingualException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Action plans: list with progress, one plan's targets against actuals, and (ADMIN, OFFICIAL)
 * creating, editing and deactivating plans through an htmx form.
 */
@Controller
class PlanController {

    private final PlanService service;
    private final Charts charts;
    private final Labels labels;

    PlanController(PlanService service, Charts charts, Labels labels) {
        this.service = service;
        this.charts = charts;
        this.labels = labels;
    }

    @GetMapping("/plans")
    String list(Model model) {
        Scope scope = Access.dashboards();
        List<PlanProgress> all = new ArrayList<>();
        for (Plan p : service.plans().list()) {
            all.add(service.progress(scope, p, Dashboards.today()));
        }
        model.addAttribute("L", labels);
        model.addAttribute("plans", all);
        model.addAttribute("canEdit", scope.canManageRegion());
        model.addAttribute("scoped", !scope.regionWide() && scope.role() == cn.srdi.app.identity.Role.PARK_OPERATOR);
        return "dashboard/plans";
    }

    @GetMapping("/plans/{id}")
    String show(@PathVariable("id") long id, Model model) {
        Scope scope = Access.dashboards();
        PlanProgress pp = service.progress(scope, service.plans().require(id), Dashboards.today());
        Map<String, String> chartByMetric = new LinkedHashMap<>();
        for (PlanProgress.Metric m : pp.metrics()) {
            chartByMetric.put(m.metric(), charts.progress(m));
        }
        model.addAttribute("L", labels);
        model.addAttribute("pp", pp);
        model.addAttribute("charts", chartByMetric);
        model.addAttribute("canEdit", scope.canManageRegion());
        model.addAttribute("scoped", scope.role() == cn.srdi.app.identity.Role.PARK_OPERATOR);
        return "dashboard/plan";
    }

    @GetMapping("/plans/{id}/progress.xlsx")
    void progressXlsx(@PathVariable("id") long id, HttpServletResponse response) throws IOException {
        Scope scope = Access.dashboards();
        PlanProgress pp = service.progress(scope, service.plans().require(id), Dashboards.today());
        List<List<Object>> rows = new ArrayList<>();
        for (PlanProgress.Metric m : pp.metrics()) {
            rows.add(Xlsx.row(m.metric(), labels.metric(m.metric()), labels.msg("dash.plan.baseline") + " " + pp.baselineYear(),
                    null, m.baseline(), null, null));
            for (PlanProgress.Point p : m.points()) {
                rows.add(Xlsx.row(m.metric(), labels.metric(m.metric()), String.valueOf(p.year()), p.target(), p.actual(),
                        p.percent(), p.partial() ? m.eligibleNow() : null));
            }
        }
        Xlsx.send(response, "plan-" + id + "-progress.xlsx", List.of(new Xlsx.Sheet(labels.msg("dash.plan.progress"),
                List.of(labels.msg("dash.col.metric"), labels.msg("dash.col.name"), labels.msg("dash.col.year"),
                        labels.msg("dash.plan.target"), labels.msg("dash.plan.actual"), labels.msg("dash.plan.percent"),
                        labels.msg("dash.plan.eligible")), rows)));
    }

    // ---------------------------------------------------------------- editing

    @GetMapping("/plans/new")
    String create(Model model) {
        Access.planEditor();
        int y = Dashboards.today().getYear();
        return form(model, new Plan(0, "", "", y, y + 2, true, Map.of()), null, false);
    }

    @GetMapping("/plans/{id}/edit")
    String edit(@PathVariable("id") long id, Model model) {
        Access.planEditor();
        return form(model, service.plans().require(id), null, false);
    }

    @PostMapping("/plans")
    String createPost(@RequestParam Map<String, String> params, Model model) {
        Access.planEditor();
        Plan.Input in = input(params);
        try {
            Plan saved = service.plans().create(in);
            return form(model, saved, null, true);
        } catch (BilingualException e) {
            return form(model, new Plan(0, in.nameZh(), in.nameEn(), in.startYear(), in.endYear(), true, in.targets()), e, false);
        }
    }

    @PostMapping("/plans/{id}")
    String update(@PathVariable("id") long id, @RequestParam Map<String, String> params, Model model) {
        Access.planEditor();
        Plan before = service.plans().require(id);
        Plan.Input in = input(params);
        try {
            return form(model, service.plans().update(id, in), null, true);
        } catch (BilingualException e) {
            return form(model, new Plan(id, in.nameZh(), in.nameEn(), in.startYear(), in.endYear(), before.active(),
                    in.targets()), e, false);
        }
    }

    @PostMapping("/plans/{id}/deactivate")
    String deactivate(@PathVariable("id") long id) {
        Access.planEditor();
        service.plans().setActive(id, false);
        return "redirect:/plans";
    }

    @PostMapping("/plans/{id}/activate")
    String activate(@PathVariable("id") long id) {
        Access.planEditor();
        service.plans().setActive(id, true);
        return "redirect:/plans";
    }

    private String form(Model model, Plan plan, BilingualException error, boolean saved) {
        model.addAttribute("L", labels);
        model.addAttribute("plan", plan);
        model.addAttribute("metrics", Plan.METRICS);
        model.addAttribute("error", error);
        model.addAttribute("saved", saved);
        return "dashboard/plan-form";
    }

    /**
     * Reads the form: nameZh, nameEn, startYear, endYear and one field per metric and year named
     * {@code t_<METRIC>_<year>}; blank targets are left out, and so are years outside the new range
     * (changing the years of a plan drops the targets of the years it no longer has).
     */
    static Plan.Input input(Map<String, String> params) {
        int start = year(params.get("startYear"));
        int end = year(params.get("endYear"));
        Map<String, Map<Integer, Integer>> targets = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("t_") || e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            int us = k.lastIndexOf('_');
            String metric = k.substring(2, us);
            int y;
            try {
                y = Integer.parseInt(k.substring(us + 1));
            } catch (NumberFormatException ex) {
                continue;
            }
            if (y < start || y > end) {
                continue;
            }
            int v;
            try {
                v = Integer.parseInt(e.getValue().strip());
            } catch (NumberFormatException ex) {
                v = -1; // refused by validation with a bilingual message, the form keeps the other values
            }
            targets.computeIfAbsent(metric, m -> new TreeMap<>()).put(y, v);
        }
        return new Plan.Input(params.get("nameZh"), params.get("nameEn"), start, end, targets);
    }

    private static int year(String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return 0; // refused by validation
        }
    }
}
