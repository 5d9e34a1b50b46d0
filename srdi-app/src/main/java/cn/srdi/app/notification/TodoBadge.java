package cn.srdi.app.notification;

import cn.srdi.app.identity.SrdiUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the current user's open to-do count into every page model (the badge of the nav link). */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class TodoBadge {

    private final Notifications notifications;

    TodoBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("todoOpen")
    Long todoOpen() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SrdiUser u ? notifications.openCount(u.getUsername()) : null;
    }
}
