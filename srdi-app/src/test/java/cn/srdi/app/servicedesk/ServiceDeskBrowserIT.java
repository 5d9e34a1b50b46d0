package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.app.platform.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The enterprise code service on a phone (390 × 844): scan the firm's code → log in → raise a
 * request (category suggested from the text) → the department accepts → the clock moves past the
 * "near" instant and the sweep escalates → the department resolves → the firm confirms and rates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MovableClock.Config.class)
class ServiceDeskBrowserIT {

    @RegisterExtension
    static final Browser SCREENSHOTS = Browser.screenshotsOnFailure();

    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FirmCodes codes;
    @Autowired
    ServiceDesk desk;
    @Autowired
    MovableClock clock;
    @Autowired
    IntakeLimiter limiter;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    static void stopBrowser() {
        Browser.stop();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void logInOnTheLoginPage(String user) {
        Browser.awaitElement(browser, By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("srdi2026");
        browser.findElement(By.id("login-submit")).click();
        Browser.await(browser, d -> !d.getCurrentUrl().contains("/login"));
    }

    void switchUser(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        logInOnTheLoginPage(user);
    }

    void shot(String name) throws Exception {
        Path dir = Path.of("target", "browser-shots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    String status() {
        return Browser.awaitElement(browser, By.id("status")).getAttribute("data-status");
    }

    @Test
    void scanLogInRaiseHandleEscalateResolveAndRateOnAPhone() throws Exception {
        clock.set(LocalDateTime.of(2026, 11, 23, 10, 0));
        limiter.reset();
        String own = jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
        String name = jdbc.sql("select name from enterprise where credit_code = ?").param(own).query(String.class).single();

        // scan: the public card, then log in and come back to the firm's services
        browser.manage().deleteAllCookies();
        browser.get(url("/c/" + codes.token(own)));
        assertThat(Browser.awaitElement(browser, By.id("firm-name")).getText()).isEqualTo(name);
        shot("1-card");
        browser.findElement(By.id("firm-login")).click();
        logInOnTheLoginPage("firm");
        assertThat(browser.getCurrentUrl()).endsWith("/m");
        assertThat(browser.findElement(By.id("policies-none")).getText()).contains("尚未上线");

        // raise a request: the category is suggested from the text
        browser.findElement(By.id("raise")).click();
        Browser.awaitElement(browser, By.id("body")).sendKeys("新建生产线需要办理环评审批和排污许可，请协调加快");
        String suggested = Browser.await(browser, d -> d.findElements(By.id("suggested")).isEmpty() ? null
                : d.findElement(By.id("suggested")).getAttribute("data-category"));
        assertThat(suggested).isEqualTo("PERMITS");
        shot("2-raise");
        browser.findElement(By.id("submit-request")).click();
        Browser.awaitElement(browser, By.id("created"));
        assertThat(status()).isEqualTo("SUBMITTED");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/requests/(\\d+).*", "$1"));
        assertThat(browser.findElement(By.id("department")).getAttribute("data-department")).isEqualTo("LIJIA_DESK");
        shot("3-submitted");

        // the park's service desk accepts it
        switchUser("lijia-handler");
        browser.get(url("/servicedesk/requests/" + id));
        Browser.awaitElement(browser, By.id("do-accept")).click();
        Browser.await(browser, d -> "ACCEPTED".equals(d.findElement(By.id("status")).getAttribute("data-status")));

        // the first reply is near its deadline: the sweep alerts the supervisor
        ServiceRequest accepted = desk.storeFind(id);
        clock.set(accepted.nearAt().plusMinutes(5));
        assertThat(desk.sweep()).isPositive();
        browser.navigate().refresh();
        assertThat(Browser.awaitElement(browser, By.id("sla-state")).getAttribute("data-state")).isEqualTo("NEAR");
        assertThat(browser.findElement(By.id("escalation")).getAttribute("data-level")).isEqualTo("1");
        shot("4-escalated");
        assertThat(jdbc.sql("select count(*) from notification where recipient = 'lijia-chief' and kind = 'SD_ESCALATION1' "
                + "and subject_ref = ?").param("sd-request:" + id).query(Long.class).single()).isEqualTo(1);

        // it resolves the request
        browser.findElement(By.cssSelector("form[data-action=RESOLVE] textarea[name=note]")).sendKeys("已协调行政审批局，环评已受理");
        browser.findElement(By.id("do-resolve")).click();
        Browser.await(browser, d -> "RESOLVED".equals(d.findElement(By.id("status")).getAttribute("data-status")));

        // the firm confirms and rates it
        switchUser("firm");
        browser.get(url("/m/requests/" + id));
        new Select(Browser.awaitElement(browser, By.cssSelector("form[data-action=CONFIRM] select[name=rating]"))).selectByValue("5");
        browser.findElement(By.cssSelector("form[data-action=CONFIRM] input[name=comment]")).sendKeys("办理及时，非常满意");
        browser.findElement(By.id("do-confirm")).click();
        Browser.await(browser, d -> "CLOSED".equals(d.findElement(By.id("status")).getAttribute("data-status")));
        assertThat(browser.findElement(By.id("rating")).getText()).isEqualTo("★★★★★");
        shot("5-rated");
        // nothing on the phone page is wider than the screen
        Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
    }
}
