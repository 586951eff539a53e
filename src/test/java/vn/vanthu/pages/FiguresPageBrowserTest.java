package vn.vanthu.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.vanthu.signing.SigningFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: the auditor opens the figures from the menu, sees the chart (a picture that loads) and tables
 * whose every count and percentage is the API's for the same query, asks for other figures with the form and can
 * download them as CSV and as the sealed PDF; a handler is refused.
 */
class FiguresPageBrowserTest {
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
        TestServer.Response signed = server.postMultipart("/api/v1/signatures", "official",
                SigningFixtures.form("PAdES", "B", "quyết-định.pdf", "application/pdf", SigningFixtures.pdf())
                        .field("keyId", "official1").field("pin", "123456"));
        assertEquals(200, signed.status(), signed.text());
        for (byte[] file : List.of(signed.body(), SigningFixtures.pdf())) {   // one signed file, one without signature
            assertEquals(200, server.postMultipart("/api/v1/validations", "auditor",
                    new Multipart().file("file", "van-ban.pdf", "application/pdf", file)).status());
        }
    }

    @AfterAll
    static void stop() {
        Browser.stop(browser);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_auditor_sees_a_chart_that_loads_and_tables_equal_to_the_api_figures() {
        Browser.signIn(browser, server.base(), "auditor", passwords.get("auditor"));
        Browser.submit(browser, browser.findElement(By.linkText("Số liệu")));
        assertTrue(browser.getCurrentUrl().endsWith("/figures"), browser.getCurrentUrl());
        assertChartLoads();
        JsonNode quarters = server.get("/api/v1/figures", "auditor").json();
        assertEquals(2, quarters.path("periods").findValues("run").stream().mapToInt(JsonNode::asInt).sum(),
                "the two validations are counted: " + quarters);
        assertEquals(4 * (24 + 10), assertTableEquals(quarters), "four quarters of 24 counts and 10 percentages");

        String year = quarters.path("from").asText().substring(0, 4);
        Browser.fill(browser, "year", year);
        new Select(browser.findElement(By.name("period"))).selectByValue("year");
        Browser.submit(browser, browser.findElement(By.cssSelector("form[action='/figures'] button[type=submit]")));
        assertChartLoads();
        JsonNode years = server.get("/api/v1/figures?year=" + year + "&period=year", "auditor").json();
        assertEquals(24 + 10, assertTableEquals(years));

        PageClient auditor = new PageClient(server);
        auditor.signIn("auditor", passwords.get("auditor"));
        String csv = browser.findElement(By.linkText("Tải bảng số liệu (CSV)")).getAttribute("href");
        TestServer.Response file = auditor.get(csv.substring(server.base().length()));
        assertEquals(200, file.status(), file.text());
        assertTrue(file.header("Content-Type").startsWith("text/csv"), file.header("Content-Type"));
        assertTrue(file.text().contains("validations.run"), file.text());
        String pdf = browser.findElement(By.linkText("Tải báo cáo PDF có đóng dấu số")).getAttribute("href");
        TestServer.Response report = auditor.get(pdf.substring(server.base().length()));
        assertEquals(200, report.status(), report.text());
        assertTrue(report.text().startsWith("%PDF"), "a PDF");
    }

    @Test
    void a_wrong_date_is_explained_on_the_page_and_a_handler_is_refused() {
        Browser.signIn(browser, server.base(), "auditor", passwords.get("auditor"));
        browser.get(server.base() + "/figures?from=2026-12-31&to=2026-01-01");
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("đến ngày"), browser.getPageSource());
        assertTrue(browser.findElements(By.tagName("img")).isEmpty(), "no chart for figures that could not be computed");

        Browser.signIn(browser, server.base(), "handler", passwords.get("handler"));
        assertTrue(browser.findElements(By.linkText("Số liệu")).isEmpty(), "no menu entry for a handler");
        browser.get(server.base() + "/figures");
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("không được phép"),
                browser.getPageSource());
        assertTrue(browser.findElements(By.tagName("table")).isEmpty());
    }

    private static void assertChartLoads() {
        WebElement chart = browser.findElement(By.id("figures-chart"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> (Boolean) js.executeScript("return arguments[0].complete", chart));
        long width = (Long) js.executeScript("return arguments[0].naturalWidth", chart);
        assertTrue(width > 0, "the chart's picture loads");
    }

    /** Every count and percentage of the agency's table against the JSON; answers how many cells were compared. */
    private static int assertTableEquals(JsonNode figures) {
        int compared = 0;
        WebElement table = browser.findElement(By.cssSelector("table[data-agency='true']"));
        List<String> periods = table.findElements(By.cssSelector("thead th[data-period]")).stream()
                .map(th -> th.getAttribute("data-period")).toList();
        Map<String, JsonNode> byPeriod = new java.util.HashMap<>();
        figures.path("periods").forEach(p -> { if (p.path("unit").isNull()) { byPeriod.put(p.path("period").asText(), p); } });
        assertEquals(byPeriod.keySet(), new java.util.HashSet<>(periods), "a column for each period of the API");
        for (WebElement line : table.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = line.findElements(By.tagName("td"));
            assertEquals(2 * periods.size(), cells.size());
            for (int k = 0; k < periods.size(); k++) {
                JsonNode period = byPeriod.get(periods.get(k));
                assertEquals(shown(period, line.getAttribute("data-field")), cells.get(2 * k).getText(), periods.get(k));
                String pct = line.getAttribute("data-pct");
                assertEquals(pct == null ? "" : shown(period, pct), cells.get(2 * k + 1).getText(), periods.get(k) + " " + pct);
                compared += pct == null ? 1 : 2;
            }
        }
        return compared;
    }

    /** A figure of the JSON as the page shows it in Vietnamese: "50,0", "—" when there is nothing to count. */
    private static String shown(JsonNode period, String field) {
        JsonNode value = period.path(field.substring(0, field.indexOf('.'))).path(field.substring(field.indexOf('.') + 1));
        assertTrue(!value.isMissingNode(), field + " is in the JSON");
        return value.isNull() ? "—" : value.isDouble() ? value.asText().replace('.', ',') : value.asText();
    }
}
