package vn.vanthu.pages;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A headless Chromium from the Debian packages ({@code chromium}, {@code chromium-driver}), driven by Selenium
 * with the driver path given explicitly (nothing is downloaded). Without them the browser tests are skipped
 * with a message saying what to install, except under {@code CI=true}, where they fail. A failed test leaves a
 * screenshot and the page's HTML under {@code target/selenium/}.
 *
 * <pre>{@code @RegisterExtension static final Browser.Screenshots SHOTS = new Browser.Screenshots();
 * WebDriver b = Browser.start(); Browser.signIn(b, base, "clerk", password);}</pre>
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target/selenium");
    private static WebDriver current;

    private Browser() {}

    static WebDriver start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "The browser tests need Chromium and chromedriver (apt-get install chromium chromium-driver): "
                + CHROMIUM + " or " + CHROMEDRIVER + " is missing";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: the browser tests must run)");
        }
        if (!present) {
            System.err.println("SKIPPED: " + message);
        }
        Assumptions.assumeTrue(present, message);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        current = driver;
        return driver;
    }

    static void stop(WebDriver b) {
        if (b != null) {
            b.quit();
        }
        current = null;
    }

    /** Signs in through the start page's form and answers the page it lands on. */
    static void signIn(WebDriver b, String base, String user, String password) {
        b.manage().deleteAllCookies();
        b.get(base + "/");
        b.findElement(By.name("username")).sendKeys(user);
        b.findElement(By.name("password")).sendKeys(password);
        submit(b, b.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")));
    }

    /** Clicks a submit button and waits until the answer's page has replaced the form's. */
    static void submit(WebDriver b, WebElement button) {
        button.click();
        // Chromium may answer "does not belong to the document" instead of a stale element while the page changes.
        new WebDriverWait(b, Duration.ofSeconds(120)).until(d -> {
            try {
                return ExpectedConditions.stalenessOf(button).apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                return String.valueOf(e.getMessage()).contains("does not belong to the document");
            }
        });
    }

    static void fill(WebDriver b, String name, String value) {
        WebElement e = b.findElement(By.name(name));
        e.clear();
        e.sendKeys(value);
    }

    /** Opens {@code path} in a phone's window and fails when the page scrolls sideways. */
    static void assertFitsAPhone(WebDriver b, String base, String path) {
        b.get(base + path);
        long inner = (Long) ((org.openqa.selenium.JavascriptExecutor) b).executeScript("return window.innerWidth");
        long wide = (Long) ((org.openqa.selenium.JavascriptExecutor) b).executeScript("return document.documentElement.scrollWidth");
        Assertions.assertTrue(inner <= 400, "the window is a phone's: " + inner);
        Assertions.assertTrue(wide <= inner, path + " is " + wide + " px wide in a " + inner + " px window");
    }

    /** The natural width of a picture once the browser has loaded it (scrolled into view; waits up to a minute). */
    static int loadedWidth(WebDriver b, WebElement img) {
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView()", img);
        Object width = new WebDriverWait(b, Duration.ofSeconds(60)).until(d -> ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0 ? arguments[0].naturalWidth : null", img));
        return ((Number) width).intValue();
    }

    /** Saves a screenshot and the page of the browser of a test that failed. */
    static final class Screenshots implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (!(current instanceof TakesScreenshot shooter)) {
                return;
            }
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9_-]", "");
            try {
                Files.createDirectories(ARTIFACTS);
                File shot = shooter.getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), ARTIFACTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(ARTIFACTS.resolve(name + ".html"), current.getPageSource());
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not save the screenshot of " + name + ": " + e);
            }
        }
    }
}
