package vn.vanthu.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.digitization.Scans;
import vn.vanthu.support.Databases;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;

import javax.imageio.ImageIO;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the administrator's keys page: the administrator registers an official's PKCS#12 key with
 * its PIN and sees it listed, a wrong PIN registers nothing; a handler cannot open the page. The clerk's
 * digitization: a scan uploaded with what the paper says, the job's progress on a page that reloads itself until
 * it is done, a suggestion read from page 1 accepted, the searchable PDF downloaded. Bad input on these forms,
 * and on the dossier forms, is refused with a reason and changes nothing.
 */
class KeysAndDigitizationPagesBrowserTest {
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
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            DossierPagesBrowserTest.assertFitsThePhone(browser, server.base() + "/admin/keys");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }
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

    @Test
    void the_clerk_digitizes_a_scan_watches_its_progress_accepts_a_suggestion_and_downloads_the_result() throws Exception {
        Path scan = scanOfTheSample();
        Browser.signIn(browser, server.base(), "clerk", passwords.get("clerk"));
        Browser.submit(browser, browser.findElement(By.linkText("Số hóa văn bản giấy")));
        browser.findElement(By.id("scan")).sendKeys(scan.toString());
        Browser.fill(browser, "paperPages", "1");
        Browser.fill(browser, "documentType", "Công văn");
        Browser.fill(browser, "subject", "Về việc đôn đốc cải cách hành chính năm 2023");
        Browser.submit(browser, browser.findElement(By.cssSelector("#digitize button[type=submit]")));

        String first = browser.findElement(By.id("job")).getAttribute("data-state");
        assertTrue(first.equals("QUEUED") || first.equals("RUNNING"), first);
        assertEquals(1, browser.findElements(By.cssSelector("progress#progress")).size());
        assertEquals(1, browser.findElements(By.cssSelector("meta[http-equiv=refresh]")).size(), "it reloads while the job runs");
        assertTrue(browser.findElements(By.id("result")).isEmpty(), "no result before the job is done");
        // The page reloads itself meanwhile: a read may meet the old document going away, so such errors are retried.
        new WebDriverWait(browser, Duration.ofSeconds(300)).ignoring(WebDriverException.class)
                .until(b -> !List.of("QUEUED", "RUNNING").contains(((JavascriptExecutor) b).executeScript(
                        "var e = document.getElementById('job'); return e ? e.getAttribute('data-state') : 'RUNNING'")));
        assertEquals("DONE", browser.findElement(By.id("job")).getAttribute("data-state"), browser.getPageSource());
        assertTrue(browser.findElements(By.cssSelector("meta[http-equiv=refresh]")).isEmpty(), "a finished job stops reloading");
        assertEquals("1", browser.findElement(By.id("progress")).getAttribute("value"));

        assertEquals("", browser.findElement(By.id("m-issuingOrgan")).getText());
        browser.findElement(By.cssSelector("#suggestions input[value=issuingOrgan]")).click();
        Browser.submit(browser, browser.findElement(By.cssSelector("#suggestions button[type=submit]")));
        assertEquals("SỞ KHOA HỌC VÀ CÔNG NGHỆ", browser.findElement(By.id("m-issuingOrgan")).getText(), browser.getPageSource());

        String href = browser.findElement(By.id("result")).getAttribute("href");
        PageClient same = PageClient.withCookie(server, browser.manage().getCookieNamed("vanthu_session").getValue());
        TestServer.Response pdf = same.get(href.substring(server.base().length()));
        assertEquals("application/pdf", pdf.header("Content-Type"));
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        Path out = Files.createTempFile("digitized", ".pdf");
        Files.write(out, pdf.body());
        OutsideTools.Result text = OutsideTools.run(out.getParent(), "pdftotext", out.toString(), "-");
        assertTrue(text.toString().contains("KHOA HỌC"), "the result is searchable: " + text);
    }

    /** Page 1 of the sample dispatch as a 300 dpi scan (a PNG that says its resolution). */
    private static Path scanOfTheSample() throws Exception {
        Path dir = Files.createTempDirectory("vanthu-scan");
        OutsideTools.Result r = OutsideTools.run(dir, "pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", "-singlefile",
                Path.of("scripts/samples/cong-van-don-doc-cchc-2023.pdf").toAbsolutePath().toString(), "page");
        assertEquals(0, r.exitCode(), r.toString());
        Path scan = dir.resolve("trang-1.png");
        Files.write(scan, Scans.png(ImageIO.read(dir.resolve("page.png").toFile()), 300));
        return scan;
    }

    private static void fillKeyForm(String id, String owner, String pin) {
        browser.findElement(By.id("k-file")).sendKeys(P12.toString());
        new Select(browser.findElement(By.id("k-owner"))).selectByValue(owner);
        Browser.fill(browser, "id", id);
        Browser.fill(browser, "pin", pin);
        Browser.submit(browser, browser.findElement(By.cssSelector("#register-key button[type=submit]")));
    }

    @Test
    void bad_input_on_the_new_forms_is_refused_with_a_reason_and_changes_nothing() {
        PageClient clerk = new PageClient(server);
        clerk.signIn("clerk", passwords.get("clerk"));
        clerk.get("/dossiers");
        assertRefused(400, "FIELD_TOO_LONG", clerk.post("/dossiers", Map.of("catalogueSymbol", "X".repeat(51), "year", "2026"), true));
        assertRefused(422, "NOT_IN_CATALOGUE", clerk.post("/dossiers", Map.of("catalogueSymbol", "01.TCCB", "year", "2026"), true));
        assertRefused(400, "INVALID_YEAR", clerk.post("/dossiers", Map.of("catalogueSymbol", "01.TCCB", "year", "hai"), true));
        assertEquals(0, server.get("/api/v1/dossiers", "clerk").json().path("items").size(), "no dossier was opened");
        clerk.get("/digitizations/new");
        assertRefused(400, "INVALID_PAPER_PAGES", clerk.postMultipart("/digitizations", new vn.vanthu.support.Multipart()
                .field("_csrf", clerk.csrf()).file("scan", "a.png", "image/png", new byte[] {1, 2, 3}).field("paperPages", "một")));

        String dossierId = server.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "09.VT", "title", "Hồ sơ của văn thư", "retention", "10Y"))
                .json().path("id").asText();
        PageClient official = new PageClient(server);
        official.signIn("official", passwords.get("official"));
        official.get("/dossiers/" + dossierId);
        assertRefused(403, "NOT_RESPONSIBLE", official.postMultipart("/dossiers/" + dossierId + "/documents",
                new vn.vanthu.support.Multipart().field("_csrf", official.csrf()).field("dispatchId", "khong-co")));

        PageClient admin = new PageClient(server);
        admin.signIn("admin", passwords.get("admin"));
        admin.get("/admin/keys");
        TestServer.Response notP12 = admin.postMultipart("/admin/keys", new vn.vanthu.support.Multipart()
                .field("_csrf", admin.csrf()).file("file", "k.p12", "application/x-pkcs12", "không phải PKCS#12".getBytes(StandardCharsets.UTF_8))
                .field("owner", "AGENCY_SEAL").field("id", "rac").field("pin", "123456"));
        assertTrue(notP12.status() >= 400 && notP12.status() < 500, notP12.status() + " " + notP12.text());
        assertTrue(!admin.get("/admin/keys").text().contains("data-key=\"rac\""), "nothing registered");
    }

    private static void assertRefused(int status, String code, TestServer.Response r) {
        assertEquals(status, r.status(), r.text());
        assertTrue(r.text().contains("data-code=\"" + code + "\""), r.text());
    }
}
