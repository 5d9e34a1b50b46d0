package cn.srdi.app.dashboard;

import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.Lang;
import cn.srdi.engine.model.Tier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The dashboard pages: the pyramid, candidates and expiring titles, and their XLSX exports. */
@Controller
class DashboardController {

    private final Dashboards dashboards;
    private final DashboardStore store;
    private final Charts charts;
    private final Labels labels;
    private final ConditionNames conditions;

    DashboardController(Dashboards dashboards, DashboardStore store, Charts charts, Labels labels,
                        ConditionNames conditions) {
        this.dashboards = dashboards;
        this.store = store;
        this.charts = charts;
        this.labels = labels;
        this.conditions = conditions;
    }

    /** The current URL without its page parameter (for the pager). */
    private static String pageUrl(HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page").build().toUriString();
    }

    private void common(Model model, Scope scope, DashboardFilter filter) {
        model.addAttribute("L", labels);
        model.addAttribute("filter", filter);
        model.addAttribute("parks", store.parks(scope));
        model.addAttribute("focusList", DashboardFilter.FOCUS);
        model.addAttribute("sections", DashboardFilter.SECTIONS.stream().sorted().toList());
        model.addAttribute("tiers", Rung.ORDER);
        model.addAttribute("canNames", scope.canReadCandidates());
        // per-row links are plain strings: a Thymeleaf link expression (@{...}) goes through the
        // ResourceUrlEncodingFilter, which looks every URL up as a static resource (about 1 ms each)
        String ctx = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest().getContextPath();
        model.addAttribute("firmBase", ctx + "/firms/");
    }

    @GetMapping("/dashboard")
    String index(@RequestParam(name = "park", required = false) String park, @RequestParam(name = "industry", required = false) String industry,
                 @RequestParam(name = "run", required = false) Long run,
                 @RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
        Scope scope = Access.dashboards();
        DashboardFilter filter = Access.filter(scope, park, industry);
        Pyramid p = dashboards.pyramid(scope, filter, run);
        common(model, scope, filter);
        model.addAttribute("p", p);
        model.addAttribute("pyramidChart", charts.pyramid(p.total()));
        model.addAttribute("funnelChart", charts.funnel(p.total()));
        model.addAttribute("parkChart", charts.stacked(p.byPark(), labels::park));
        model.addAttribute("focusChart", charts.stacked(p.byFocus(), labels::focus));
        model.addAttribute("sectionChart", charts.stacked(p.bySection(), labels::section));
        return hx != null ? "dashboard/index :: body" : "dashboard/index";
    }

    @GetMapping("/dashboard/export.xlsx")
    void export(@RequestParam(name = "park", required = false) String park, @RequestParam(name = "industry", required = false) String industry,
                @RequestParam(name = "run", required = false) Long run, HttpServletResponse response) throws IOException {
        Scope scope = Access.dashboards();
        Pyramid p = dashboards.pyramid(scope, Access.filter(scope, park, industry), run);
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        List<List<Object>> rungs = new ArrayList<>();
        for (Tier t : Rung.ORDER) {
            rungs.add(Xlsx.row(t.name(), labels.tier(t), p.total().held(t), p.total().eligible(t)));
        }
        sheets.add(new Xlsx.Sheet(labels.msg("dash.pyramid"), List.of(labels.msg("dash.col.tier"), labels.msg("dash.col.name"),
                labels.msg("dash.held"), labels.msg("dash.eligible")), rungs));
        sheets.add(groupSheet(labels.msg("dash.bypark"), p.byPark(), labels::park));
        sheets.add(groupSheet(labels.msg("dash.byfocus"), p.byFocus(), labels::focus));
        sheets.add(groupSheet(labels.msg("dash.bysection"), p.bySection(), labels::section));
        Xlsx.send(response, "dashboard-pyramid.xlsx", sheets);
    }

