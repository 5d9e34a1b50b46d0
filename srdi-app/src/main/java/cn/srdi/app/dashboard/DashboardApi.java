package cn.srdi.app.dashboard;

import cn.srdi.app.identity.Scope;
import cn.srdi.engine.model.Tier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the dashboards (产业大脑): the pyramid, action plans and progress, named lists. */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "dashboard", description = "产业大脑：梯度金字塔、行动计划进度、培育候选、到期称号 / industry brain: pyramid, action plans, candidates, expiring titles")
class DashboardApi {

    private final Dashboards dashboards;
    private final DashboardStore store;
    private final PlanService plans;
    private final ConditionNames conditions;

    DashboardApi(Dashboards dashboards, DashboardStore store, PlanService plans, ConditionNames conditions) {
        this.dashboards = dashboards;
        this.store = store;
        this.plans = plans;
        this.conditions = conditions;
    }

    /** One rung: titles held (in force today) and eligible by the grade. */
    record RungCount(Tier tier, String nameZh, String nameEn, long held, long eligible) {
    }

    /** Counts of one group (the whole selection, a park, an industry). */
    record GroupCount(String id, long firms, long graded, long candidates, long expiring, List<RungCount> rungs) {
    }

    /** The pyramid. */
    record PyramidView(RegionRun run, String asOf, int expiringDays, String park, String industry, GroupCount total,
                       List<GroupCount> byPark, List<GroupCount> byFocusIndustry, List<GroupCount> bySection) {
    }

    /** A failing condition with its readable name. */
    record Condition(String id, String nameZh, String nameEn, boolean review) {
    }

    /** A candidate firm. */
    record CandidateView(String creditCode, String name, String parkId, String industryCode, String focusIndustry,
                         String eligibleTier, String nextTier, int gapCount, List<Condition> failing) {
    }

    /** A page of rows. */
    record PageView<T>(long total, int page, int size, List<T> rows) {
    }

    @GetMapping("/pyramid")
    @Operation(summary = "梯度金字塔 / the pyramid",
            description = "Titles held (in force today) and eligible by the current region grade per rung, in total, by park, "
                    + "by focus industry and by GB/T 4754 门类; scoped (park operators: own parks). Roles: ADMIN, OFFICIAL, "
                    + "PARK_OPERATOR, FINANCE.")
    PyramidView pyramid(@Parameter(description = "park id") @RequestParam(name = "park", required = false) String park,
                        @Parameter(description = "focus industry (VEHICLES, EQUIPMENT, DIGITAL, BIOMEDICINE) or 门类 letter")
                        @RequestParam(name = "industry", required = false) String industry,
                        @Parameter(description = "region grade run id; default the current one")
                        @RequestParam(name = "run", required = false) Long run) {
        Scope scope = Access.dashboards();
        Pyramid p = dashboards.pyramid(scope, Access.filter(scope, park, industry), run);
        return new PyramidView(p.run(), p.asOf().toString(), p.days(), p.filter().park(), p.filter().industry(),
                group("", p.total()), groups(p.byPark()), groups(p.byFocus()), groups(p.bySection()));
    }

    private static List<GroupCount> groups(Map<String, Counts> m) {
        List<GroupCount> out = new ArrayList<>();
        m.forEach((k, c) -> out.add(group(k, c)));
        return out;
    }

    private static GroupCount group(String id, Counts c) {
        List<RungCount> rungs = new ArrayList<>();
        for (Tier t : Rung.ORDER) {
            rungs.add(new RungCount(t, t.zh(), t.en(), c.held(t), c.eligible(t)));
        }
        return new GroupCount(id, c.firms(), c.graded(), c.candidates(), c.expiring(), rungs);
    }

    @GetMapping("/plans")
    @Operation(summary = "行动计划 / action plans", description = "Every plan with its targets per metric and year.")
    List<Plan> plans() {
        Access.dashboards();
        return plans.plans().list();
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "一个行动计划 / one action plan")
    Plan plan(@PathVariable("id") long id) {
        Access.dashboards();
        return plans.plans().require(id);
    }

