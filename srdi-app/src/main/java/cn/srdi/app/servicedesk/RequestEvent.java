package cn.srdi.app.servicedesk;

import java.time.LocalDateTime;

/** One step in the history of a request: a transition, an escalation or the intake itself. */
public record RequestEvent(long id, long requestId, LocalDateTime occurredAt, String actor, String action,
                           RequestStatus fromStatus, RequestStatus toStatus, String departmentId, String note) {
}
