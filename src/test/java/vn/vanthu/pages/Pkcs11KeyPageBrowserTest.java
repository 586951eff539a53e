package vn.vanthu.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.vanthu.keys.SoftHsm;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.signing.SigningFixtures.assertAllPassed;
import static vn.vanthu.signing.SigningFixtures.form;
import static vn.vanthu.signing.SigningFixtures.pdf;
import static vn.vanthu.signing.SigningFixtures.validate;

/**
 * In a real browser, the administrator registers an official's key on a PKCS#11 token (a fresh SoftHSM2 token)
 * from the keys page: a library outside the setting, an unknown token label and a wrong PIN are each refused
 * with a reason above what was typed (never the PIN) and register nothing; the right PIN registers it, listed,
 * and the official signs with it through the API; then the administrator deletes it once the box is ticked.
 */
class Pkcs11KeyPageBrowserTest {
    @RegisterExtension
    static final Browser.Screenshots SCREENSHOTS = new Browser.Screenshots();
    private static final String WRONG_PIN = "pin-sai-7531";
    private static SoftHsm.Token token;
    private static TestServer server;
    private static WebDriver browser;
    private static Map<String, String> passwords;

    @BeforeAll
    static void start() {
        token = SoftHsm.token();
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
    void the_administrator_registers_a_token_key_the_official_signs_with_it_and_the_administrator_deletes_it() {
        String officialId = server.get("/api/v1/users/me", "official").json().path("id").asText();
        Browser.signIn(browser, server.base(), "admin", passwords.get("admin"));
        Browser.submit(browser, browser.findElement(By.linkText("Khóa ký số")));

        register(officialId, "/lib/x86_64-linux-gnu/libc.so.6", token.label(), SoftHsm.PIN);
        assertRefused("PKCS11_LIBRARY_NOT_ALLOWED", "pkcs11.libraries");
        assertEquals("/lib/x86_64-linux-gnu/libc.so.6", value("p-library"), "what was typed is kept");
        assertEquals(officialId, new Select(browser.findElement(By.id("p-owner"))).getFirstSelectedOption().getAttribute("value"));

        register(officialId, token.library(), "khong-co-the-nay", SoftHsm.PIN);
        assertRefused("TOKEN_NOT_FOUND", "nhãn");

        register(officialId, token.library(), token.label(), WRONG_PIN);
        assertRefused("WRONG_PIN", "PIN");
        assertEquals(token.label(), value("p-label"));
        assertEquals("", value("p-pin"), "the PIN is not written back");
        assertFalse(browser.getPageSource().contains(WRONG_PIN), "the PIN is nowhere on the page");
        assertTrue(browser.findElements(By.cssSelector("#keys tr[data-key='hsm-trang']")).isEmpty(), "nothing registered");

        register(officialId, token.library(), token.label(), SoftHsm.PIN);
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("hsm-trang"), browser.getPageSource());
        WebElement row = browser.findElement(By.cssSelector("#keys tr[data-key='hsm-trang']"));
        assertTrue(row.getText().contains("PKCS11") && row.getText().contains("ACTIVE") && row.getText().contains("Nguyễn Hữu Thắng"),
                row.getText());

        TestServer.Response signed = server.postMultipart("/api/v1/signatures", "official",
                form("PAdES", "LT", "cv.pdf", "application/pdf", pdf()).field("keyId", "hsm-trang").field("pin", SoftHsm.PIN));
        assertEquals(200, signed.status(), signed.text());
        assertAllPassed(validate(signed.body(), List.of(), false), "PAdES-BASELINE-LT");

        WebElement delete = browser.findElement(By.cssSelector("#keys tr[data-key='hsm-trang'] form.delete-key"));
        delete.findElement(By.name("confirm")).click();
        Browser.submit(browser, delete.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("hsm-trang"), browser.getPageSource());
        assertTrue(browser.findElements(By.cssSelector("#keys tr[data-key='hsm-trang']")).isEmpty());
        assertFalse(server.get("/api/v1/keys", "admin").text().contains("hsm-trang"), "the API no longer lists it");
    }

    @Test
    void a_deletion_without_the_box_ticked_or_by_a_clerk_deletes_nothing() {
        PageClient admin = new PageClient(server);
        admin.signIn("admin", passwords.get("admin"));
        admin.get("/admin/keys");
        TestServer.Response unconfirmed = admin.post("/admin/keys/seal/delete", Map.of(), true);
        assertEquals(400, unconfirmed.status(), unconfirmed.text());
        assertTrue(unconfirmed.text().contains("data-code=\"FIELD_REQUIRED\""), unconfirmed.text());
        PageClient clerk = new PageClient(server);
        clerk.signIn("clerk", passwords.get("clerk"));
        clerk.get("/dispatches");
        assertEquals(403, clerk.post("/admin/keys/seal/delete", Map.of("confirm", "yes"), true).status());
        assertTrue(server.get("/api/v1/keys", "admin").text().contains("\"seal\""), "the seal key is still registered");
    }

    /** Fills the PKCS#11 form (by the token's label, the key's label on it) and sends it. */
    private static void register(String owner, String library, String label, String pin) {
        new Select(browser.findElement(By.id("p-owner"))).selectByValue(owner);
        type("p-id", "hsm-trang");
        type("p-library", library);
        type("p-label", label);
        type("p-alias", token.alias());
        type("p-pin", pin);
        Browser.submit(browser, browser.findElement(By.cssSelector("#register-pkcs11 button[type=submit]")));
    }

    private static void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private static void assertRefused(String code, String words) {
        WebElement alert = browser.findElement(By.cssSelector("[role=alert]"));
        assertEquals(code, alert.getAttribute("data-code"), browser.getPageSource());
        assertTrue(alert.getText().contains(words), alert.getText());
    }
}
