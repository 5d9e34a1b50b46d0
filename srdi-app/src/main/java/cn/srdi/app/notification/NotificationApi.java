package cn.srdi.app.notification;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.web.BilingualException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the to-do list: a user reads and closes only their own notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications", description = "待办与通知（仅本人）/ to-dos and notifications (own only)")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "我的通知 / my notifications",
            description = "The current user's notifications, open first (by due date), then done; status OPEN, DONE or ALL. Every role.")
    List<Notice> list(@Parameter(description = "OPEN (default), DONE or ALL")
                      @RequestParam(name = "status", required = false) String status,
                      @Parameter(description = "at most this many (1..1000, default 200)")
                      @RequestParam(name = "limit", required = false) Integer limit) {
        return notifications.of(CurrentUser.scope().username(), status(status), limit == null ? 200 : limit);
    }

    @GetMapping("/count")
    @Operation(summary = "未办数 / open count", description = "How many of the current user's to-dos are open.")
    Map<String, Long> count() {
        return Map.of("open", notifications.openCount(CurrentUser.scope().username()));
    }

    @PostMapping("/{id}/done")
    @Operation(summary = "标记已办 / mark done", description = "Closes one of the current user's own to-dos; another user's id answers 404.")
    Notice done(@PathVariable("id") long id) {
        return notifications.markDone(CurrentUser.scope().username(), id);
    }

    static String status(String s) {
        if (s == null || s.isBlank()) {
            return Notice.OPEN;
        }
        return switch (s.strip().toUpperCase(Locale.ROOT)) {
            case "OPEN" -> Notice.OPEN;
            case "DONE" -> Notice.DONE;
            case "ALL" -> null;
            default -> throw BilingualException.badRequest("参数 status 须为 OPEN、DONE 或 ALL：" + s,
                    "parameter status must be OPEN, DONE or ALL: " + s);
        };
    }
}
