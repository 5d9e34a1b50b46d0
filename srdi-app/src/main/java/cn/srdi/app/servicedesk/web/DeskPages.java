package cn.srdi.app.servicedesk.web;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.servicedesk.Category;
import cn.srdi.app.servicedesk.Departments;
import cn.srdi.app.servicedesk.RequestAction;
import cn.srdi.app.servicedesk.RequestStatus;
import cn.srdi.app.servicedesk.RequestStore;
import cn.srdi.app.servicedesk.ServiceDesk;
import cn.srdi.app.web.BilingualException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The request desk (企业诉求工作台) of departments, the coordinator, park operators and officials:
 * the scoped list with filters, one request with its history and the actions the user may take,
 * attachments.
 */
@Controller
class DeskPages {

    private final ServiceDesk desk;
    private final Departments departments;

    DeskPages(ServiceDesk desk, Departments departments) {
        this.desk = desk;
        this.departments = departments;
    }

    static Scope staff() {
        Scope s = CurrentUser.scope();
        if (s.role() == Role.ENTERPRISE) {
            throw new BilingualException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "企业请通过企业码服务（/m）查看自己的诉求", "firms follow their requests in the enterprise code services (/m)");
        }
        CurrentUser.require(ServiceDesk.canRead(s), "企业诉求 requests");
        return s;
    }

    @GetMapping("/servicedesk")
    String list(@RequestParam(value = "status", required = false) String status,
                @RequestParam(value = "department", required = false) String department,
                @RequestParam(value = "category", required = false) String category,
                @RequestParam(value = "overdue", required = false) Boolean overdue,
                @RequestParam(value = "escalated", required = false) Boolean escalated,
                @RequestParam(value = "open", required = false) Boolean open,
                @RequestParam(value = "page", defaultValue = "0") int page, Model model) {
        Scope s = staff();
        RequestStatus st = status == null || status.isBlank() ? null : parseStatus(status);
        Category cat = category == null || category.isBlank() ? null : Category.parse(category, "category");
        String dept = department == null || department.isBlank() ? null : department;
        RequestStore.Query q = new RequestStore.Query(st, dept, cat, null, overdue, escalated, open, page, 30);
        model.addAttribute("page", desk.list(s, q));
        model.addAttribute("q", q);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("departments", departments.byId());
        model.addAttribute("now", desk.now());
        model.addAttribute("myDepartment", s.department() == null ? null : departments.find(s.department()).orElse(null));
        return "servicedesk/desk";
    }

    static RequestStatus parseStatus(String s) {
        try {
            return RequestStatus.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BilingualException.badRequest("状态“" + s + "”无效", "status '" + s + "' is invalid");
        }
    }

    @GetMapping("/servicedesk/requests/{id}")
    String show(@PathVariable("id") long id, Model model) {
        Scope s = staff();
        model.addAttribute("d", desk.detail(s, id));
        model.addAttribute("departments", departments.byId());
        return "servicedesk/request";
    }

    @PostMapping("/servicedesk/requests/{id}/{action}")
    String act(@PathVariable("id") long id, @PathVariable("action") String action,
               @RequestParam(value = "note", required = false) String note,
               @RequestParam(value = "department", required = false) String department,
               @RequestParam(value = "files", required = false) List<MultipartFile> files) {
        Scope s = staff();
        RequestAction a = RequestAction.parse(action);
        desk.act(s, id, a, new ServiceDesk.ActionInput(note, department, null, null), Uploads.of(files));
        return "redirect:/servicedesk/requests/" + id;
    }

    /** An attachment, to any user who may read the request (firm pages link here too). */
    @GetMapping("/servicedesk/requests/{id}/attachments/{aid}")
    void attachment(@PathVariable("id") long id, @PathVariable("aid") long aid, HttpServletResponse response) throws IOException {
        Map.Entry<ServiceDesk.AttachmentInfo, byte[]> a = desk.attachment(CurrentUser.scope(), id, aid);
        response.setContentType(a.getKey().contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                .filename(a.getKey().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString());
        response.getOutputStream().write(a.getValue());
    }
}
