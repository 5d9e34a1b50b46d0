package cn.srdi.app.cultivation.web;

import cn.srdi.app.cultivation.ExpertRegister;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.FirmDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The expert register pages (专家库) for officials and administrators: the list with the add form,
 * and one page per expert to edit it, declare or withdraw conflicts, deactivate or reactivate it.
 * Forms post and redirect; errors show the bilingual error page.
 */
@Controller
class ExpertPages {

    private final ExpertRegister register;
    private final FirmDirectory directory;

    ExpertPages(ExpertRegister register, FirmDirectory directory) {
        this.register = register;
        this.directory = directory;
    }

    @GetMapping("/cultivation/experts")
    String list(Model model) {
        Scope scope = CurrentUser.scope();
        model.addAttribute("experts", register.list(scope));
        model.addAttribute("unregistered", register.unregistered(scope));
        model.addAttribute("parks", directory.parkNames());
        return "cultivation/experts";
    }

    @PostMapping("/cultivation/experts")
    String add(@RequestParam(name = "username", required = false) String username,
               @RequestParam(name = "name", required = false) String name,
               @RequestParam(name = "organisation", required = false) String organisation,
               @RequestParam(name = "parkId", required = false) String parkId,
               @RequestParam(name = "field", required = false) String field,
               @RequestParam(name = "password", required = false) String password) {
        ExpertRegister.Entry e = register.add(CurrentUser.scope(), new ExpertRegister.Input(username, name, organisation, parkId, field,
                password));
        return "redirect:/cultivation/experts/" + enc(e.username());
    }

    @GetMapping("/cultivation/experts/{username}")
    String one(@PathVariable("username") String username, Model model) {
        Scope scope = CurrentUser.scope();
        model.addAttribute("x", register.entry(scope, username));
        model.addAttribute("parks", directory.parkNames());
        return "cultivation/expert";
    }

    @PostMapping("/cultivation/experts/{username}")
    String update(@PathVariable("username") String username, @RequestParam(name = "name", required = false) String name,
                  @RequestParam(name = "organisation", required = false) String organisation,
                  @RequestParam(name = "parkId", required = false) String parkId,
                  @RequestParam(name = "field", required = false) String field) {
        register.update(CurrentUser.scope(), username, new ExpertRegister.Input(username, name, organisation, parkId, field, null));
        return "redirect:/cultivation/experts/" + enc(username);
    }

    @PostMapping("/cultivation/experts/{username}/active")
    String active(@PathVariable("username") String username, @RequestParam("active") boolean active,
                  @RequestParam(name = "reason", required = false) String reason) {
        register.setActive(CurrentUser.scope(), username, active, reason);
        return "redirect:/cultivation/experts/" + enc(username);
    }

    @PostMapping("/cultivation/experts/{username}/conflicts")
    String conflict(@PathVariable("username") String username, @RequestParam(name = "creditCode", required = false) String code,
                    @RequestParam(name = "reason", required = false) String reason) {
        register.declareConflict(CurrentUser.scope(), username, code, reason);
        return "redirect:/cultivation/experts/" + enc(username);
    }

    @PostMapping("/cultivation/experts/{username}/conflicts/{code}/remove")
    String removeConflict(@PathVariable("username") String username, @PathVariable("code") String code) {
        register.removeConflict(CurrentUser.scope(), username, code);
        return "redirect:/cultivation/experts/" + enc(username);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