    private Xlsx.Sheet groupSheet(String name, Map<String, Counts> groups, Function<String, String> label) {
        List<String> header = new ArrayList<>(List.of(labels.msg("dash.col.group"), labels.msg("dash.col.name"),
                labels.msg("dash.kpi.firms"), labels.msg("dash.kpi.graded")));
        for (Tier t : Rung.ORDER) {
            header.add(labels.tier(t) + " · " + labels.msg("dash.held"));
            header.add(labels.tier(t) + " · " + labels.msg("dash.eligible"));
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((k, c) -> {
            List<Object> r = Xlsx.row(k, label.apply(k), c.firms(), c.graded());
            for (Tier t : Rung.ORDER) {
                r.add(c.held(t));
                r.add(c.eligible(t));
            }
            rows.add(r);
        });
        return new Xlsx.Sheet(name, header, rows);
    }

    // ---------------------------------------------------------------- candidates

    @GetMapping("/dashboard/candidates")
    String candidates(@RequestParam(name = "park", required = false) String park, @RequestParam(name = "industry", required = false) String industry,
                      @RequestParam(name = "rung", required = false) String rung, @RequestParam(name = "page", defaultValue = "0") int page,
                      @RequestHeader(name = "HX-Request", required = false) String hx, HttpServletRequest request,
                      Model model) {
        Scope scope = Access.namedLists();
        model.addAttribute("pageUrl", pageUrl(request));
        DashboardFilter filter = Access.filter(scope, park, industry);
        Tier tier = Access.tier(rung);
        common(model, scope, filter);
        model.addAttribute("C", conditions);
        model.addAttribute("rung", tier);
        RegionRun run = store.currentRun().orElse(null);
        model.addAttribute("run", run);
        if (run != null) {
            int size = dashboards.properties().pageSize();
            model.addAttribute("list", store.candidates(scope, run, filter, tier, Math.max(0, page), size));
        }
        return hx != null ? "dashboard/candidates :: body" : "dashboard/candidates";
    }

    @GetMapping("/dashboard/candidates.xlsx")
    void candidatesXlsx(@RequestParam(name = "park", required = false) String park, @RequestParam(name = "industry", required = false) String industry,
                        @RequestParam(name = "rung", required = false) String rung, HttpServletResponse response) throws IOException {
        Scope scope = Access.namedLists();
        DashboardFilter filter = Access.filter(scope, park, industry);
        Tier tier = Access.tier(rung);
        List<List<Object>> rows = new ArrayList<>();
        store.currentRun().ifPresent(run -> {
            for (DashboardStore.Candidate c : store.candidates(scope, run, filter, tier, 0,
                    dashboards.properties().exportLimit()).rows()) {
                List<String> names = c.failing().stream().map(x -> conditions.label(x.id(), Lang.zh())
                        + (x.review() ? " (" + labels.msg("dash.review") + ")" : "")).toList();
                rows.add(Xlsx.row(c.creditCode(), c.name(), labels.park(c.parkId()), c.industryCode(),
                        labels.focus(c.focus()), labels.tier(c.eligibleTier()), labels.tier(c.nextTier()), c.gapCount(),
                        String.join(",", c.failingIds()), String.join("；", names)));
            }
        });
        Xlsx.send(response, "candidates.xlsx", List.of(new Xlsx.Sheet(labels.msg("dash.candidates"), List.of(
                labels.msg("dash.col.code"), labels.msg("dash.col.firm"), labels.msg("dash.col.park"),
                labels.msg("dash.col.industry"), labels.msg("dash.col.focus"), labels.msg("dash.col.eligible"),
                labels.msg("dash.col.next"), labels.msg("dash.col.gaps"), labels.msg("dash.col.failing"),
                labels.msg("dash.col.failingnames")), rows)));
    }

    // ---------------------------------------------------------------- expiring titles

    @GetMapping("/dashboard/expiring")
    String expiring(@RequestParam(name = "park", required = false) String park, @RequestParam(name = "industry", required = false) String industry,
                    @RequestParam(name = "tier", required = false) String tier, @RequestParam(name = "days", required = false) Integer days,
                    @RequestParam(name = "page", defaultValue = "0") int page,
                    @RequestHeader(name = "HX-Request", required = false) String hx, HttpServletRequest request,
                    Model model) {
        Scope scope = Access.namedLists();
        model.addAttribute("pageUrl", pageUrl(request));
        DashboardFilter filter = Access.filter(scope, park, industry);
        Tier t = Access.tier(tier);
        int d = Access.days(days, dashboards.properties().expiringDays());
        common(model, scope, filter);
        model.addAttribute("tier", t);
        model.addAttribute("days", d);
        model.addAttribute("list", store.expiring(scope, filter, t, Dashboards.today(), d, Math.max(0, page),
                dashboards.properties().pageSize()));
        return hx != null ? "dashboard/expiring :: body" : "dashboard/expiring";
    }

    @GetMapping("/dashboard/expiring.xlsx")
    void expiringXlsx(@RequestParam(name = "park", required = false) String park, @RequestParam(name = "industry", required = false) String industry,
                      @RequestParam(name = "tier", required = false) String tier, @RequestParam(name = "days", required = false) Integer days,
                      HttpServletResponse response) throws IOException {
        Scope scope = Access.namedLists();
        DashboardFilter filter = Access.filter(scope, park, industry);
        Tier t = Access.tier(tier);
        int d = Access.days(days, dashboards.properties().expiringDays());
        List<List<Object>> rows = new ArrayList<>();
        for (DashboardStore.ExpiringTitle e : store.expiring(scope, filter, t, Dashboards.today(), d, 0,
                dashboards.properties().exportLimit()).rows()) {
            rows.add(Xlsx.row(e.creditCode(), e.name(), labels.park(e.parkId()), labels.tier(e.tier()),
                    e.recognisedOn(), e.expiresOn(), e.daysLeft()));
        }
        Xlsx.send(response, "expiring-titles.xlsx", List.of(new Xlsx.Sheet(labels.msg("dash.expiring"), List.of(
                labels.msg("dash.col.code"), labels.msg("dash.col.firm"), labels.msg("dash.col.park"),
                labels.msg("dash.col.tier"), labels.msg("dash.col.recognised"), labels.msg("dash.col.expires"),
                labels.msg("dash.col.daysleft")), rows)));
    }
}
