package cn.srdi.app.web;

import cn.srdi.app.identity.SrdiUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the current user and language into every page model (for the layout's menu). */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class LayoutAdvice {

    @ModelAttribute("me")
    public SrdiUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SrdiUser u ? u : null;
    }

    @ModelAttribute("zh")
    public boolean zh() {
        return Lang.zh();
    }
}
