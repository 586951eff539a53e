package vn.vanthu.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.vanthu.signing.SigningFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: the auditor validates a signed PDF and sees each signature's verdict, the history and the
 * audit trail's integrity; the administrator creates a user whose name carries Vietnamese diacritics and
 * script, which come back exactly and as text; a role that may not open a page is refused.
 */
class AuditorAndAdminPagesBrowserTest {
    @RegisterExtension
    static final Browser.Screenshots SCREENSHOTS = new Browser.Screenshots();
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
    void the_auditor_drops_a_signed_pdf_and_reads_each_verdict_then_the_history_and_the_trail() throws Exception {
        TestServer.Response signed = server.postMultipart("/api/v1/signatures", "official",
                SigningFixtures.form("PAdES", "B", "quyết-định.pdf", "application/pdf", SigningFixtures.pdf())
                        .field("keyId", "official1").field("pin", "123456"));
        assertEquals(200, signed.status(), signed.text());
        Path file = Files.createTempDirectory("validate").resolve("quyết-định.pdf");
        Files.write(file, signed.body());

        Browser.signIn(browser, server.base(), "auditor", passwords.get("auditor"));
        assertTrue(browser.getCurrentUrl().endsWith("/validate"), browser.getCurrentUrl());
        browser.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        Browser.submit(browser, browser.findElement(By.cssSelector("form[action='/validate'] button[type=submit]")));
        List<WebElement> verdicts = browser.findElements(By.cssSelector("[data-indication]"));
        assertEquals(1, verdicts.size(), browser.getPageSource());
        String indication = verdicts.get(0).getAttribute("data-indication");
        assertTrue(Set.of("TOTAL_PASSED", "TOTAL_FAILED", "INDETERMINATE").contains(indication), indication);
        WebElement badge = verdicts.get(0).findElement(By.cssSelector(".badge"));
        assertTrue(badge.getAttribute("class").contains(indication));
        assertTrue(verdicts.get(0).getText().contains("Nguyễn Hữu Thắng") || verdicts.get(0).getText().contains("official"),
                verdicts.get(0).getText());

        Browser.submit(browser, browser.findElement(By.linkText("Lịch sử kiểm tra")));
        List<WebElement> rows = browser.findElements(By.cssSelector("table tbody tr"));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().contains("quyết-định.pdf"), rows.get(0).getText());

        browser.get(server.base() + "/audit?verify=true");
        assertEquals("true", browser.findElement(By.id("integrity")).getAttribute("data-intact"));
        assertTrue(browser.findElement(By.cssSelector("table tbody")).getText().contains("VALIDATE"));
    }

    @Test
    void a_role_that_may_not_open_a_page_is_refused_with_a_message() {
        Browser.signIn(browser, server.base(), "auditor", passwords.get("auditor"));
        browser.get(server.base() + "/admin/users");
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("không được phép"),
                browser.getPageSource());
        assertTrue(browser.findElements(By.cssSelector("form[action='/admin/users']")).isEmpty());
    }

    @Test
    void the_administrator_creates_a_user_and_diacritics_and_script_come_back_as_typed_text() {
        Browser.signIn(browser, server.base(), "admin", passwords.get("admin"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin/users"), browser.getCurrentUrl());
        String name = "Nguyễn Thị Ánh Tuyết <script>alert(1)</script> \"><img src=x onerror=alert(2)>";
        Browser.fill(browser, "name", "tuyet.nta");
        Browser.fill(browser, "displayName", name);
        browser.findElement(By.cssSelector("input[name=roles][value=HANDLER]")).click();
        browser.findElement(By.id("firstPassword")).sendKeys("Mật khẩu đầu tiên của Tuyết");
        Browser.submit(browser, browser.findElement(By.cssSelector("form[action='/admin/users'] button[type=submit]")));

        WebElement row = browser.findElement(By.cssSelector("tr[data-user='tuyet.nta']"));
        assertEquals(name, row.findElements(By.tagName("td")).get(1).getText());
        assertTrue(browser.findElements(By.cssSelector("img")).isEmpty(), "no element was made of the typed text");
        assertTrue(browser.findElements(By.xpath("//script")).isEmpty(), "no script was made of the typed text");

        Browser.signIn(browser, server.base(), "tuyet.nta", "Mật khẩu đầu tiên của Tuyết");
        assertTrue(browser.getCurrentUrl().endsWith("/password"), "a first password must be changed first");
        Browser.fill(browser, "current", "Mật khẩu đầu tiên của Tuyết");
        Browser.fill(browser, "password", "Tuyết đã đổi mật khẩu");
        Browser.fill(browser, "confirm", "Tuyết đã đổi mật khẩu");
        Browser.submit(browser, browser.findElement(By.cssSelector("form[action='/password'] button[type=submit]")));
        assertTrue(browser.getCurrentUrl().endsWith("/handling"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector("header")).getText().contains("Nguyễn Thị Ánh Tuyết"));
    }

    @Test
    void at_a_phone_width_of_390_px_no_page_scrolls_sideways() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            Browser.signIn(browser, server.base(), "admin", passwords.get("admin"));
            for (String path : List.of("/admin/users", "/audit", "/registers/outgoing", "/registers/incoming", "/figures")) {
                Browser.assertFitsAPhone(browser, server.base(), path);
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
    }
}
