package vn.vanthu.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;
import vn.vanthu.support.ThrowawayPki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the administrator's pages of what only the API managed before: a partner organ added from a
 * certificate file and a pasted anchor (its Vietnamese name and the script in it shown as typed text), its token
 * issued once, the organ replaced and removed; the numbering series changed, with the API's refusals shown on the
 * page; the trust anchors and the seal with their badges. The service runs 350 days ahead, so that the throw-away
 * CA and seal (valid a year) are within 30 days of their end while the development root is not.
 */
class AdministratorDirectoryPagesBrowserTest {
    @RegisterExtension
    static final Browser.Screenshots SCREENSHOTS = new Browser.Screenshots();
    private static final String ORGAN = "000.00.01.H02";
    private static final String NAME = "Sở Nội vụ tỉnh Hà Giang";
    private static TestServer server;
    private static WebDriver browser;
    private static Map<String, String> passwords;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        ThrowawayPki pki = ThrowawayPki.write(Files.createTempDirectory("admin-pages"));
        server = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_TRUST_ANCHORS", pki.caPem().toString(),
                "VANTHU_REPORT_SEAL_KEYSTORE", pki.sealP12().toString(), "VANTHU_REPORT_SEAL_PASSWORD", pki.password()),
                Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofDays(350)));
        passwords = PageClient.demoPasswords(server);
    }

    @AfterAll
    static void stop() {
        Browser.stop(browser);
        if (server != null) {
            server.close();
        }
    }

    private static WebElement row() {
        return browser.findElement(By.cssSelector("tr[data-organ='" + ORGAN + "']"));
    }

    @Test
    void the_administrator_adds_an_organ_issues_its_token_replaces_it_and_removes_it() throws Exception {
        Path chain = Files.createTempDirectory("organ").resolve("con-dấu-sở-nội-vụ.pem");
        Files.writeString(chain, Files.readString(Path.of("keystore-samples/seal.crt")) + Files.readString(Path.of("keystore-samples/issuing-ca.crt")));
        String typed = NAME + " <script>alert(1)</script> \"><img src=x onerror=alert(2)>";
        Browser.signIn(browser, server.base(), "admin", passwords.get("admin"));
        Browser.submit(browser, browser.findElement(By.linkText("Cơ quan liên thông")));
        Browser.fill(browser, "organId", ORGAN);
        Browser.fill(browser, "name", typed);
        Browser.fill(browser, "inboxUrl", "https://vanthu.snv.hagiang.gov.vn/api/v1/exchange/inbox");
        browser.findElement(By.name("certificateFile")).sendKeys(chain.toAbsolutePath().toString());
        Browser.fill(browser, "anchor", Files.readString(Path.of("keystore-samples/root-ca.crt")));
        Browser.fill(browser, "inboxToken", "ma-ha-giang-cap-cho-ta");
        Browser.submit(browser, browser.findElement(By.cssSelector("#organ-form button[type=submit]")));

        assertEquals(typed, row().findElement(By.cssSelector("td.name")).getText(), browser.getPageSource());
        assertTrue(browser.findElements(By.xpath("//script")).isEmpty() && browser.findElements(By.tagName("img")).isEmpty(),
                "no element was made of the typed text");
        assertEquals("OK", row().findElement(By.cssSelector(".badge")).getAttribute("data-state"));
        assertTrue(row().getText().contains("Sở Khoa học và Công nghệ") && row().getText().contains("Vanthu Development Root CA"), row().getText());
        assertFalse(browser.getPageSource().contains("ma-ha-giang-cap-cho-ta"), "a stored inbox token is never shown");

        Browser.fill(browser, "expiresInDays", "30");
        Browser.submit(browser, row().findElement(By.cssSelector("form[action$='/tokens'] button")));
        String token = browser.findElement(By.id("new-token")).getText();
        int delivered = deliver(token);
        assertTrue(delivered != 401 && delivered != 403, "the partner's inbox admits the token (a bad message aside): " + delivered);

        Browser.submit(browser, row().findElement(By.linkText("Sửa (thay thế)")));
        assertEquals(typed, browser.findElement(By.name("name")).getAttribute("value"));
        Browser.fill(browser, "name", NAME);
        Browser.submit(browser, browser.findElement(By.cssSelector("#organ-form button[type=submit]")));
        assertEquals(NAME, row().findElement(By.cssSelector("td.name")).getText());
        JsonNode stored = server.get("/api/v1/organs/" + ORGAN, "admin").json();
        assertEquals(NAME, stored.path("name").asText());
        assertTrue(stored.path("hasInboxToken").asBoolean(), "an empty token field keeps the token held");

        Browser.submit(browser, row().findElement(By.cssSelector("form[action$='/delete'] button")));
        assertTrue(browser.findElements(By.cssSelector("tr[data-organ='" + ORGAN + "']")).isEmpty());
        assertEquals(401, deliver(token), "the removed organ's token stops working");
    }

    /** The status of a (meaningless) delivery to the inbox with the partner's token. */
    private static int deliver(String token) {
        return server.send(server.request("/api/v1/exchange/inbox", token).header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<edXML/>")).build()).status();
    }

    @Test
    void the_administrator_changes_the_numbering_series_and_reads_the_api_refusals_on_the_page() {
        Browser.signIn(browser, server.base(), "admin", passwords.get("admin"));
        browser.get(server.base() + "/admin/numbering?year=2031");
        assertEquals("1", browser.findElement(By.cssSelector("tr[data-series=OUTGOING] td.next")).getText());
        assertTrue(browser.findElement(By.cssSelector("tr[data-series=SECRET]")).getText().contains("M"));

        Browser.fill(browser, "code.1", "QD");
        Browser.fill(browser, "types.1", "QĐ NQ");
        browser.findElement(By.name("legalNormative.1")).click();
        Browser.submit(browser, browser.findElement(By.cssSelector("#layout button[type=submit]")));
        WebElement alert = browser.findElement(By.cssSelector("[role=alert]"));
        assertEquals("LEGAL_NORMATIVE_SHARED", alert.getAttribute("data-code"));
        assertTrue(alert.getText().contains("chỉ được có một loại"), alert.getText());
        assertEquals("QĐ NQ", browser.findElement(By.name("types.1")).getAttribute("value"), "what was typed comes back");
        assertEquals(1, server.get("/api/v1/numbering/2031", "admin").json().path("series").size(), "nothing changed");

        Browser.fill(browser, "types.0", "NQ CT QC QyĐ TC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ BGN BTT GUQ GM GGT GNP PG PC PB CV ThC");
        Browser.fill(browser, "types.1", "QĐ");
        Browser.submit(browser, browser.findElement(By.cssSelector("#layout button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("2031"), browser.getPageSource());
        assertTrue(browser.findElement(By.cssSelector("tr[data-series=QD]")).getText().contains("QĐ (Quyết định)"));
        JsonNode qd = server.get("/api/v1/numbering/2031", "admin").json().path("series").path(1);
        assertEquals("[\"QĐ\"]", qd.path("types").toString());
        assertTrue(qd.path("legalNormative").asBoolean());

        browser.findElement(By.name("remove.1")).click();
        Browser.submit(browser, browser.findElement(By.cssSelector("#layout button[type=submit]")));
        assertEquals("TYPE_WITHOUT_SERIES", browser.findElement(By.cssSelector("[role=alert]")).getAttribute("data-code"));
        assertEquals(2, server.get("/api/v1/numbering/2031", "admin").json().path("series").size());
    }

    @Test
    void the_administrator_sees_the_anchors_and_the_seal_with_their_badges_and_how_to_change_them() {
        Browser.signIn(browser, server.base(), "admin", passwords.get("admin"));
        Browser.submit(browser, browser.findElement(By.linkText("Chứng thư tin cậy")));
        WebElement throwaway = browser.findElement(By.xpath("//table[@id='anchors']//tr[contains(., 'Throw-away Test CA')]"));
        assertEquals("EXPIRING", throwaway.findElement(By.cssSelector(".badge")).getAttribute("data-state"));
        assertEquals("Hết hạn trong 30 ngày", throwaway.findElement(By.cssSelector(".badge")).getText());
        WebElement root = browser.findElement(By.xpath("//table[@id='anchors']//tr[contains(., 'Vanthu Development Root CA')]"));
        assertEquals("OK", root.findElement(By.cssSelector(".badge")).getAttribute("data-state"));
        assertTrue(root.findElement(By.cssSelector("td.development")).getText().startsWith("Có"));
        assertTrue(root.getAttribute("data-sha256").matches("[0-9a-f]{64}"));
        WebElement seal = browser.findElement(By.xpath("//table[@id='seal']//tr[contains(., 'Throw-away Test Seal')]"));
        assertEquals("EXPIRING", seal.findElement(By.cssSelector(".badge")).getAttribute("data-state"));
        String how = browser.findElement(By.id("how-to-change")).getText();
        assertTrue(how.contains("VANTHU_TRUST_ANCHORS") && how.contains("VANTHU_REPORT_SEAL_KEYSTORE"), how);
    }

    @Test
    void at_a_phone_width_of_390_px_no_administrator_page_scrolls_sideways() {
        server.postJson("/api/v1/organs", "admin", Map.of("organId", "000.00.01.H05", "name", NAME,
                "inboxUrl", "https://vanthu.snv.hagiang.gov.vn/api/v1/exchange/inbox",
                "certificate", read("keystore-samples/seal.crt") + read("keystore-samples/issuing-ca.crt"),
                "anchor", read("keystore-samples/root-ca.crt")));
        Browser.signIn(browser, server.base(), "admin", passwords.get("admin"));
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String path : List.of("/admin/organs", "/admin/numbering?year=2031", "/admin/trust")) {
                Browser.assertFitsAPhone(browser, server.base(), path);
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
            server.delete("/api/v1/organs/000.00.01.H05", "admin");
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
