package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.app.platform.Browser;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.engine.model.Tier;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A round in a real (headless) browser: the official creates and opens it, the firm applies
 * (sees its self-evaluation), signs and submits, the official passes the district review and
 * approves, publishes the notice, the bank objects, the official dismisses the objection and,
 * after the notice, recognises; the firm sees its case recognised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CultivationBrowserIT {

    @RegisterExtension
    static final Browser SCREENSHOTS = Browser.screenshotsOnFailure();

    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CultivationService service;
    @Autowired
    RegistryStore registry;

    Long roundId;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        Browser.stop();
    }

    @AfterEach
    void cleanUp() {
        service.clock(Clock.system(ZoneId.of("Asia/Shanghai")));
        if (roundId != null) {
            List<Long> titles = jdbc.sql("select title_id from cult_case where round_id = ? and title_id is not null").param(roundId)
                    .query(Long.class).list();
            for (String t : List.of("cult_review", "cult_evidence", "cult_objection")) {
                jdbc.sql("delete from " + t + " where case_id in (select id from cult_case where round_id = ?)").param(roundId).update();
            }
            jdbc.sql("delete from cult_case where round_id = ?").param(roundId).update();
            jdbc.sql("delete from cult_round where id = ?").param(roundId).update();
            titles.forEach(id -> jdbc.sql("delete from enterprise_title where id = ?").param(id).update());
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void logIn(String user) {
        browser.get(url("/login?lang=zh"));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        Browser.awaitElement(browser, By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("srdi2026");
        browser.findElement(By.id("login-submit")).click();
        Browser.await(browser, d -> !d.getCurrentUrl().contains("/login"));
    }

    String state() {
        return Browser.awaitElement(browser, By.id("case-state")).getAttribute("data-state");
    }

    void act(String form, String reason) {
        var f = Browser.awaitElement(browser, By.id(form));
        if (reason != null) {
            f.findElement(By.name("reason")).sendKeys(reason);
        }
        f.findElement(By.tagName("button")).click();
    }

    @Test
    void an_official_runs_a_round_and_the_firm_follows_its_case() {
        String code = jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
        LocalDate today = service.today();
        Tier tier = List.of(Tier.SRDI, Tier.LITTLE_GIANT, Tier.INNOVATIVE).stream()
                .filter(t -> registry.titles(code).stream().noneMatch(x -> x.tier() == t && x.inForceOn(today))).findFirst().orElseThrow();

        // the official creates a round with a district review only, and opens it
        logIn("official");
        browser.get(url("/cultivation"));
        var form = Browser.awaitElement(browser, By.id("new-round"));
        form.findElement(By.name("name")).sendKeys("浏览器测试批次");
        new Select(form.findElement(By.name("tier"))).selectByValue(tier.name());
        for (String s : List.of("MUNICIPAL", "EXPERT")) {
            form.findElement(By.cssSelector("input[name=stages][value=" + s + "]")).click();
        }
        var days = form.findElement(By.name("noticeDays"));
        days.clear();
        days.sendKeys("1");
        form.findElement(By.tagName("button")).click();
        Browser.awaitElement(browser, By.id("open-round")).click();
        assertThat(Browser.awaitElement(browser, By.id("round-status")).getText()).isEqualTo("OPEN");
        roundId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/rounds/(\\d+).*", "$1"));

        // the firm applies from its own page, sees the self-evaluation, signs and submits
        logIn("firm");
        browser.get(url("/cultivation/my"));
        Browser.awaitElement(browser, By.cssSelector("#open-rounds li[data-round='" + roundId + "'] button")).click();
        assertThat(state()).isEqualTo("DRAFT");
        assertThat(browser.findElements(By.cssSelector("#criteria tbody tr"))).isNotEmpty();
        var sign = Browser.awaitElement(browser, By.id("sign"));
        sign.findElement(By.cssSelector("input[type=checkbox]")).click();
        sign.findElement(By.tagName("button")).click();
        Browser.awaitElement(browser, By.id("submit")).findElement(By.tagName("button")).click();
        assertThat(state()).isEqualTo("DISTRICT_REVIEW");
        long caseId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/cases/(\\d+).*", "$1"));

        // the official passes the district review, approves and publishes the notice
        logIn("official");
        browser.get(url("/cultivation/cases?state=DISTRICT_REVIEW"));
        Browser.awaitElement(browser, By.cssSelector("tr[data-case='" + caseId + "'] a")).click();
        act("pass", "材料齐全");
        assertThat(state()).isEqualTo("DECISION");
        act("approve", "拟认定");
        assertThat(state()).isEqualTo("APPROVED");
        browser.get(url("/cultivation/rounds/" + roundId));
        Browser.awaitElement(browser, By.id("publish")).click();
        Browser.awaitElement(browser, By.cssSelector("tr[data-case='" + caseId + "'][data-state='NOTICE']"));

        // the bank objects on the public notice: the case pauses
        logIn("bank");
        browser.get(url("/cultivation/notice"));
        var row = Browser.awaitElement(browser, By.cssSelector("#notice tr[data-case='" + caseId + "']"));
        row.findElement(By.name("reason")).sendKeys("贷款逾期未还");
        row.findElement(By.tagName("button")).click();
        Browser.await(browser, d -> d.findElement(By.cssSelector("#notice tr[data-case='" + caseId + "']")).getText().contains("异议暂停"));

        // the official dismisses the objection and, once the notice ended, recognises
        logIn("official");
        browser.get(url("/cultivation/cases/" + caseId));
        act("dismiss", "经核实已还清");
        assertThat(state()).isEqualTo("NOTICE");
        service.clock(Clock.fixed(today.plusDays(2).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai")));
        browser.get(url("/cultivation/rounds/" + roundId));
        Browser.awaitElement(browser, By.id("recognise")).click();
        Browser.awaitElement(browser, By.cssSelector("tr[data-case='" + caseId + "'][data-state='RECOGNISED']"));

        // the firm sees its case recognised on its own page
        logIn("firm");
        browser.get(url("/cultivation/my"));
        Browser.awaitElement(browser, By.cssSelector("tr[data-case='" + caseId + "'][data-state='RECOGNISED']"));
        browser.get(url("/cultivation/cases/" + caseId + "?lang=en"));
        assertThat(Browser.awaitElement(browser, By.id("case-state")).getText()).isEqualTo("recognised");
    }
}
