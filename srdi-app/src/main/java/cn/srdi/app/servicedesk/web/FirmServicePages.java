package cn.srdi.app.servicedesk.web;

import cn.srdi.app.grading.GradingService;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.servicedesk.Category;
import cn.srdi.app.servicedesk.FirmCard;
import cn.srdi.app.servicedesk.RequestAction;
import cn.srdi.app.servicedesk.RequestStore;
import cn.srdi.app.servicedesk.ServiceDesk;
import cn.srdi.app.servicedesk.ServiceRequest;
import cn.srdi.app.web.BilingualException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The firm's services behind its code (mobile-first, enterprise users only): home with the card,
 * grade and gap; raise a request (with the suggested category); follow its requests; supply more,
 * confirm and rate, or reopen.
 */
@Controller
class FirmServicePages {

    private final ServiceDesk desk;
    private final FirmCard cards;
    private final GradingService grading;

    FirmServicePages(ServiceDesk desk, FirmCard cards, GradingService grading) {
        this.desk = desk;
        this.cards = cards;
        this.grading = grading;
    }

    private static Scope firm() {
        Scope s = CurrentUser.scope();
        if (s.role() != Role.ENTERPRISE || s.creditCode() == null) {
            throw new BilingualException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "企业码服务仅供企业用户使用；部门请使用“企业诉求”工作台", "the enterprise code services are for firm users; "
                            + "departments use the request desk");
        }
        return s;
    }

    @GetMapping("/m")
    String home(Model model) {
        Scope s = firm();
        model.addAttribute("card", cards.of(s.creditCode(), desk.now().toLocalDate()).orElse(null));
        model.addAttribute("grade", FirmGradeGap.of(grading, s, s.creditCode()).orElse(null));
        model.addAttribute("recent", desk.list(s, new RequestStore.Query(null, null, null, null, null, null, null, 0, 5)));
        return "servicedesk/m-home";
    }

    @GetMapping("/m/requests")
    String list(@RequestParam(value = "page", defaultValue = "0") int page, Model model) {
        Scope s = firm();
        model.addAttribute("page", desk.list(s, new RequestStore.Query(null, null, null, null, null, null, null, page, 20)));
        return "servicedesk/m-list";
    }

    @GetMapping("/m/requests/new")
    String form(Model model) {
        firm();
        model.addAttribute("categories", Category.values());
        return "servicedesk/m-new";
    }

    /** htmx: the suggested category of the text typed so far. */
    @PostMapping("/m/requests/suggest")
    String suggest(@RequestParam(value = "subject", required = false) String subject,
                   @RequestParam(value = "body", required = false) String body, Model model) {
        firm();
        model.addAttribute("suggestion", desk.suggester().suggest((subject == null ? "" : subject) + "\n" + (body == null ? "" : body)));
        return "servicedesk/m-new :: suggestion";
    }

    @PostMapping("/m/requests")
    String submit(@RequestParam(value = "category", required = false) String category,
                  @RequestParam(value = "subject", required = false) String subject,
                  @RequestParam(value = "body", required = false) String body,
                  @RequestParam(value = "files", required = false) List<MultipartFile> files, HttpServletRequest request) {
        Scope s = firm();
        ServiceRequest r = desk.submit(s, new ServiceDesk.Intake(category, subject, body), Uploads.of(files),
                Uploads.address(request));
        return "redirect:/m/requests/" + r.id() + "?created";
    }

    @GetMapping("/m/requests/{id}")
    String show(@PathVariable("id") long id, Model model) {
        Scope s = firm();
        model.addAttribute("d", desk.detail(s, id));
        return "servicedesk/m-request";
    }

    @PostMapping("/m/requests/{id}/{action}")
    String act(@PathVariable("id") long id, @PathVariable("action") String action,
               @RequestParam(value = "note", required = false) String note,
               @RequestParam(value = "rating", required = false) Integer rating,
               @RequestParam(value = "comment", required = false) String comment,
               @RequestParam(value = "files", required = false) List<MultipartFile> files) {
        Scope s = firm();
        RequestAction a = RequestAction.parse(action);
        if (a.actor() != RequestAction.Actor.FIRM) {
            throw BilingualException.badRequest("企业不能执行「" + a.zh() + "」", "a firm cannot " + a.en());
        }
        desk.act(s, id, a, new ServiceDesk.ActionInput(note, null, rating, comment), Uploads.of(files));
        return "redirect:/m/requests/" + id;
    }
}
