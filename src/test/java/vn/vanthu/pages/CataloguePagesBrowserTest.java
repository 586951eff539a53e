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
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the year's dossier catalogue on its page: the clerk adds a row whose title keeps its
 * diacritics and sees it listed, a retention that is no retention is refused on the page and nothing changes;
 * the head of the agency approves it with their own key and PIN and the page says it is approved, with the
 * version and its signed print; a handler sees no edit form and cannot send one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CataloguePagesBrowserTest {
    @RegisterExtension
    static final Browser.Screenshots SCREENSHOTS = new Browser.Screenshots();
    private static final int YEAR = 2027;
    private static final String TITLE = "Hồ sơ về công tác văn thư, lưu trữ năm 2027";
    private static TestServer server;
    private static WebDriver browser;
    private static Map<String, String> passwords;
    private static String clerkId;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        server = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_AGENCY_HEADS", "official"), TestClock.at("2027-01-06T09:00"));
        passwords = PageClient.demoPasswords(server);
        clerkId = server.get("/api/v1/users/me", "clerk").json().path("id").asText();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", "01.TCCB");
        row.put("title", "Hồ sơ bổ nhiệm cán bộ năm 2027");
        row.put("retention", "PERMANENT");
        row.put("responsibleUserId", clerkId);
        String body = TestServer.JSON.writeValueAsString(Map.of("headings", List.of(
                Map.of("numeral", "I", "title", "Tổ chức, cán bộ", "rows", List.of(row)))));
        TestServer.Response put = server.send(server.request("/api/v1/catalogues/" + YEAR, "clerk")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, put.status(), put.text());
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
    void the_clerk_adds_a_row_and_an_invalid_retention_is_refused_on_the_page() {
        Browser.signIn(browser, server.base(), "clerk", passwords.get("clerk"));
        browser.get(server.base() + "/catalogue?year=" + YEAR);
        assertEquals("false", browser.findElement(By.id("approval")).getAttribute("data-approved"));
        assertTrue(browser.findElement(By.id("approvers")).getText().contains("official"), browser.getPageSource());
        Browser.fill(browser, "numeral.1", "II");
        Browser.fill(browser, "heading.1", "Văn thư, lưu trữ");
        Browser.fill(browser, "symbol.1", "02.VTLT");
        Browser.fill(browser, "title.1", TITLE);
        Browser.fill(browser, "retention.1", "10Y");
        new Select(browser.findElement(By.name("responsibleUserId.1"))).selectByValue(clerkId);
        Browser.submit(browser, browser.findElement(By.cssSelector("#edit button[type=submit]")));
        assertEquals("Đã lưu danh mục hồ sơ.", browser.findElement(By.cssSelector("[role=status]")).getText());
        WebElement added = browser.findElement(By.cssSelector("#catalogue tr[data-symbol='02.VTLT']"));
        assertTrue(added.getText().contains(TITLE) && added.getText().contains("10Y"), added.getText());
        assertTrue(browser.findElement(By.id("catalogue")).getText().contains("II. Văn thư, lưu trữ"));

        Browser.fill(browser, "retention.1", "mãi mãi");
        Browser.submit(browser, browser.findElement(By.cssSelector("#edit button[type=submit]")));
        WebElement alert = browser.findElement(By.cssSelector("[role=alert]"));
        assertEquals("INVALID_RETENTION", alert.getAttribute("data-code"));
        assertTrue(alert.getText().contains("PERMANENT") && alert.getText().contains("mãi mãi"), alert.getText());
        assertEquals("mãi mãi", browser.findElement(By.name("retention.1")).getAttribute("value"), "what was typed stays");
        assertTrue(browser.findElement(By.cssSelector("#catalogue tr[data-symbol='02.VTLT']")).getText().contains("10Y"),
                "the catalogue is unchanged");
    }

    @Test
    @Order(2)
    void the_head_of_the_agency_approves_it_with_their_key_and_the_page_says_approved() throws IOException {
        Browser.signIn(browser, server.base(), "official", passwords.get("official"));
        browser.get(server.base() + "/catalogue?year=" + YEAR);
        assertTrue(browser.findElements(By.id("edit")).isEmpty(), "an official does not edit the catalogue");
        Browser.fill(browser, "decisionNumber", "01/QĐ-SKHCN");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('a-date').value = '2027-01-05'");
        Browser.fill(browser, "place", "Thái Bình");
        Browser.fill(browser, "position", "GIÁM ĐỐC");
        new Select(browser.findElement(By.id("a-key"))).selectByValue("official1");
        browser.findElement(By.id("a-pin")).sendKeys(DispatchFixtures.PIN);
        Browser.submit(browser, browser.findElement(By.cssSelector("#approve button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("01/QĐ-SKHCN"), browser.getPageSource());
        assertEquals("true", browser.findElement(By.id("approval")).getAttribute("data-approved"));
        assertTrue(browser.findElement(By.id("approval-state")).getText().startsWith("Đã được phê duyệt"));
        WebElement version = browser.findElement(By.cssSelector("#approvals tr[data-version='1']"));
        assertEquals("true", version.getAttribute("data-current"));
        assertTrue(version.getText().contains("01/QĐ-SKHCN · 2027-01-05"), version.getText());
        assertTrue(browser.findElements(By.id("approve")).isEmpty(), "approved as it is: nothing more to approve");

        String href = browser.findElement(By.id("catalogue-pdf")).getAttribute("href");
        PageClient same = PageClient.withCookie(server, browser.manage().getCookieNamed("vanthu_session").getValue());
        TestServer.Response pdf = same.get(href.substring(server.base().length()));
        assertEquals("application/pdf", pdf.header("Content-Type"));
        assertTrue(vn.vanthu.support.OutsideTools.pdfsig(pdf.body()).contains("Signature is Valid"), "the signed print");
    }

    @Test
    @Order(3)
    void a_handler_sees_no_edit_form_and_cannot_send_one() {
        Browser.signIn(browser, server.base(), "handler", passwords.get("handler"));
        browser.get(server.base() + "/catalogue?year=" + YEAR);
        assertTrue(browser.findElements(By.id("edit")).isEmpty());
        assertTrue(browser.findElements(By.id("approve")).isEmpty());
        PageClient handler = new PageClient(server);
        handler.signIn("handler", passwords.get("handler"));
        handler.get("/catalogue?year=" + YEAR);
        TestServer.Response r = handler.post("/catalogue", Map.of("year", String.valueOf(YEAR), "numeral.0", "I",
                "heading.0", "Tổ chức", "symbol.0", "09.X", "title.0", "Hồ sơ", "retention.0", "5Y",
                "responsibleUserId.0", clerkId), true);
        assertEquals(403, r.status(), r.text());
        assertTrue(!server.get("/api/v1/catalogues/" + YEAR, "clerk").text().contains("09.X"), "nothing changed");
    }
}
