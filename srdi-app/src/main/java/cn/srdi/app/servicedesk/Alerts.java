package cn.srdi.app.servicedesk;

import cn.srdi.app.notification.Notifications;
import cn.srdi.app.notification.Recipient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the enterprise code service asks of people, as to-dos (and e-mails) of the notification
 * module: the department to accept, the firm to supply more or confirm, the supervisor and the
 * coordinator on escalations. The to-dos of a request share the subject {@code sd-request:<id>} and
 * are completed when the step is done.
 */
@Component
class Alerts {

    static final String ACCEPT = "SD_ACCEPT";
    static final String HANDLE = "SD_HANDLE";
    static final String FIRM = "SD_FIRM";
    static final String ESCALATION = "SD_ESCALATION";

    private final Notifications notifications;
    private final Departments departments;

    Alerts(Notifications notifications, Departments departments) {
        this.notifications = notifications;
        this.departments = departments;
    }

    static String subject(long id) {
        return "sd-request:" + id;
    }

    static String deskLink(long id) {
        return "/servicedesk/requests/" + id;
    }

    static String firmLink(long id) {
        return "/m/requests/" + id;
    }

    /** A new or re-routed request: every member of the department gets a to-do to accept it. */
    void toAccept(ServiceRequest r, String departmentId, LocalDate due) {
        notifications.complete(ACCEPT, subject(r.id()));
        for (String user : departments.members(departmentId)) {
            notifications.notify(Recipient.user(user), ACCEPT, subject(r.id()),
                    "请受理企业诉求 " + r.refNo() + "：" + r.subject(), "Accept request " + r.refNo() + ": " + r.subject(),
                    deskLink(r.id()), due);
        }
    }

    /** A request just raised, the department it was routed to, and the due date of its acceptance. */
    record NewRequest(ServiceRequest request, String departmentId, LocalDate due) {
    }

    /**
     * Requests just raised (in this transaction): every member of each request's department gets a
     * to-do to accept it, as {@link #toAccept}; nothing about a new request can be open yet, so
     * nothing is closed first, and the to-dos of all the requests go in one batch (each department's
     * members read once).
     */
    void toAcceptNew(List<NewRequest> raised) {
        Map<String, List<String>> members = new HashMap<>();
        List<Notifications.Todo> todos = new ArrayList<>();
        for (NewRequest n : raised) {
            ServiceRequest r = n.request();
            String zh = "请受理企业诉求 " + r.refNo() + "：" + r.subject();
            String en = "Accept request " + r.refNo() + ": " + r.subject();
            for (String user : members.computeIfAbsent(n.departmentId(), departments::members)) {
                todos.add(new Notifications.Todo(user, subject(r.id()), zh, en, deskLink(r.id()), n.due()));
            }
        }
        notifications.notifyNewToEnabled(ACCEPT, todos);
    }

    /** Accepted: the to-dos to accept close, the assignee gets one to handle it. */
    void accepted(ServiceRequest r, String assignee, LocalDate due) {
        notifications.complete(ACCEPT, subject(r.id()));
        notifications.notify(Recipient.user(assignee), HANDLE, subject(r.id()),
                "办理企业诉求 " + r.refNo() + "：" + r.subject(), "Handle request " + r.refNo() + ": " + r.subject(),
                deskLink(r.id()), due);
    }

    /** The firm is asked to act (supply more, confirm and rate). */
    void firm(ServiceRequest r, String zh, String en, LocalDate due) {
        notifications.complete(FIRM, subject(r.id()));
        notifications.notify(Recipient.firm(r.creditCode()), FIRM, subject(r.id()), zh, en, firmLink(r.id()), due);
    }

    /** The firm acted: its to-dos close. */
    void firmDone(ServiceRequest r) {
        notifications.complete(FIRM, subject(r.id()));
    }

    /** Escalation level 1 to the department's supervisor, level 2 also to the coordinator's supervisor and members. */
    void escalate(ServiceRequest r, int level, String stageZh, String stageEn, LocalDate due) {
        Set<String> to = new LinkedHashSet<>();
        departments.find(r.departmentId()).map(Department::supervisor).ifPresent(to::add);
        if (level >= 2) {
            Department c = departments.coordinator();
            if (c.supervisor() != null) {
                to.add(c.supervisor());
            }
            to.addAll(departments.members(c.id()));
        }
        String zh = (level >= 2 ? "【超期督办】" : "【临期提醒】") + "诉求 " + r.refNo() + " " + stageZh
                + (level >= 2 ? "已超期" : "即将到期") + "：" + r.subject();
        String en = (level >= 2 ? "[Overdue] " : "[Due soon] ") + "request " + r.refNo() + ", " + stageEn
                + (level >= 2 ? " is overdue" : " is due soon") + ": " + r.subject();
        for (String user : to) {
            notifications.notify(Recipient.user(user), ESCALATION + level, subject(r.id()), zh, en, deskLink(r.id()), due);
        }
    }

    /** One escalated request to one recipient. */
    void escalateOne(String user, long id, String refNo, String subject, int level, String stageZh, String stageEn, LocalDate due) {
        String zh = (level >= 2 ? "【超期督办】" : "【临期提醒】") + "诉求 " + refNo + " " + stageZh
                + (level >= 2 ? "已超期" : "即将到期") + "：" + subject;
        String en = (level >= 2 ? "[Overdue] " : "[Due soon] ") + "request " + refNo + ", " + stageEn
                + (level >= 2 ? " is overdue" : " is due soon") + ": " + subject;
        notifications.notify(Recipient.user(user), ESCALATION + level, subject(id), zh, en, deskLink(id), due);
    }

    /** Many requests escalated at once to one recipient: one to-do naming the count, linking to the escalated list. */
    void escalateMany(String user, int level, int count, LocalDate today) {
        String zh = (level >= 2 ? "【超期督办】" : "【临期提醒】") + count + " 件诉求" + (level >= 2 ? "已超期" : "即将到期");
        String en = (level >= 2 ? "[Overdue] " : "[Due soon] ") + count + " requests " + (level >= 2 ? "are overdue" : "are due soon");
        notifications.notify(Recipient.user(user), ESCALATION + level, "sd-escalations:" + today + ":" + level, zh, en,
                "/servicedesk?escalated=true&open=true", today);
    }

    /** The request is resolved or closed: every to-do of the department side about it closes. */
    void handled(ServiceRequest r) {
        notifications.complete(ACCEPT, subject(r.id()));
        notifications.complete(HANDLE, subject(r.id()));
        notifications.complete(ESCALATION + 1, subject(r.id()));
        notifications.complete(ESCALATION + 2, subject(r.id()));
    }

    /** Everything about the request closes. */
    void closed(ServiceRequest r) {
        notifications.completeSubject(subject(r.id()));
    }
}
