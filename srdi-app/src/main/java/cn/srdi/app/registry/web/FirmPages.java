package cn.srdi.app.registry.web;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.FirmDirectory;
import cn.srdi.app.registry.FirmFilter;
import cn.srdi.app.registry.FirmRecord;
import cn.srdi.app.registry.FirmRow;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.web.BilingualException;
import cn.srdi.app.web.Lang;
import cn.srdi.engine.model.Tier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The firm list ({@code /firms}), its XLSX export and the firm page ({@code /firms/{code}}). */
@Controller
class FirmPages {

    private final FirmDirectory directory;
    private final RegistryStore store;
    private final AuditTrail audit;
    private final MessageSource messages;

    FirmPages(FirmDirectory directory, RegistryStore store, AuditTrail audit, MessageSource messages) {
        this.directory = directory;
        this.store = store;
        this.audit = audit;
        this.messages = messages;
    }

    static FirmFilter filter(String q, String park, String industry, String tier, Integer expiring, String sort,
                             String dir, int page, int size) {
        return new FirmFilter(q, park, industry, tier, expiring, sort, dir, page, size);
    }

    @GetMapping("/firms")
    String list(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "park", required = false) String park,
                @RequestParam(name = "industry", required = false) String industry, @RequestParam(name = "tier", required = false) String tier,
                @RequestParam(name = "expiring", required = false) Integer expiring, @RequestParam(name = "sort", required = false) String sort,
                @RequestParam(name = "dir", required = false) String dir, @RequestParam(name = "page", defaultValue = "0") int page,
                @RequestParam(name = "size", defaultValue = "20") int size, HttpServletRequest request, Model model) {
        Scope scope = CurrentUser.scope();
        if (scope.role() == Role.ENTERPRISE && scope.creditCode() != null) {
            return "redirect:/firms/" + scope.creditCode();
        }
        CurrentUser.require(scope.canReadRegistry(), "企业库 / firm registry");
        FirmFilter f = filter(q, park, industry, tier, expiring, sort, dir, page, size);
        model.addAttribute("filter", f);
        model.addAttribute("result", directory.search(scope, f));
        model.addAttribute("parks", directory.parkNames());
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("tierNames", tierNames());
        model.addAttribute("scope", scope);
        model.addAttribute("today", LocalDate.now(AuditTrail.ZONE));
        boolean htmx = "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
        return htmx ? "registry/firms :: results" : "registry/firms";
    }

    @GetMapping("/firms/export.xlsx")
    void export(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "park", required = false) String park,
                @RequestParam(name = "industry", required = false) String industry, @RequestParam(name = "tier", required = false) String tier,
                @RequestParam(name = "expiring", required = false) Integer expiring, @RequestParam(name = "sort", required = false) String sort,
                @RequestParam(name = "dir", required = false) String dir, HttpServletResponse response) throws IOException {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canReadRegistry(), "企业库 / firm registry");
        FirmFilter f = filter(q, park, industry, tier, expiring, sort, dir, 0, 20);
        f.industryPrefix(); // refuse a bad filter before the response starts
        f.tierValue();
        boolean zh = Lang.zh();
        Map<String, String[]> parks = directory.parkNames();
        String stamp = LocalDate.now(AuditTrail.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"firms-" + stamp + ".xlsx\"");
        boolean indicators = scope.canReadIndicators();
        List<String> header = new java.util.ArrayList<>(Arrays.asList("credit_code", "name", "industry_code",
                "industry_name", "region_code", "region_name", "park", "focus_industry", "titles", "next_expiry",
                "contact_name", "contact_phone", "contact_email", "chain_nodes"));
        if (indicators) {
            header.addAll(List.of("fiscal_year", "revenue", "rd_expense", "employees"));
        }
        OutputStream out = response.getOutputStream();
        Workbook wb = new Workbook(out, "srdi", "1.0");
        Worksheet ws = wb.newWorksheet(zh ? "企业名录" : "firms");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, msg("registry.export." + header.get(c)));
            ws.style(0, c).bold().set();
        }
        int[] r = {1};
        try {
            directory.forEachMatching(scope, f, row -> {
                int i = r[0]++;
                var e = row.firm();
                String[] p = e.parkId() == null ? null : parks.get(e.parkId());
                Object[] cells = {e.creditCode(), e.name(), e.industryCode(), row.industryName(), e.regionCode(),
                    e.regionName(), p == null ? e.parkId() : (zh ? p[0] : p[1]), e.focusIndustry(),
                    row.titles().stream().map(t -> tierName(t.tier(), zh)).collect(Collectors.joining(";")),
                    row.nextExpiry(), e.contactName(), e.contactPhone(), e.contactEmail(), e.chainNodes()};
                for (int c = 0; c < cells.length; c++) {
                    put(ws, i, c, cells[c]);
                }
                if (indicators) {
                    put(ws, i, cells.length, row.latestYear());
                    put(ws, i, cells.length + 1, row.revenue());
                    put(ws, i, cells.length + 2, row.rdExpense());
                    put(ws, i, cells.length + 3, row.employees());
                }
                if (i % 1000 == 0) {
                    try {
                        ws.flush();
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
            });
        } finally {
            wb.finish();
        }
    }

    private static void put(Worksheet ws, int r, int c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof BigDecimal d) {
            ws.value(r, c, d);
        } else if (v instanceof Integer n) {
            ws.value(r, c, n);
        } else if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
        } else {
            ws.value(r, c, v.toString());
        }
    }

    static Map<String, String[]> tierNames() {
        Map<String, String[]> m = new java.util.LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            m.put(t.name(), new String[] {t.zh(), t.en()});
        }
        return m;
    }

    static String tierName(String tier, boolean zh) {
        try {
            Tier t = Tier.valueOf(tier);
            return zh ? t.zh() : t.en();
        } catch (IllegalArgumentException e) {
            return tier;
        }
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    @GetMapping("/firms/{code}")
    String firm(@PathVariable("code") String code, Model model) {
        Scope scope = CurrentUser.scope();
        FirmRecord rec = store.record(scope, code).orElseThrow(() -> notFound(code));
        boolean zh = Lang.zh();
        LocalDate today = LocalDate.now(AuditTrail.ZONE);
        model.addAttribute("code", code);
        model.addAttribute("firm", rec.enterprise());
        model.addAttribute("industryName", FirmDirectory.industryName(rec.enterprise().industryCode()));
        model.addAttribute("parks", directory.parkNames());
        model.addAttribute("chain", rec.enterprise().chainNodes() == null ? List.of()
                : Arrays.stream(rec.enterprise().chainNodes().split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        List<Title> titles = rec.titles().stream().sorted((a, b) -> b.recognisedOn().compareTo(a.recognisedOn())).toList();
        model.addAttribute("titles", titles);
        model.addAttribute("today", today);
        model.addAttribute("daysLeft", titles.stream().filter(t -> t.expiresOn() != null).collect(Collectors.toMap(
                Title::id, t -> ChronoUnit.DAYS.between(today, t.expiresOn()), (a, b) -> a)));
        model.addAttribute("scope", scope);
        boolean indicators = scope.canReadIndicators();
        model.addAttribute("indicators", indicators);
        if (indicators) {
            model.addAttribute("years", rec.years().stream().map(y -> y.fiscalYear()).toList());
            model.addAttribute("keyLines", FirmView.keyLines(rec.years(), zh));
            model.addAttribute("allLines", FirmView.allLines(rec.years(), zh));
            model.addAttribute("changes", directory.changes(code, 200));
            model.addAttribute("events", audit.latest("enterprise", code, 50));
        }
        return "registry/firm";
    }

    static BilingualException notFound(String code) {
        return BilingualException.notFound("企业 " + code + " 不存在或不在您的权限范围内",
                "firm " + code + " does not exist or is outside your scope");
    }

    /** Row helper for templates: the park name in the page language. */
    static String parkName(Map<String, String[]> parks, String id, boolean zh) {
        String[] p = id == null ? null : parks.get(id);
        return p == null ? id : zh ? p[0] : p[1];
    }

    static List<FirmRow.HeldTitle> none() {
        return List.of();
    }
}
