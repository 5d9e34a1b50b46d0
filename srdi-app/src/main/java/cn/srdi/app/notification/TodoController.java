package cn.srdi.app.notification;

import cn.srdi.app.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page {@code /todo}: the current user's to-dos (open, then recently done) and their e-mail address. */
@Controller
class TodoController {

    private final Notifications notifications;
    private final NotificationMailer mailer;
    private final Clock clock;

    TodoController(Notifications notifications, NotificationMailer mailer, Clock clock) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.clock = clock;
    }

    @GetMapping("/todo")
    String todo(Model model) {
        String me = CurrentUser.scope().username();
        model.addAttribute("open", notifications.of(me, Notice.OPEN, 500));
        model.addAttribute("done", notifications.of(me, Notice.DONE, 50));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("email", notifications.emailOf(me));
        model.addAttribute("mailOn", mailer.enabled());
        return "notification/todo";
    }

    @PostMapping("/todo/{id}/done")
    String done(@PathVariable("id") long id) {
        notifications.markDone(CurrentUser.scope().username(), id);
        return "redirect:/todo";
    }

    @PostMapping("/todo/email")
    String email(@RequestParam(name = "email", required = false) String email) {
        notifications.setEmail(CurrentUser.scope().username(), email);
        return "redirect:/todo";
    }
}
