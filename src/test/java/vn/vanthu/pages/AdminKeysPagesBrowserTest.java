package vn.vanthu.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the administrator's keys page: the administrator registers an official's PKCS#12 key with
 * its PIN and sees it listed, a wrong PIN registers nothing; a handler cannot open the page.
 */
class AdminKeysPagesBrowserTest {
    @RegisterExtension
    static final Browser.Screenshots SCREENSHOTS = new Browser.Screenshots();
    private static final Path P12 = Path.of("keystore-samples/official2.p12").toAbsolutePath();
    private static TestServer server;
    private static WebDriver browser;
    private static Map<String, String> passwords;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        server = TestServer.start(Databases.Kind.H2);
        passwords = PageClient.demoPasswords(server);
    }

    @AfterAll
    static void stop() {
        Browser.stop(browser);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_administrator_registers_an_officials_key_and_a_wrong_pin_registers_nothing() {
        Browser.signIn(browser, server.base(), "admin", passwords.get("admin"));
        Browser.submit(browser, browser.findElement(By.linkText("Khóa ký số")));
        assertTrue(browser.findElements(By.cssSelector("#keys tr[data-key='seal']")).size() == 1, browser.getPageSource());
        String officialId = server.get("/api/v1/users/me", "official").json().path("id").asText();

        fillKeyForm("khoa-sai-pin", officialId, "000000");
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).isDisplayed(), browser.getPageSource());
        browser.get(server.base() + "/admin/keys");
        assertTrue(browser.findElements(By.cssSelector("#keys tr[data-key='khoa-sai-pin']")).isEmpty());

        fillKeyForm("khoa-trang", officialId, DispatchFixtures.PIN);
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("khoa-trang"), browser.getPageSource());
        WebElement row = browser.findElement(By.cssSelector("#keys tr[data-key='khoa-trang']"));
        assertTrue(row.getText().contains(officialId) && row.getText().contains("ACTIVE"), row.getText());
        assertTrue(server.get("/api/v1/keys", "official").text().contains("khoa-trang"), "the official may now use it");
    }

    @Test
    void a_handler_cannot_open_the_keys_page() {
        Browser.signIn(browser, server.base(), "handler", passwords.get("handler"));
        assertTrue(browser.findElements(By.linkText("Khóa ký số")).isEmpty(), "no link to it");
        browser.get(server.base() + "/admin/keys");
        WebElement alert = browser.findElement(By.cssSelector("[role=alert]"));
        assertTrue(alert.getText().contains("không được phép"), browser.getPageSource());
        assertTrue(browser.findElements(By.id("register-key")).isEmpty());
        assertTrue(browser.findElements(By.id("keys")).isEmpty());
        PageClient handler = new PageClient(server);
        handler.signIn("handler", passwords.get("handler"));
        assertEquals(403, handler.get("/admin/keys").status());
    }

    private static void fillKeyForm(String id, String owner, String pin) {
        browser.findElement(By.id("k-file")).sendKeys(P12.toString());
        new Select(browser.findElement(By.id("k-owner"))).selectByValue(owner);
        Browser.fill(browser, "id", id);
        Browser.fill(browser, "pin", pin);
        Browser.submit(browser, browser.findElement(By.cssSelector("#register-key button[type=submit]")));
    }
}
