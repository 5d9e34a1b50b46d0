package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.app.identity.UserAccounts;
import cn.srdi.app.platform.Browser;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.servicedesk.MovableClock;
import cn.srdi.app.titles.TitleJobs;
import cn.srdi.engine.model.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A round and the years after it in a real (headless) browser, on the platform clock the test
 * moves: the engine's discovery proposes the firm for the pool and the official accepts it on the
 * pool page; the official creates and opens a round; the firm goes from its registry page to its
 * cultivation page, applies (sees its self-evaluation), signs and submits; the official passes the
 * district review and approves, publishes the notice; the bank objects, the case pauses; the
 * official dismisses the objection and, after the notice, recognises; the firm sees its title and
 * the next yearly update deadline. Half a year later the update is missed: the daily job flags the
 * title and the firm sees the flag and the to-do. In the re-review window the official cannot open
 * a re-review (lost eligibility); the firm files its data late, the official clears the flag with a
 * reason, opens the re-review, has it graded by the engine (REVIEW) and passes it: the firm sees the
 * validity extended by three years.
 */
// the clock moves years: no SLA sweep may run on it (it would close the demo's resolved requests)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "srdi.servicedesk.sweep-enabled=false")
@ActiveProfiles("test")
@Import(MovableClock.Config.class)
class CultivationBrowserIT {

    @RegisterExtension
    static final Browser SCREENSHOTS = Browser.screenshotsOnFailure();

    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    RegistryStore registry;
    @Autowired
    UserAccounts users;
    @Autowired
    PlatformTransactionManager tm;
    @Autowired
    TitleJobs titleJobs;
    @Autowired
    cn.srdi.app.grading.GradingService grading;
    @Autowired
    PoolService pool;

    final List<String> firms = new ArrayList<>();
    final List<String> accounts = new ArrayList<>();
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
        clock.reset();
        CultivationLifecycleIT.remove(jdbc, roundId, firms, accounts);
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

    void today(LocalDate day) {
        clock.set(day.atTime(10, 0));
    }

    String titleRowState(long titleId) {
        return Browser.awaitElement(browser, By.cssSelector("#titles tr[data-title='" + titleId + "']")).getAttribute("data-state");
    }

