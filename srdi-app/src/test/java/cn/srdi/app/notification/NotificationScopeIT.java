package cn.srdi.app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.srdi.app.identity.Role;
import cn.srdi.app.web.BilingualException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A user sees and closes only their own notifications, in the API and on /todo; recipients resolve by role, firm and park. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class NotificationScopeIT {

    static final String KIND = "TEST_SCOPE";

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void clean() {
        jdbc.sql("delete from notification_mail where notification_id in (select id from notification where kind like 'TEST_%')").update();
        jdbc.sql("delete from notification where kind like 'TEST_%'").update();
    }

    String firmCode() {
        return jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
    }

    String body(String user, String url) throws Exception {
        var r = mvc.perform(get(url).with(httpBasic(user, "srdi2026"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aUserSeesAndClosesOnlyTheirOwnNotifications() throws Exception {
        List<Long> forFirm = tx.execute(s -> notifications.notify(Recipient.firm(firmCode()), KIND, "x:firm",
                "企业待办甲", "Firm to-do A", "/firms/" + firmCode(), LocalDate.of(2026, 5, 31)));
        List<Long> forOfficial = tx.execute(s -> notifications.notify(Recipient.user("official"), KIND, "x:official",
                "官员待办乙", "Official to-do B", "/titles", null));
        assertThat(forFirm).hasSize(1);
        assertThat(forOfficial).hasSize(1);

        String firmList = body("firm", "/api/v1/notifications");
        assertThat(firmList).contains("企业待办甲").doesNotContain("官员待办乙");
        String officialList = body("official", "/api/v1/notifications?status=ALL");
        assertThat(officialList).contains("官员待办乙").doesNotContain("企业待办甲");
        assertThat(body("park-lijia", "/api/v1/notifications")).doesNotContain("企业待办甲").doesNotContain("官员待办乙");

        // the firm may not close the official's to-do: 404, and it stays open
        var r = mvc.perform(post("/api/v1/notifications/" + forOfficial.get(0) + "/done").with(csrf())
                .with(httpBasic("firm", "srdi2026"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("未找到通知").contains("no notification");
        assertThat(notifications.openCount("official")).isGreaterThanOrEqualTo(1);
        assertThat(notifications.openAbout(KIND, "x:official")).hasSize(1);

        // its own: closed
        var own = mvc.perform(post("/api/v1/notifications/" + forFirm.get(0) + "/done").with(csrf())
                .with(httpBasic("firm", "srdi2026"))).andReturn();
        assertThat(own.getResponse().getStatus()).isEqualTo(200);
        assertThat(own.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"DONE\"");
        assertThat(notifications.openAbout(KIND, "x:firm")).isEmpty();

        // the page and the badge show only the user's own open items
        String page = body("official", "/todo");
        assertThat(page).contains("官员待办乙").doesNotContain("企业待办甲").contains("todo-badge");
        String firmPage = body("firm", "/todo?lang=en");
        assertThat(firmPage).contains("Firm to-do A").doesNotContain("Official to-do B");
    }

    @Test
    void roleAndParkRecipientsResolveToTheirUsersAndCompleteClosesEveryCopy() {
        List<Long> ids = tx.execute(s -> notifications.notify(Recipient.role(Role.OFFICIAL), KIND, "case:1",
                "请审核", "Please review", "/todo", LocalDate.of(2026, 6, 1)));
        long officials = jdbc.sql("select count(*) from app_user where role = 'OFFICIAL' and enabled = true")
                .query(Long.class).single();
        assertThat(ids).hasSize((int) officials);
        // a second notify of the same open step makes no duplicate
        List<Long> again = tx.execute(s -> notifications.notify(Recipient.role(Role.OFFICIAL), KIND, "case:1",
                "请审核", "Please review", "/todo", null));
        assertThat(again).isEmpty();
        Integer closed = tx.execute(s -> notifications.complete(KIND, "case:1"));
        assertThat(closed).isEqualTo((int) officials);
        assertThat(notifications.openAbout(KIND, "case:1")).isEmpty();
        assertThat(notifications.exists(KIND, "case:1")).isTrue();

        List<Long> park = tx.execute(s -> notifications.notify(Recipient.parkOfFirm(firmCode()), KIND, "p:1",
                "园区待办", "Park to-do", null, null));
        List<String> who = notifications.openAbout(KIND, "p:1").stream().map(Notice::recipient).toList();
        assertThat(park).isNotEmpty();
        assertThat(who).contains("park-lijia").doesNotContain("park-dadi", "firm", "official");
    }

    @Test
    void badInputIsRefusedInBothLanguages() {
        assertThatThrownBy(() -> tx.execute(s -> notifications.notify(Recipient.user("firm"), KIND, "l", "甲", "A",
                "https://evil.example/", null)))
                .isInstanceOf(BilingualException.class).hasMessageContaining("链接").hasMessageContaining("link");
        assertThatThrownBy(() -> tx.execute(s -> notifications.notify(Recipient.user("firm"), KIND, "l", "", "A", null, null)))
                .isInstanceOf(BilingualException.class).hasMessageContaining("English title");
        assertThat(notifications.exists(KIND, "l")).isFalse();
    }
}
