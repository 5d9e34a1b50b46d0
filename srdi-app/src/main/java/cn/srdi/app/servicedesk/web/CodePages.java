package cn.srdi.app.servicedesk.web;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.servicedesk.Category;
import cn.srdi.app.servicedesk.CodeSheets;
import cn.srdi.app.servicedesk.Departments;
import cn.srdi.app.servicedesk.FirmCodes;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Enterprise codes for parks and officials (print a park's sheet, a firm's PNG, rotate or revoke a
 * firm's code) and the routing rules (administrators and officials edit them).
 */
@Controller
class CodePages {

    private final CodeSheets sheets;
    private final FirmCodes codes;
    private final Departments departments;
    private final JdbcClient jdbc;

    CodePages(CodeSheets sheets, FirmCodes codes, Departments departments, JdbcClient jdbc) {
        this.sheets = sheets;
        this.codes = codes;
        this.departments = departments;
        this.jdbc = jdbc;
    }

    @GetMapping("/servicedesk/codes")
    String page(@RequestParam(value = "code", required = false) String code, Model model) {
        Scope s = CurrentUser.scope();
        CurrentUser.require(CodeSheets.canManage(s), "企业码 enterprise codes");
        List<String[]> parks = jdbc.sql("select id, name_zh, name_en from park order by id")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list().stream()
                .filter(p -> s.role() != Role.PARK_OPERATOR || s.parks().contains(p[0])).toList();
        model.addAttribute("parks", parks);
        if (code != null && !code.isBlank()) {
            String c = code.trim().toUpperCase(java.util.Locale.ROOT);
            model.addAttribute("firm", sheets.requireFirm(s, c));
            model.addAttribute("url", sheets.url(c));
            model.addAttribute("state", codes.current(c).orElse(null));
        }
        return "servicedesk/codes";
    }

    @GetMapping("/servicedesk/codes/{code}.png")
    ResponseEntity<byte[]> png(@PathVariable("code") String code, @RequestParam(value = "size", defaultValue = "360") int size) {
        byte[] png = sheets.png(CurrentUser.scope(), code, size);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, "no-store").body(png);
    }

    @GetMapping("/servicedesk/codes/parks/{park}.pdf")
    ResponseEntity<byte[]> sheet(@PathVariable("park") String park) {
        byte[] pdf = sheets.parkSheet(CurrentUser.scope(), park);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"enterprise-codes-" + park + ".pdf\"").body(pdf);
    }

    @PostMapping("/servicedesk/codes/{code}/rotate")
    String rotate(@PathVariable("code") String code) {
        Scope s = CurrentUser.scope();
        CurrentUser.require(CodeSheets.canManage(s), "企业码 enterprise codes");
        sheets.requireFirm(s, code);
        codes.rotate(code);
        return "redirect:/servicedesk/codes?code=" + code + "&rotated";
    }

    @PostMapping("/servicedesk/codes/{code}/revoke")
    String revoke(@PathVariable("code") String code) {
        Scope s = CurrentUser.scope();
        CurrentUser.require(CodeSheets.canManage(s), "企业码 enterprise codes");
        sheets.requireFirm(s, code);
        codes.revoke(code);
        return "redirect:/servicedesk/codes?code=" + code + "&revoked";
    }

    @GetMapping("/servicedesk/routing")
    String routing(Model model) {
        Scope s = CurrentUser.scope();
        CurrentUser.require(s.regionWide(), "路由规则 routing rules");
        model.addAttribute("rules", departments.rules());
        model.addAttribute("departments", departments.byId());
        model.addAttribute("categories", Category.values());
        model.addAttribute("parks", jdbc.sql("select id, name_zh, name_en from park order by id")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list());
        return "servicedesk/routing";
    }

    @PostMapping("/servicedesk/routing")
    String setRule(@RequestParam("category") String category, @RequestParam(value = "park", required = false) String park,
                   @RequestParam("department") String department) {
        CurrentUser.require(CurrentUser.scope().regionWide(), "路由规则 routing rules");
        departments.setRule(Category.parse(category, "category"), park, department);
        return "redirect:/servicedesk/routing";
    }

    @PostMapping("/servicedesk/routing/{id}/delete")
    String deleteRule(@PathVariable("id") long id) {
        CurrentUser.require(CurrentUser.scope().regionWide(), "路由规则 routing rules");
        departments.deleteRule(id);
        return "redirect:/servicedesk/routing";
    }
}
