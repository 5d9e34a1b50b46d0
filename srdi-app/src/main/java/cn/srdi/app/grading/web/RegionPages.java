package cn.srdi.app.grading.web;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.grading.GradeRun;
import cn.srdi.app.grading.GradingService;
import cn.srdi.app.grading.RuleChoice;
import cn.srdi.app.grading.SandboxService;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.BilingualException;
import cn.srdi.app.web.Lang;
import cn.srdi.engine.grading.RuleSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Region grading ({@code /grading}) and the policy sandbox ({@code /sandbox}), for ADMIN and OFFICIAL. */
@Controller
class RegionPages {

    static final int PAGE_SIZE = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GradingService grading;
    private final SandboxService sandbox;

    RegionPages(GradingService grading, SandboxService sandbox) {
        this.grading = grading;
        this.sandbox = sandbox;
    }

    private static Scope manager() {
        Scope s = CurrentUser.scope();
        CurrentUser.require(s.canManageRegion(), "region grading");
        return s;
    }

    private LocalDate defaultDate() {
        return grading.latestRegionRun().map(GradeRun::assessmentDate).orElse(LocalDate.now(AuditTrail.ZONE));
    }

    // ------------------------------------------------------------------ region runs

    @GetMapping("/grading")
    String region(@RequestParam(name = "run", required = false) Long run, Model model) {
        Scope s = manager();
        fillRegion(model, s, run);
        return "grading/region";
    }

    private void fillRegion(Model model, Scope s, Long run) {
        boolean zh = Lang.zh();
        List<GradeRun> runs = grading.runs(s, List.of(GradeRun.REGION), 50);
        model.addAttribute("runs", runs);
        model.addAttribute("selections", grading.rules().selections());
        model.addAttribute("date", defaultDate());
        GradeRun shown = run != null ? grading.run(s, run).orElse(null)
                : runs.stream().filter(r -> GradeRun.DONE.equals(r.status())).findFirst().orElse(null);
        model.addAttribute("shown", shown);
        GradeRun active = runs.stream().filter(GradeRun::running).findFirst().orElse(null);
        model.addAttribute("active", active);
        if (shown != null && GradeRun.DONE.equals(shown.status())) {
            Map<String, Long> p = grading.pyramid(s, shown.id());
            model.addAttribute("pyramid", p);
            model.addAttribute("pyramidChart", pyramidChart(p, zh));
        }
        model.addAttribute("tierLabels", FirmGradePages.tierLabels(zh));
    }