    @GetMapping("/plans/{id}/progress")
    @Operation(summary = "计划进度 / plan progress",
            description = "Targets against actuals per metric and year (titles in force at year end, new listings), "
                    + "eligible by the current grade for the current year, % of target and on-track status; scoped.")
    PlanProgress progress(@PathVariable("id") long id) {
        Scope scope = Access.dashboards();
        return plans.progress(scope, plans.plans().require(id), Dashboards.today());
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建行动计划 / create a plan", description = "ADMIN, OFFICIAL. Audited.")
    Plan create(@RequestBody Plan.Input input) {
        Access.planEditor();
        return plans.plans().create(input);
    }

    @PutMapping("/plans/{id}")
    @Operation(summary = "修改行动计划 / update a plan",
            description = "Replaces names, years and all targets. ADMIN, OFFICIAL. Audited with before and after.")
    Plan update(@PathVariable("id") long id, @RequestBody Plan.Input input) {
        Access.planEditor();
        return plans.plans().update(id, input);
    }

    @PostMapping("/plans/{id}/deactivate")
    @Operation(summary = "停用行动计划 / deactivate a plan", description = "ADMIN, OFFICIAL. Audited.")
    Plan deactivate(@PathVariable("id") long id) {
        Access.planEditor();
        return plans.plans().setActive(id, false);
    }

    @GetMapping("/candidates")
    @Operation(summary = "培育候选 / candidates",
            description = "Firms of the current region grade one or two conditions short of their next rung, with the "
                    + "failing condition ids and names. ADMIN, OFFICIAL, PARK_OPERATOR (own parks); FINANCE is refused (403).")
    PageView<CandidateView> candidates(@RequestParam(name = "park", required = false) String park,
                                       @RequestParam(name = "industry", required = false) String industry,
                                       @Parameter(description = "next rung (tier id)") @RequestParam(name = "rung", required = false) String rung,
                                       @RequestParam(name = "page", defaultValue = "0") int page,
                                       @RequestParam(name = "size", defaultValue = "100") int size) {
        Scope scope = Access.namedLists();
        DashboardFilter filter = Access.filter(scope, park, industry);
        Tier tier = Access.tier(rung);
        int sz = Math.max(1, Math.min(size, 1000));
        RegionRun run = store.currentRun().orElse(null);
        if (run == null) {
            return new PageView<>(0, 0, sz, List.of());
        }
        DashboardStore.Page<DashboardStore.Candidate> p = store.candidates(scope, run, filter, tier, Math.max(0, page), sz);
        List<CandidateView> rows = new ArrayList<>();
        for (DashboardStore.Candidate c : p.rows()) {
            rows.add(new CandidateView(c.creditCode(), c.name(), c.parkId(), c.industryCode(), c.focus(), c.eligibleTier(),
                    c.nextTier(), c.gapCount(), c.failing().stream()
                    .map(x -> new Condition(x.id(), conditions.label(x.id(), true), conditions.label(x.id(), false), x.review()))
                    .toList()));
        }
        return new PageView<>(p.total(), p.page(), p.size(), rows);
    }

    @GetMapping("/expiring")
    @Operation(summary = "即将到期称号 / expiring titles",
            description = "Active titles expiring within the next N days (default 90). ADMIN, OFFICIAL, PARK_OPERATOR (own parks).")
    PageView<DashboardStore.ExpiringTitle> expiring(@RequestParam(name = "days", required = false) Integer days,
                                                    @RequestParam(name = "park", required = false) String park,
                                                    @RequestParam(name = "industry", required = false) String industry,
                                                    @RequestParam(name = "tier", required = false) String tier,
                                                    @RequestParam(name = "page", defaultValue = "0") int page,
                                                    @RequestParam(name = "size", defaultValue = "100") int size) {
        Scope scope = Access.namedLists();
        DashboardFilter filter = Access.filter(scope, park, industry);
        int sz = Math.max(1, Math.min(size, 1000));
        DashboardStore.Page<DashboardStore.ExpiringTitle> p = store.expiring(scope, filter, Access.tier(tier),
                Dashboards.today(), Access.days(days, dashboards.properties().expiringDays()), Math.max(0, page), sz);
        return new PageView<>(p.total(), p.page(), p.size(), p.rows());
    }
}
