package cn.srdi.app.servicedesk;

import java.time.LocalDateTime;

/** A request (诉求) as stored, with the firm's name; times are Asia/Shanghai local date-times. */
public record ServiceRequest(long id, String refNo, String creditCode, String firmName, String parkId, Category category,
                             Category suggestedCategory, String subject, String body, RequestStatus status,
                             String departmentId, String assignee, String createdBy, LocalDateTime createdAt,
                             LocalDateTime acceptedAt, LocalDateTime firstReplyAt, LocalDateTime resolvedAt,
                             LocalDateTime closedAt, LocalDateTime acceptDueAt, LocalDateTime replyDueAt,
                             LocalDateTime resolveDueAt, Boolean acceptLate, Boolean replyLate, Boolean resolveLate,
                             String slaStage, LocalDateTime dueAt, LocalDateTime nearAt, int escalation,
                             LocalDateTime pausedAt, LocalDateTime confirmDueAt, LocalDateTime nextCheckAt,
                             int reopenCount, Integer rating, String ratingComment, LocalDateTime ratedAt,
                             LocalDateTime resolveFrom, int rowVersion) {

    /** The SLA state of the running stage at an instant: ON_TIME, NEAR, OVERDUE, or null when no clock runs. */
    public String slaState(LocalDateTime now) {
        if (slaStage == null || dueAt == null) {
            return null;
        }
        if (!now.isBefore(dueAt)) {
            return "OVERDUE";
        }
        return nearAt != null && !now.isBefore(nearAt) ? "NEAR" : "ON_TIME";
    }
}
