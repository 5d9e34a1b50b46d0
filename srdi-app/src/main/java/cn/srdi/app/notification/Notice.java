package cn.srdi.app.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One notification of one user: a to-do while {@link #open()}, with the page to act on and a due
 * date when the step has one.
 */
public record Notice(long id, String recipient, String kind, String subjectRef, String titleZh, String titleEn,
                     String link, LocalDate dueOn, LocalDateTime createdAt, String status, LocalDateTime doneAt,
                     String doneBy) {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    public boolean open() {
        return OPEN.equals(status);
    }

    /** Open and past its due date on the given day. */
    public boolean overdueOn(LocalDate today) {
        return open() && dueOn != null && dueOn.isBefore(today);
    }
}
