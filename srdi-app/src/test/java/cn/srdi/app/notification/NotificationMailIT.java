package cn.srdi.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail through an in-process SMTP server ({@link TestSmtpServer}): sent after commit, never for
 * a rolled-back action, a refused send is retried, and the action never fails because of the server.
 */
@SpringBootTest
@ActiveProfiles("test")
class NotificationMailIT {

    static final TestSmtpServer SMTP;

    static {
        try {
            SMTP = new TestSmtpServer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", SMTP::port);
        r.add("srdi.notification.retry-seconds", () -> "1");
        r.add("srdi.notification.max-attempts", () -> "3");
        r.add("srdi.notification.retry-poll-ms", () -> "3600000");
    }

    @Autowired
    Notifications notifications;
    @Autowired
    NotificationMailer mailer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    java.time.Clock clock;

    @AfterAll
    static void stop() throws Exception {
        SMTP.close();
    }

    @AfterEach
    void clean() {
        jdbc.sql("delete from notification_mail where notification_id in (select id from notification where kind like 'TEST_%')").update();
        jdbc.sql("delete from notification where kind like 'TEST_%'").update();
        jdbc.sql("delete from notification_email where username in ('official', 'handler')").update();
    }

    static MimeMessage parse(TestSmtpServer.Received r) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(r.raw().getBytes(StandardCharsets.UTF_8)));
    }

    void awaitReceived(int n) throws InterruptedException {
        for (int i = 0; i < 200 && SMTP.received().size() < n; i++) {
            Thread.sleep(50);
        }
    }

    String status(long notificationId) {
        return jdbc.sql("select status from notification_mail where notification_id = ?").param(notificationId)
                .query(String.class).single();
    }

    @Test
    void aNotificationIsMailedAfterCommitInChineseAndEnglish() throws Exception {
        notifications.setEmail("official", "official@srdi.test");
        int before = SMTP.received().size();
        List<Long> ids = tx.execute(s -> notifications.notify(Recipient.user("official"), "TEST_MAIL", "m:1",
                "请复核称号 12", "Re-review title 12", "/titles/reviews", LocalDate.of(2026, 9, 1)));
        awaitReceived(before + 1);
        assertThat(SMTP.received()).hasSize(before + 1);
        TestSmtpServer.Received r = SMTP.received().get(before);
        assertThat(r.to()).containsExactly("<official@srdi.test>");
        MimeMessage m = parse(r);
        assertThat(m.getSubject()).isEqualTo("[专精特新] 请复核称号 12 / Re-review title 12");
        String text = m.getContent().toString();
        assertThat(text).contains("截止日期：2026-09-01").contains("/titles/reviews").contains("Due: 2026-09-01");
        assertThat(status(ids.get(0))).isEqualTo("SENT");
    }

    @Test
    void aRolledBackActionSendsNothing() throws Exception {
        notifications.setEmail("handler", "handler@srdi.test");
        int before = SMTP.received().size();
        tx.execute(s -> {
            notifications.notify(Recipient.user("handler"), "TEST_MAIL", "m:rollback", "回滚", "rolled back", null, null);
            s.setRollbackOnly();
            return null;
        });
        Thread.sleep(500);
        mailer.sendDue(LocalDateTime.now(clock).plusHours(1));
        assertThat(SMTP.received()).hasSize(before);
        assertThat(notifications.exists("TEST_MAIL", "m:rollback")).isFalse();
    }

    @Test
    void aRefusedSendIsRetriedAndTheActionDoesNotFail() throws Exception {
        notifications.setEmail("official", "official@srdi.test");
        int before = SMTP.received().size();
        SMTP.refuseNext(1);
        List<Long> ids = tx.execute(s -> notifications.notify(Recipient.user("official"), "TEST_MAIL", "m:retry",
                "重试", "retry", null, null));
        assertThat(ids).hasSize(1);
        for (int i = 0; i < 200 && SMTP.refused() == 0; i++) {
            Thread.sleep(50);
        }
        for (int i = 0; i < 100 && !"PENDING".equals(status(ids.get(0))); i++) {
            Thread.sleep(50);
        }
        assertThat(status(ids.get(0))).isEqualTo("PENDING");
        assertThat(jdbc.sql("select attempts from notification_mail where notification_id = ?").param(ids.get(0))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(SMTP.received()).hasSize(before);
        // the retry job, later: sent
        assertThat(mailer.sendDue(LocalDateTime.now(clock).plusMinutes(1))).isEqualTo(1);
        assertThat(status(ids.get(0))).isEqualTo("SENT");
        assertThat(SMTP.received()).hasSize(before + 1);
        // a user without an address gets no mail row
        List<Long> none = tx.execute(s -> notifications.notify(Recipient.user("bank"), "TEST_MAIL", "m:none", "无邮箱",
                "no address", null, null));
        assertThat(jdbc.sql("select count(*) from notification_mail where notification_id = ?").param(none.get(0))
                .query(Long.class).single()).isZero();
    }
}
