package cn.srdi.app.notification;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mail of notifications, through an outbox ({@code notification_mail}): rows are written in the
 * transaction that makes the notification, and sent by one background thread after that
 * transaction commits, so the action never waits for (or fails because of) the SMTP server. A
 * failed send is logged and retried with doubling back-off by a scheduled job until
 * {@code srdi.notification.max-attempts}, then left FAILED. Nothing is written or sent when no
 * SMTP server is configured ({@code spring.mail.host} unset: no {@link JavaMailSender} bean).
 */
@Component
class NotificationMailer {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationMailer.class);

    /** An e-mail to send. */
    record Mail(long id, String to, String subject, String body, int attempts) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties props;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notification-mail");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    NotificationMailer(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, NotificationProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.props = props;
        this.clock = clock;
    }

    boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Writes the outbox row of a notification, when e-mail is on and the user has an address. */
    void queue(long notificationId, String user, String titleZh, String titleEn, String link, LocalDate due,
               LocalDateTime now) {
        if (!enabled()) {
            return;
        }
        String to = address(user);
        if (to == null) {
            return;
        }
        StringBuilder body = new StringBuilder();
        body.append(titleZh).append('\n');
        if (due != null) {
            body.append("截止日期：").append(due).append('\n');
        }
        if (link != null) {
            body.append("办理：").append(props.baseUrl()).append(link).append('\n');
        }
        body.append('\n').append(titleEn).append('\n');
        if (due != null) {
            body.append("Due: ").append(due).append('\n');
        }
        if (link != null) {
            body.append("Act on it: ").append(props.baseUrl()).append(link).append("?lang=en\n");
        }
        body.append("\n—— 专精特新中小企业梯度培育服务平台 / SRDI platform\n");
        String subject = "[专精特新] " + titleZh + " / " + titleEn;
        jdbc.sql("insert into notification_mail (notification_id, to_address, subject, body, status, attempts, next_attempt_at) "
                        + "values (?, ?, ?, ?, 'PENDING', 0, ?)")
                .params(notificationId, to, clip(subject, 500), clip(body.toString(), 4000), Timestamp.valueOf(now))
                .update();
    }

    /** The address of a user: their own setting, else (enterprise users) the firm's contact e-mail. */
    String address(String user) {
        String own = jdbc.sql("select email from notification_email where username = ?").param(user)
                .query(String.class).optional().orElse(null);
        if (own != null) {
            return own;
        }
        return jdbc.sql("select e.contact_email from app_user u join enterprise e on e.credit_code = u.credit_code "
                        + "where u.username = ? and u.role = 'ENTERPRISE'")
                .param(user).query(String.class).optional().filter(s -> s != null && s.contains("@")).orElse(null);
    }

    /** Sends the due outbox rows once the current transaction commits (at once when there is none). */
    void sendAfterCommit() {
        if (!enabled()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kick();
                }
            });
        } else {
            kick();
        }
    }

    private void kick() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                try {
                    sendDue(LocalDateTime.now(clock));
                } catch (RuntimeException e) {
                    LOG.warn("notification e-mail: sending failed, will retry: {}", e.toString());
                }
            });
        }
    }

    /** The retry job: every minute, sends what is due (and takes back rows left SENDING by a stopped run). */
    @Scheduled(fixedDelayString = "${srdi.notification.retry-poll-ms:60000}", initialDelay = 30000)
    void retryJob() {
        if (!enabled()) {
            return;
        }
        try {
            sendDue(LocalDateTime.now(clock));
        } catch (RuntimeException e) {
            LOG.warn("notification e-mail: retry run failed: {}", e.toString());
        }
    }

    /**
     * Sends every PENDING e-mail due at {@code now}; each row is claimed first (PENDING → SENDING by
     * one update), so two runs never send it twice. Returns how many were sent.
     */
    synchronized int sendDue(LocalDateTime now) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        jdbc.sql("update notification_mail set status = 'PENDING' where status = 'SENDING' and next_attempt_at < ?")
                .param(Timestamp.valueOf(now.minusMinutes(10))).update();
        List<Mail> due = jdbc.sql("select id, to_address, subject, body, attempts from notification_mail "
                        + "where status = 'PENDING' and next_attempt_at <= ? order by id fetch first 200 rows only")
                .param(Timestamp.valueOf(now))
                .query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
        int sent = 0;
        for (Mail m : due) {
            int claimed = jdbc.sql("update notification_mail set status = 'SENDING', next_attempt_at = ? "
                            + "where id = ? and status = 'PENDING'")
                    .params(Timestamp.valueOf(now), m.id()).update();
            if (claimed == 0) {
                continue;
            }
            try {
                SimpleMailMessage msg = new SimpleMailMessage();
                msg.setFrom(props.mailFrom());
                msg.setTo(m.to());
                msg.setSubject(m.subject());
                msg.setText(m.body());
                mail.send(msg);
                jdbc.sql("update notification_mail set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
                        .params(m.attempts() + 1, Timestamp.valueOf(LocalDateTime.now(clock)), m.id()).update();
                sent++;
            } catch (RuntimeException e) {
                int attempts = m.attempts() + 1;
                boolean giveUp = attempts >= props.maxAttempts();
                long wait = (long) props.retrySeconds() << Math.min(attempts - 1, 16);
                LOG.warn("notification e-mail {} to {} failed (attempt {} of {}){}: {}", m.id(), m.to(), attempts,
                        props.maxAttempts(), giveUp ? ", giving up" : ", retry in " + wait + " s", e.toString());
                jdbc.sql("update notification_mail set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                        .params(giveUp ? "FAILED" : "PENDING", attempts, Timestamp.valueOf(now.plusSeconds(wait)),
                                clip(String.valueOf(e.getMessage()), 1000), m.id())
                        .update();
            }
        }
        return sent;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
