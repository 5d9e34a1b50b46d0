package cn.srdi.app.identity;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The scope of the user of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The current user's scope; refuses when nobody is logged in. */
    public static Scope scope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SrdiUser user) {
            return user.scope();
        }
        throw new AccessDeniedException("未登录 / not logged in");
    }

    /** The current user's name, or "system" outside a request. */
    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    /** Refuses unless the condition holds, with a message in both languages. */
    public static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException("无权访问：" + what + " / not allowed: " + what);
        }
    }
}
