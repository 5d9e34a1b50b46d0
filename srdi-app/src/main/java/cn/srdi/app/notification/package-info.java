/**
 * Notifications (通知与待办): in-app to-dos for every step that needs someone's action, a to-do list
 * per user (page {@code /todo}, badge in the menu, REST {@code /api/v1/notifications}, a user sees
 * only their own), and e-mail when an SMTP server is configured.
 *
 * <h2>How other modules use it</h2>
 * Call {@link cn.srdi.app.notification.Notifications} (it joins the caller's transaction, so the
 * to-do lands with the change that needs it or not at all):
 * <pre>{@code
 * notifications.notify(Recipient.role(Role.OFFICIAL), "CASE_REVIEW", "case:12",
 *         "请初审申报 12", "Review application 12", "/cultivation/cases/12", dueDate);
 * // ... when the step is done, by whoever did it:
 * notifications.complete("CASE_REVIEW", "case:12");
 * }</pre>
 * <ul>
 * <li>{@link cn.srdi.app.notification.Recipient}: one user, every user of a role, the enterprise
 * accounts of a firm, the park operators of a firm's park or of a park. It is resolved to user
 * accounts at once: each user gets their own to-do.</li>
 * <li>{@code kind} is a short code of the step; {@code subjectRef} names what it is about.
 * A user never gets a second open to-do of the same kind and subject;
 * {@link cn.srdi.app.notification.Notifications#complete(String, String)} closes every open copy.
 * {@link cn.srdi.app.notification.Notifications#exists(String, String)} tells a job whether it
 * already reminded (reminders are made once, so jobs stay idempotent).</li>
 * <li>{@code link} is a path of this platform ({@code /...}); {@code due} is optional.</li>
 * </ul>
 *
 * <h2>E-mail</h2>
 * With {@code spring.mail.host} set, each to-do also writes an e-mail into an outbox in the same
 * transaction; it is sent by a background thread after commit (never blocking the action), and a
 * failed send is logged and retried with doubling back-off ({@code srdi.notification.retry-seconds},
 * {@code max-attempts}). The address is the one the user set on {@code /todo}, else for enterprise
 * users the firm's contact e-mail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "notification")
package cn.srdi.app.notification;
