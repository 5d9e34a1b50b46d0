package cn.srdi.app.platform;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests (ADR 0008): the driver binary is given explicitly,
 * so Selenium Manager never runs and nothing is downloaded. Without Chromium the test class is
 * skipped with a message. As a JUnit extension it saves a screenshot and the page source of a
 * failing test into {@code target/browser-failures/}.
 */
public final class Browser implements TestExecutionExceptionHandler {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);

    private static WebDriver current;

    private Browser() {
    }

    /** For {@code @RegisterExtension}. */
    public static Browser screenshotsOnFailure() {
        return new Browser();
    }

    /** Starts Chromium, or skips the calling test class when it is not installed. */
    public static WebDriver start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
        Path profile = Files.createTempDirectory("srdi-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        current = new ChromeDriver(service, options);
        current.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return current;
    }

    public static void stop() {
        if (current != null) {
            current.quit();
            current = null;
        }
    }

    /** Waits until the condition holds (a non-null, non-false value) and returns it; stale elements are retried. */
    public static <T> T await(WebDriver driver, Function<WebDriver, T> condition) {
        // htmx swaps replace elements while a condition reads them: retry on a stale element
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    public static WebElement awaitElement(WebDriver driver, By by) {
        return await(driver, d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable error) throws Throwable {
        if (current != null) {
            try {
                Path dir = Path.of("target", "browser-failures");
                Files.createDirectories(dir);
                String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
                File shot = ((TakesScreenshot) current).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(dir.resolve(name + ".html"), current.getCurrentUrl() + "\n" + current.getPageSource(),
                        StandardCharsets.UTF_8);
                System.err.println("browser test failed at " + current.getCurrentUrl() + "; screenshot "
                        + dir.resolve(name + ".png").toAbsolutePath());
            } catch (RuntimeException | IOException e) {
                error.addSuppressed(e);
            }
        }
        throw error;
    }
}
