package cn.srdi.app.cultivation;

import cn.srdi.app.identity.Role;
import cn.srdi.app.notification.Notifications;
import cn.srdi.app.notification.Recipient;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * To-dos (and e-mails when SMTP is configured) through the notification module for every actor
 * whose action a case now needs; the to-dos about a case are closed when it moves on. Runs in the
 * transaction of the change.
 */
@Component
class CaseNotifier {

    private final Notifications notifications;

    CaseNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    static String subject(long caseId) {
        return "cult_case:" + caseId;
    }

    /** The case entered {@code state}: close the old to-dos, open the ones the new state needs. */
    void entered(CaseView c, CaseState state, LocalDate due) {
        String s = subject(c.id());
        notifications.completeSubject(s);
        String link = "/cultivation/cases/" + c.id();
        String name = c.firmName() == null ? c.creditCode() : c.firmName();
        switch (state) {
            case DISTRICT_REVIEW -> {
                notifications.notify(Recipient.role(Role.OFFICIAL), "CULT_DISTRICT_REVIEW", s, "区县初审：" + name + "（申报 #" + c.id() + "）",
                        "District review: " + name + " (case #" + c.id() + ")", link, null);
                notifications.notify(Recipient.parkOfFirm(c.creditCode()), "CULT_DISTRICT_REVIEW", s, "区县初审：" + name
                        + "（申报 #" + c.id() + "）", "District review: " + name + " (case #" + c.id() + ")", link, null);
            }
            case MUNICIPAL_REVIEW -> notifications.notify(Recipient.role(Role.OFFICIAL), "CULT_MUNICIPAL_REVIEW", s,
                    "市级复审：" + name + "（申报 #" + c.id() + "）", "Municipal review: " + name + " (case #" + c.id() + ")", link, null);
            case DECISION -> notifications.notify(Recipient.role(Role.OFFICIAL), "CULT_DECISION", s,
                    "待决定：" + name + "（申报 #" + c.id() + "）", "Decision due: " + name + " (case #" + c.id() + ")", link, null);
            case APPROVED -> notifications.notify(Recipient.role(Role.OFFICIAL), "CULT_PUBLISH", s,
                    "待发布公示：" + name + "（申报 #" + c.id() + "）", "To publish on notice: " + name + " (case #" + c.id() + ")",
                    "/cultivation/rounds/" + c.roundId(), null);
            case NOTICE -> notifications.notify(Recipient.role(Role.OFFICIAL), "CULT_RECOGNISE", s,
                    "公示期满后认定：" + name + "（申报 #" + c.id() + "）", "Recognise after the notice: " + name + " (case #" + c.id() + ")",
                    "/cultivation/rounds/" + c.roundId(), due);
            case OBJECTED -> notifications.notify(Recipient.role(Role.OFFICIAL), "CULT_OBJECTION", s,
                    "处理异议：" + name + "（申报 #" + c.id() + "）", "Resolve the objection: " + name + " (case #" + c.id() + ")", link, null);
            case RETURNED -> notifications.notify(Recipient.firm(c.creditCode()), "CULT_RETURNED", s,
                    "申报 #" + c.id() + " 已退回补正：" + c.returnReason(), "Case #" + c.id() + " returned for correction: "
                            + c.returnReason(), link, due);
            case DRAFT -> notifications.notify(Recipient.firm(c.creditCode()), "CULT_DRAFT", s,
                    "申报 #" + c.id() + " 待提交", "Case #" + c.id() + " waits to be submitted", link, null);
            default -> {
            }
        }
    }

    /** A returned case was closed because its correction deadline passed: the firm is told (a notice to read). */
    void correctionMissed(CaseView c, LocalDate deadline) {
        notifications.notify(Recipient.firm(c.creditCode()), "CULT_CORRECTION_MISSED", subject(c.id()),
                "申报 #" + c.id() + "（" + c.roundName() + "）补正期限 " + deadline + " 已过，视为撤回申报",
                "Case #" + c.id() + " (" + c.roundName() + "): the correction deadline " + deadline
                        + " passed; the application is deemed withdrawn", "/cultivation/cases/" + c.id(), null);
    }

    /** An expert drawn for a case: its new review task. */
    record Drawn(long caseId, long reviewId, String expert) {
    }

    /** Experts were drawn: each gets a to-do for its new review task (one batch). */
    void assigned(List<Drawn> drawn) {
        notifications.notifyNewEach("CULT_EXPERT_REVIEW", "/cultivation/reviews", null, drawn.stream()
                .map(d -> new Notifications.NewTodo(d.expert(), "cult_review:" + d.reviewId(),
                        "专家评审任务：申报 #" + d.caseId(), "Expert review: case #" + d.caseId()))
                .toList());
    }

    /** An expert submitted a review. */
    void reviewed(long reviewId) {
        notifications.completeSubject("cult_review:" + reviewId);
    }
}
