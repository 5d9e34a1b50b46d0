package cn.srdi.app.web;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the landing page of each role. */
@Controller
public class HomeController {

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/")
    public String home() {
        Scope s = CurrentUser.scope();
        if (s.role() == Role.ENTERPRISE && s.creditCode() != null) {
            return "redirect:/firms/" + s.creditCode();
        }
        if (s.canReadDashboards()) {
            return "redirect:/dashboard";
        }
        if (s.canReadRegistry()) {
            return "redirect:/firms";
        }
        return "home";
    }
}