    @PostMapping("/grading/runs")
    String start(@RequestParam(name = "date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @RequestParam(name = "rules", defaultValue = "auto") String rules, Model model) {
        Scope s = manager();
        try {
            GradeRun r = grading.startRegionRun(s, date, RuleChoice.of(rules));
            return "redirect:/grading?run=" + r.id();
        } catch (BilingualException e) {
            model.addAttribute("startError", Lang.pick(e.zh(), e.en()));
            fillRegion(model, s, null);
            return "grading/region";
        }
    }

    @GetMapping("/grading/runs/{id}/progress")
    String progress(@PathVariable("id") long id, Model model) {
        Scope s = manager();
        model.addAttribute("run", grading.run(s, id).orElseThrow(() -> BilingualException.notFound(
                "没有编号为 " + id + " 的运行", "no run " + id)));
        return "grading/region :: progress";
    }

    static String pyramidChart(Map<String, Long> p, boolean zh) {
        // widest at the bottom: none, first rung, SRDI, little giant; champion separately in the table
        String[] tiers = {"LITTLE_GIANT", "SRDI", "FIRST", "NONE"};
        long first = p.getOrDefault("INNOVATIVE", 0L) + p.getOrDefault("TECH_INNOVATIVE", 0L);
        List<Map<String, Object>> data = new java.util.ArrayList<>();
        for (int i = 0; i < tiers.length; i++) {
            long v = tiers[i].equals("FIRST") ? first : p.getOrDefault(tiers[i], 0L);
            String label = tiers[i].equals("FIRST") ? (zh ? "创新型/科技和创新型" : "innovative / tech-innovative")
                    : GradeView.tierLabel(tiers[i], zh);
            data.add(Map.of("name", label + " " + v, "value", i + 1));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("show", false));
        o.put("series", List.of(Map.of("type", "funnel", "sort", "ascending", "left", "10%", "width", "80%",
                "label", Map.of("show", true, "position", "inside"), "data", data)));
        return JSON.writeValueAsString(o);
    }

    // ------------------------------------------------------------------ sandbox

    @GetMapping("/sandbox")
    String sandboxForm(@RequestParam(name = "rules", defaultValue = "auto") String rules,
                       @RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       Model model) {
        Scope s = manager();
        fillSandbox(model, s, rules, date == null ? defaultDate() : date, Map.of(), "");
        return "grading/sandbox";
    }

    @GetMapping("/sandbox/keys")
    String sandboxKeys(@RequestParam(name = "rules", defaultValue = "auto") String rules,
                       @RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       Model model) {
        Scope s = manager();
        fillSandbox(model, s, rules, date == null ? defaultDate() : date, Map.of(), "");
        return "grading/sandbox :: keys";
    }

    private void fillSandbox(Model model, Scope s, String rules, LocalDate date, Map<String, String> values, String extra) {
        RuleSet set = grading.rules().ladderFor(rules, date);
        model.addAttribute("selections", grading.rules().selections());
        model.addAttribute("rules", rules);
        model.addAttribute("date", date);
        model.addAttribute("ruleSet", set.id());
        model.addAttribute("keys", grading.rules().thresholdKeys(set));
        model.addAttribute("values", values);
        model.addAttribute("extra", extra);
        model.addAttribute("sandboxRuns", grading.runs(s, List.of(GradeRun.SANDBOX), 20));
    }

    @PostMapping("/sandbox")
    String sandboxRun(@RequestParam Map<String, String> form, Model model) {
        Scope s = manager();
        String rules = form.getOrDefault("rules", "auto");
        LocalDate date = form.get("date") == null || form.get("date").isBlank() ? defaultDate() : LocalDate.parse(form.get("date"));
        String extra = form.getOrDefault("extra", "");
        RuleSet set = grading.rules().ladderFor(rules, date);
        Map<String, String> current = grading.rules().thresholdKeys(set);
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (e.getKey().startsWith("k.")) {
                String key = e.getKey().substring(2);
                String v = e.getValue() == null ? "" : e.getValue().strip();
                typed.put(key, v);
                if (!v.isEmpty() && current.containsKey(key) && !v.equals(current.get(key))) {
                    settings.put(set.id() + ":" + key, v);
                }
            }
        }
        try {
            settings.putAll(RuleChoice.parseSettings(extra));
            GradeRun run = sandbox.run(s, date, rules, settings);
            return "redirect:/sandbox/" + run.id();
        } catch (BilingualException e) {
            model.addAttribute("sandboxError", Lang.pick(e.zh(), e.en()));
            fillSandbox(model, s, rules, date, typed, extra);
            return "grading/sandbox";
        }
    }

    @GetMapping("/sandbox/{id}")
    String sandboxResult(@PathVariable("id") long id, @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        Scope s = manager();
        SandboxService.Comparison cmp = sandbox.compare(s, id);
        int pages = Math.max(1, (cmp.changes().size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.max(1, Math.min(page, pages));
        model.addAttribute("cmp", cmp);
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("changes", cmp.changes().subList((p - 1) * PAGE_SIZE, Math.min(cmp.changes().size(), p * PAGE_SIZE)));
        model.addAttribute("tierLabels", FirmGradePages.tierLabels(Lang.zh()));
        return "grading/sandbox-result";
    }

    @GetMapping("/sandbox/{id}/changes.xlsx")
    ResponseEntity<byte[]> sandboxXlsx(@PathVariable("id") long id) {
        Scope s = manager();
        byte[] body = sandbox.changesXlsx(s, id, Lang.zh());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sandbox-" + id + "-changes.xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }
}
