package cn.srdi.app.notification;

import cn.srdi.app.identity.SrdiUser;
import cn.srdi.app.web.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Puts the current user's open to-do count into the model of every rendered page (the badge of the
 * nav link). The count is a query, so it is lazy: it runs only when the template reads
 * {@code todoOpen} (the layout does; fragments and API calls never pay for it).
 */
@Configuration
class TodoBadge implements WebMvcConfigurer {

    private final Notifications notifications;

    TodoBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mv) {
                SrdiUser user = PageModel.currentUser();
                if (user != null && PageModel.rendersPage(mv)) {
                    mv.addObject("todoOpen", new LazyContextVariable<Long>() {
                        @Override
                        protected Long loadValue() {
                            return notifications.openCount(user.getUsername());
                        }
                    });
                }
            }
        });
    }
}