    @Test
    void an_official_runs_a_round_and_the_firm_follows_its_case_to_the_re_review() {
        today(LocalDate.of(2026, 11, 23));
        String code = CultivationLifecycleIT.newFirm(registry, tm, users, "丁浏览", firms, accounts);
        String firmUser = accounts.get(0);
        Tier tier = Tier.SRDI;

        // discovery: the engine grades the firm and discovery proposes it for the pool of the rung; the official accepts
        // it on the pool page
        var official = new cn.srdi.app.identity.Scope("official", cn.srdi.app.identity.Role.OFFICIAL, java.util.Set.of(), null, null);
        var graded = grading.gradeFirm(official, code, LocalDate.of(2026, 11, 23), cn.srdi.app.grading.RuleChoice.auto(),
                cn.srdi.engine.model.ApplicationType.NEW);
        assertThat(pool.discover(graded.runId(), LocalDate.of(2026, 11, 23)).proposed()).isPositive();
        long entry = jdbc.sql("select id from cult_pool_entry where credit_code = ? and tier = ? and status = 'PROPOSED'")
                .params(code, tier.name()).query(Long.class).single();
        logIn("official");
        browser.get(url("/cultivation/pool?tier=" + tier.name() + "&status=PROPOSED"));
        Browser.awaitElement(browser, By.cssSelector("tr[data-entry='" + entry + "'] form[action$='/accept'] button")).click();
        Browser.await(browser, d -> "ACTIVE".equals(jdbc.sql("select status from cult_pool_entry where id = ?").param(entry)
                .query(String.class).single()));

        // the official creates a round with a district review only, and opens it
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

        // the firm goes from its own registry page to its cultivation page, applies, sees the self-evaluation, signs and submits
        logIn(firmUser);
        browser.get(url("/firms/" + code));
        Browser.awaitElement(browser, By.cssSelector("#my-cultivation a")).click();
        Browser.await(browser, d -> d.getCurrentUrl().contains("/cultivation/my"));
        assertThat(Browser.awaitElement(browser, By.id("update-deadline")).getAttribute("data-deadline")).isEqualTo("2027-05-31");
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
        today(LocalDate.of(2026, 11, 24));
        browser.get(url("/cultivation/rounds/" + roundId));
        Browser.awaitElement(browser, By.id("recognise")).click();
        Browser.awaitElement(browser, By.cssSelector("tr[data-case='" + caseId + "'][data-state='RECOGNISED']"));

        // the firm sees its case recognised, its title in force for 3 years and the next update deadline, not yet filed
        long titleId = jdbc.sql("select title_id from cult_case where id = ?").param(caseId).query(Long.class).single();
        logIn(firmUser);
        browser.get(url("/cultivation/my"));
        Browser.awaitElement(browser, By.cssSelector("tr[data-case='" + caseId + "'][data-state='RECOGNISED']"));
        assertThat(titleRowState(titleId)).isEqualTo("IN_FORCE");
        assertThat(browser.findElement(By.cssSelector("#titles tr[data-title='" + titleId + "']")).getText())
                .contains("2026-11-24").contains("2029-11-23");
        assertThat(browser.findElement(By.id("update-deadline")).getAttribute("data-filed")).isEqualTo("false");
        browser.get(url("/cultivation/cases/" + caseId + "?lang=en"));
        assertThat(Browser.awaitElement(browser, By.id("case-state")).getText()).isEqualTo("recognised");

        // the update deadline (May 31, 2027) passes without the fiscal-2026 data: the daily job flags the title
        today(LocalDate.of(2027, 6, 1));
        assertThat(titleJobs.run(LocalDate.of(2027, 6, 1), Set.of(code)).flaggedFirms()).isEqualTo(1);
        browser.get(url("/cultivation/my?lang=zh"));
        assertThat(titleRowState(titleId)).isEqualTo("FLAGGED");
        browser.get(url("/todo"));
        Browser.awaitElement(browser, By.cssSelector("tr[data-kind='TITLE_UPDATE_MISSED']"));
        assertThat(browser.getPageSource()).contains("已丧失复核资格");

        // the re-review window: the official cannot open a re-review for the flagged title
        CultivationLifecycleIT.update(registry, tm, code, 2026);
        CultivationLifecycleIT.update(registry, tm, code, 2027);
        CultivationLifecycleIT.update(registry, tm, code, 2028);
        today(LocalDate.of(2029, 6, 10));
        logIn("official");
        browser.get(url("/titles?view=FLAGGED"));
        Browser.awaitElement(browser, By.cssSelector("tr[data-id='" + titleId + "'] a")).click();
        Browser.awaitElement(browser, By.id("flagged"));
        assertThat(browser.findElements(By.id("review-open"))).isEmpty();
        // the firm filed its data late with an explanation: the official clears the flag with a reason, then re-reviews
        var flagged = browser.findElement(By.id("flagged"));
        flagged.findElement(By.name("reason")).sendKeys("企业已补报 2026–2028 年度数据，经核实逾期系系统故障");
        flagged.findElement(By.cssSelector("button[value=clear]")).click();
        Browser.awaitElement(browser, By.id("review-open")).findElement(By.tagName("button")).click();
        Browser.awaitElement(browser, By.id("review-grade")).findElement(By.tagName("button")).click();
        var decide = Browser.awaitElement(browser, By.id("review-decide"));
        assertThat(browser.getPageSource()).contains("cn-2026");
        decide.findElement(By.name("reason")).sendKeys("复核评价通过");
        decide.findElement(By.cssSelector("button[value=pass]")).click();
        Browser.await(browser, d -> d.findElements(By.id("review-decide")).isEmpty());
        assertThat(jdbc.sql("select expires_on from enterprise_title where id = ?").param(titleId).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2032, 11, 23));
        assertThat(jdbc.sql("select snapshot from grade_record g join title_case c on c.review_run_id = g.run_id where c.title_id = ?")
                .param(titleId).query(String.class).single()).contains("\"application_type\":\"REVIEW\"");

        // the firm sees its title in force until 2032
        logIn(firmUser);
        browser.get(url("/cultivation/my"));
        assertThat(titleRowState(titleId)).isEqualTo("IN_FORCE");
        assertThat(browser.findElement(By.cssSelector("#titles tr[data-title='" + titleId + "']")).getText()).contains("2032-11-23");
        assertThat(browser.findElement(By.id("update-deadline")).getAttribute("data-filed")).isEqualTo("false");
        assertThat(browser.findElement(By.id("update-deadline")).getAttribute("data-deadline")).isEqualTo("2030-05-31");
    }
}
