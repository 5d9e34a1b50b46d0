package cn.srdi.app.audit.web;

import cn.srdi.app.audit.AuditTrail;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page for administrators: filters, pages of 50, before/after side by side, XLSX export. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    static final int PAGE_SIZE = 50;
    static final int EXPORT_MAX = 100_000;

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /** An event with its before/after compared, for the page. */
    record Row(AuditTrail.Event event, List<AuditDiff.Line> lines) {
    }

    @GetMapping("/audit")
    String page(@RequestParam(name = "entityType", required = false) String entityType, @RequestParam(name = "entityId", required = false) String entityId,
                @RequestParam(name = "actor", required = false) String actor, @RequestParam(name = "action", required = false) String action,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        AuditTrail.Filter filter = new AuditTrail.Filter(entityType, entityId, actor, action);
        AuditTrail.Page result = audit.search(filter, page, PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.events().stream()
                .map(e -> new Row(e, AuditDiff.of(e.before(), e.after()))).toList());
        model.addAttribute("entityTypes", audit.entityTypes());
        model.addAttribute("actions", audit.actions());
        return "admin/audit";
    }

    @GetMapping("/audit.xlsx")
    void export(@RequestParam(name = "entityType", required = false) String entityType, @RequestParam(name = "entityId", required = false) String entityId,
                @RequestParam(name = "actor", required = false) String actor, @RequestParam(name = "action", required = false) String action,
                HttpServletResponse response) throws IOException {
        AuditTrail.Filter filter = new AuditTrail.Filter(entityType, entityId, actor, action);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            Workbook wb = new Workbook(out, "srdi", "1.0");
            Worksheet ws = wb.newWorksheet("audit");
            String[] head = {"id", "occurred_at", "actor", "action", "entity_type", "entity_id", "before", "after"};
            for (int c = 0; c < head.length; c++) {
                ws.value(0, c, head[c]);
            }
            int r = 1;
            for (int page = 0; r <= EXPORT_MAX; page++) {
                AuditTrail.Page p = audit.search(filter, page, 500);
                for (AuditTrail.Event e : p.events()) {
                    ws.value(r, 0, e.id());
                    ws.value(r, 1, e.occurredAt().toString());
                    ws.value(r, 2, e.actor());
                    ws.value(r, 3, e.action());
                    ws.value(r, 4, e.entityType());
                    ws.value(r, 5, e.entityId());
                    ws.value(r, 6, cell(e.before()));
                    ws.value(r, 7, cell(e.after()));
                    r++;
                }
                if (!p.hasNext()) {
                    break;
                }
            }
            wb.finish();
        }
    }

    /** A spreadsheet cell holds at most 32,767 characters. */
    private static String cell(String s) {
        return s == null ? null : s.length() > 32_000 ? s.substring(0, 32_000) + "…" : s;
    }
}
