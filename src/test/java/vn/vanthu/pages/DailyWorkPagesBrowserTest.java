package vn.vanthu.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.signing.SigningFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the daily path of each role end to end: the official signs a draft, the clerk issues it
 * with the seal (a forged form without its CSRF token first, which changes nothing) and finds it in the
 * register; the clerk receives and registers an incoming document whose subject carries diacritics and
 * script; the official directs it; the handler marks progress and completes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyWorkPagesBrowserTest {
    @RegisterExtension
    static final Browser.Screenshots SCREENSHOTS = new Browser.Screenshots();
    private static final String SUBJECT = "V/v góp ý dự thảo Quy chế văn thư, lưu trữ năm 2027 <script>alert(1)</script> \"><img src=x onerror=alert(2)>";
    private static TestServer server;
    private static WebDriver browser;
    private static Map<String, String> passwords;
    private static String draftId;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        server = TestServer.start(Databases.Kind.H2);
        passwords = PageClient.demoPasswords(server);
        draftId = DispatchFixtures.create(server, "CV", DispatchPdf.draft("CV")).json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        Browser.stop(browser);
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void the_official_signs_the_draft_waiting_for_their_signature() {
        Browser.signIn(browser, server.base(), "official", passwords.get("official"));
        assertTrue(browser.getCurrentUrl().endsWith("/drafts"), browser.getCurrentUrl());
        WebElement row = browser.findElement(By.cssSelector("tr[data-dispatch='" + draftId + "']"));
        new Select(row.findElement(By.name("keyId"))).selectByValue("official1");
        row.findElement(By.name("pin")).sendKeys(DispatchFixtures.PIN);
        Browser.submit(browser, row.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Đã ký"), browser.getPageSource());
        assertTrue(browser.findElements(By.cssSelector("#drafts tr[data-dispatch='" + draftId + "']")).isEmpty());
        assertEquals(1, browser.findElements(By.cssSelector("#signed tr[data-dispatch='" + draftId + "']")).size(),
                "what I signed lists it");
        assertEquals("SIGNED", server.get("/api/v1/dispatches/" + draftId, "clerk").json().path("status").asText());
    }

    @Test
    @Order(2)
    void the_clerk_issues_it_with_the_seal_after_a_forged_form_changed_nothing() {
        Browser.signIn(browser, server.base(), "clerk", passwords.get("clerk"));
        assertTrue(browser.getCurrentUrl().endsWith("/dispatches?status=SIGNED"), browser.getCurrentUrl());
        WebElement row = browser.findElement(By.cssSelector("#dispatches tr[data-dispatch='" + draftId + "']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].querySelector('input[name=_csrf]').remove()", row);
        new Select(row.findElement(By.name("keyId"))).selectByValue("seal");
        row.findElement(By.name("pin")).sendKeys(DispatchFixtures.PIN);
        Browser.submit(browser, row.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("mã bảo vệ"), browser.getPageSource());
        assertEquals("SIGNED", server.get("/api/v1/dispatches/" + draftId, "clerk").json().path("status").asText());

        browser.get(server.base() + "/dispatches?status=SIGNED");
        row = browser.findElement(By.cssSelector("#dispatches tr[data-dispatch='" + draftId + "']"));
        new Select(row.findElement(By.name("keyId"))).selectByValue("seal");
        row.findElement(By.name("pin")).sendKeys(DispatchFixtures.PIN);
        Browser.submit(browser, row.findElement(By.cssSelector("button[type=submit]")));
        String notice = browser.findElement(By.cssSelector("[role=status]")).getText();
        String number = server.get("/api/v1/dispatches/" + draftId, "clerk").json().path("number").asText();
        assertTrue(!number.isEmpty() && notice.contains(number), notice + " / " + number);

        Browser.submit(browser, browser.findElement(By.linkText("Sổ văn bản đi")));
        assertTrue(browser.findElement(By.id("register")).getText().contains(number));
        PageClient clerk = new PageClient(server);
        clerk.signIn("clerk", passwords.get("clerk"));
        TestServer.Response pdf = clerk.get("/registers/outgoing?format=pdf");
        assertEquals("application/pdf", pdf.header("Content-Type"));
        assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
    }

    @Test
    @Order(3)
    void the_clerk_receives_and_registers_an_incoming_document_whose_subject_comes_back_as_typed() throws Exception {
        TestServer.Response signed = server.postMultipart("/api/v1/signatures", "official",
                SigningFixtures.form("PAdES", "B", "cv.pdf", "application/pdf", SigningFixtures.pdf())
                        .field("keyId", "official1").field("pin", DispatchFixtures.PIN));
        Path file = Files.createTempDirectory("incoming").resolve("công-văn-đến.pdf");
        Files.write(file, signed.body());
        Browser.signIn(browser, server.base(), "clerk", passwords.get("clerk"));
        browser.get(server.base() + "/incoming/new");
        browser.findElement(By.name("file")).sendKeys(file.toString());
        Browser.fill(browser, "sendingOrgan", "Sở Nội vụ tỉnh Thừa Thiên Huế");
        Browser.fill(browser, "numberSymbol", "125/SNV-VTLT");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('documentDate').value = '2026-12-01'");
        Browser.fill(browser, "documentType", "Công văn");
        Browser.fill(browser, "subject", SUBJECT);
        Browser.submit(browser, browser.findElement(By.cssSelector("form[action='/incoming'] button[type=submit]")));

        WebElement row = browser.findElement(By.cssSelector("#incoming tbody tr"));
        assertEquals(SUBJECT, row.findElement(By.cssSelector(".subject")).getText());
        assertTrue(browser.findElements(By.cssSelector("main img, main script")).isEmpty());
        assertTrue(row.findElement(By.cssSelector("[data-indication]")).getAttribute("class").contains("badge"));
        Browser.submit(browser, browser.findElement(By.linkText("Sổ văn bản đến")));
        assertTrue(browser.findElement(By.id("register")).getText().contains("125/SNV-VTLT"));
    }

    @Test
    @Order(4)
    void the_official_directs_it_and_the_handler_marks_progress_and_completes_it() {
        Browser.signIn(browser, server.base(), "official", passwords.get("official"));
        Browser.submit(browser, browser.findElement(By.linkText("Văn bản đến chờ cho ý kiến")));
        WebElement row = browser.findElement(By.cssSelector("#incoming tbody tr"));
        new Select(row.findElement(By.name("leadUserId"))).selectByVisibleText("Đỗ Văn Hùng");
        row.findElement(By.name("comment")).sendKeys("Đề nghị đồng chí Hùng nghiên cứu, tham mưu trả lời.");
        Browser.submit(browser, row.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Đã giao"), browser.getPageSource());

        Browser.signIn(browser, server.base(), "handler", passwords.get("handler"));
        assertTrue(browser.getCurrentUrl().endsWith("/handling"), browser.getCurrentUrl());
        row = browser.findElement(By.cssSelector("#handling tbody tr"));
        row.findElement(By.name("note")).sendKeys("Đang dự thảo văn bản trả lời");
        Browser.submit(browser, row.findElement(By.cssSelector("form[action$='/progress'] button")));
        row = browser.findElement(By.cssSelector("#handling tbody tr"));
        assertEquals("IN_PROGRESS", row.getAttribute("data-status"));
        new Select(row.findElement(By.name("result"))).selectByValue("FILED");
        row.findElement(By.cssSelector("form[action$='/complete'] input[name=note]")).sendKeys("Lưu hồ sơ công việc");
        Browser.submit(browser, row.findElement(By.cssSelector("form[action$='/complete'] button")));
        assertEquals("DONE", browser.findElement(By.cssSelector("#handling tbody tr")).getAttribute("data-status"));
    }
}
