package cn.srdi.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The platform in a real (headless) browser: log in, land, switch language, use htmx pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlatformBrowserIT {

    @RegisterExtension
    static final Browser SCREENSHOTS = Browser.screenshotsOnFailure();

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        Browser.stop();
    }

    @BeforeEach
    void freshSession() {
        browser.get(url("/login?lang=zh"));
        browser.manage().deleteAllCookies();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void logIn(String user) {
        browser.get(url("/login"));
        Browser.awaitElement(browser, By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("srdi2026");
        browser.findElement(By.id("login-submit")).click();
        Browser.await(browser, d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheLoginPageWithAMessageInChinese() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("official");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("login-submit")).click();
        WebElement alert = Browser.awaitElement(browser, By.cssSelector(".alert.error"));
        assertThat(alert.getText()).isEqualTo("用户名或密码错误");
        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
    }

    @Test
    void theOfficialLogsInLandsOnTheDashboardAndSwitchesToEnglish() {
        logIn("official");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        assertThat(browser.findElement(By.cssSelector(".userbox .who")).getText()).contains("主管部门");
        browser.findElement(By.cssSelector(".userbox a.lang")).click();
        Browser.await(browser, d -> d.getCurrentUrl().contains("lang=en"));
        assertThat(browser.findElement(By.cssSelector(".userbox button.link")).getText()).isEqualTo("Log out");
        assertThat(browser.findElement(By.cssSelector(".userbox .who")).getText()).contains("Official");
        // the choice is remembered for the next page
        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector(".userbox button.link")).getText()).isEqualTo("Log out");
        browser.findElement(By.cssSelector(".userbox a.lang")).click();
        Browser.await(browser, d -> d.findElement(By.cssSelector(".userbox button.link")).getText().equals("退出"));
    }

    @Test
    void theOfficialSeesTheDashboardChartsAndFiltersThemByPark() {
        logIn("official");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("产业大脑");
        // ECharts (from the webjar) draws into every data-chart element
        Browser.await(browser, d -> !d.findElements(By.cssSelector("#chart-funnel canvas")).isEmpty());
        long region = number(browser, "kpi-firms");
        assertThat(region).isPositive();
        WebElement marker = browser.findElement(By.tagName("h1"));
        new Select(browser.findElement(By.id("filter-park"))).selectByValue("LIJIA");
        Browser.await(browser, d -> d.getCurrentUrl().contains("park=LIJIA"));
        Browser.await(browser, d -> number(d, "kpi-firms") >= 0 && number(d, "kpi-firms") < region);
        Browser.await(browser, d -> !d.findElements(By.cssSelector("#chart-funnel canvas")).isEmpty());
        assertThat(marker.isDisplayed()).as("htmx swapped the body, the page was not reloaded").isTrue();
    }

    @Test
    void theAdministratorFiltersTheAuditTrailWithoutReloadingThePage() {
        logIn("admin");
        browser.get(url("/audit?lang=en"));
        WebElement marker = browser.findElement(By.tagName("h1"));
        Browser.awaitElement(browser, By.id("audit-actor")).sendKeys("system");
        browser.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        Browser.await(browser, d -> d.getCurrentUrl().contains("actor=system"));
        Browser.await(browser, d -> !d.findElements(By.cssSelector("#audit-table tr.audit-event")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#audit-table > tbody > tr.audit-event > td:nth-child(3)")))
                .extracting(WebElement::getText).isNotEmpty().containsOnly("system");
        assertThat(marker.isDisplayed()).as("htmx swapped the results, the page was not reloaded").isTrue();
        browser.findElement(By.linkText("Users")).click();
        Browser.awaitElement(browser, By.id("users-table"));
        assertThat(browser.findElements(By.cssSelector("#users-table tbody tr"))).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void theLogoutEndsTheSession() {
        logIn("official");
        browser.findElement(By.cssSelector(".userbox button.link")).click();
        Browser.await(browser, d -> d.getCurrentUrl().contains("/login?logout"));
        browser.get(url("/"));
        Browser.await(browser, d -> d.getCurrentUrl().contains("/login"));
    }

    /** The number shown in the element with this id; -1 while it is not a number (being swapped). */
    static long number(WebDriver d, String id) {
        try {
            return Long.parseLong(d.findElement(By.id(id)).getText().replace(",", "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A firm of the demo region in a park, with a stored grade. */
    String aGradedFirm() {
        return jdbc.sql("select e.credit_code from enterprise e where e.park_id = 'LIJIA' and exists "
                        + "(select 1 from grade_record g where g.credit_code = e.credit_code) order by e.credit_code")
                .query(String.class).list().get(0);
    }

    @Test
    void theOfficialFindsAFirmInTheRegistryAndItsPageLoadsTheGrade() {
        logIn("official");
        String code = Browser.await(browser, d -> {
            try {
                return aGradedFirm();
            } catch (IndexOutOfBoundsException notYetGraded) {
                return null;
            }
        });
        String name = jdbc.sql("select name from enterprise where credit_code = ?").param(code).query(String.class).single();
        browser.get(url("/firms"));
        Browser.awaitElement(browser, By.id("q")).sendKeys(code);
        // htmx searches as one types and replaces the results
        Browser.await(browser, d -> d.getCurrentUrl().contains("q=" + code));
        WebElement link = Browser.await(browser, d -> d.findElements(By.cssSelector("#firm-results tbody a")).stream()
                .filter(a -> a.getText().equals(name)).findFirst().orElse(null));
        assertThat(browser.findElements(By.cssSelector("#firm-results tbody tr"))).hasSize(1);
        link.click();
        Browser.await(browser, d -> d.getCurrentUrl().endsWith("/firms/" + code));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("firm-card")).getText()).contains(code);
        // the grade fragment of the grading module arrives by htmx after the page
        WebElement grade = Browser.await(browser, d -> d.findElements(By.cssSelector("#firm-grade .kpi .v")).stream()
                .findFirst().orElse(null));
        assertThat(grade.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("firm-grade")).getText()).contains("评价日期");
    }

    @Test
    void anEnterpriseLandsOnItsOwnFirmAndCannotOpenAnotherOne() {
        String own = jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
        String other = jdbc.sql("select credit_code from enterprise where credit_code <> ? and park_id = 'LIJIA' "
                + "order by credit_code fetch first 1 rows only").param(own).query(String.class).single();
        logIn("firm");
        assertThat(browser.getCurrentUrl()).endsWith("/firms/" + own);
        Browser.awaitElement(browser, By.id("firm-card"));
        browser.get(url("/firms/" + other));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("404");
        assertThat(browser.getPageSource()).doesNotContain(jdbc.sql("select name from enterprise where credit_code = ?")
                .param(other).query(String.class).single());
    }

    @Test
    void theOfficialRunsThePolicySandboxUnderTheRulesOf2022AndSeesTheComparison() {
        logIn("official");
        browser.get(url("/sandbox"));
        Select rules = new Select(Browser.awaitElement(browser, By.name("rules")));
        String keysBefore = browser.findElement(By.cssSelector("#sandbox-keys h2")).getText();
        rules.selectByValue("cn-2022");
        // htmx replaces the threshold keys with those of the chosen rule set
        Browser.await(browser, d -> !d.findElement(By.cssSelector("#sandbox-keys h2")).getText().equals(keysBefore));
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        Browser.await(browser, d -> d.getCurrentUrl().matches(".*/sandbox/\\d+$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("沙盘结果");
        long firms = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        String shown = browser.findElement(By.cssSelector(".kpis .kpi .v")).getText();
        assertThat(Long.parseLong(shown)).isPositive().isLessThanOrEqualTo(firms);
        assertThat(browser.findElements(By.cssSelector("table.tiers tbody tr"))).isNotEmpty();
    }
}
