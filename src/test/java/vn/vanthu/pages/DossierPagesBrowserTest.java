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
import vn.vanthu.signing.SigningFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, a dossier's life on the pages: the clerk opens it from a row of the year's catalogue, files
 * an uploaded document whose subject keeps its diacritics, closes it with the seal and downloads the sealed
 * package (an issued dispatch filed too); a handler's dossier list holds only their own dossiers and the close form is not theirs. The clerk's
 * copy form makes a sealed sao y of a scan, and without the PIN makes nothing. Pictures of page 1 show on the
 * dossier's items and on the official's drafts to sign, small and bounded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DossierPagesBrowserTest {
    @RegisterExtension
    static final Browser.Screenshots SCREENSHOTS = new Browser.Screenshots();
    private static final int YEAR = 2026;
    private static final String SUBJECT = "Quyết định bổ nhiệm cán bộ lãnh đạo Phòng Văn thư – Lưu trữ";
    private static TestServer server;
    private static WebDriver browser;
    private static Map<String, String> passwords;
    private static String dossierUrl;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        server = TestServer.start(Databases.Kind.H2);
        passwords = PageClient.demoPasswords(server);
        String clerkId = server.get("/api/v1/users/me", "clerk").json().path("id").asText();
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("symbol", "01.TCCB");
        row.put("title", "Hồ sơ bổ nhiệm cán bộ năm 2026");
        row.put("retention", "PERMANENT");
        row.put("responsibleUserId", clerkId);
        row.put("notes", null);
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
    void the_clerk_opens_a_dossier_from_the_catalogue_and_files_an_uploaded_document() throws IOException {
        Browser.signIn(browser, server.base(), "clerk", passwords.get("clerk"));
        Browser.submit(browser, browser.findElement(By.linkText("Hồ sơ công việc")));
        Browser.submit(browser, browser.findElement(By.linkText("Danh mục hồ sơ")));
        browser.get(server.base() + "/catalogue?year=" + YEAR);
        WebElement row = browser.findElement(By.cssSelector("#catalogue tr[data-symbol='01.TCCB']"));
        assertTrue(row.getText().contains("Vĩnh viễn"), row.getText());
        Browser.submit(browser, row.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Đã mở hồ sơ"), browser.getPageSource());
        assertEquals("OPEN", browser.findElement(By.id("dossier-status")).getAttribute("data-status"));
        dossierUrl = server.base() + "/dossiers/" + browser.findElement(By.id("dossier")).getAttribute("data-dossier");

        Path file = Files.createTempDirectory("dossier").resolve("quyết-định.pdf");
        Files.write(file, SigningFixtures.pdf());
        browser.findElement(By.id("file")).sendKeys(file.toString());
        new Select(browser.findElement(By.id("kind"))).selectByValue("INCOMING");
        Browser.fill(browser, "numberSymbol", "45/QĐ-UBND");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('documentDate').value = '2026-11-20'");
        Browser.fill(browser, "issuingOrgan", "Ủy ban nhân dân tỉnh Thừa Thiên Huế");
        Browser.fill(browser, "documentType", "Quyết định");
        Browser.fill(browser, "subject", SUBJECT);
        Browser.submit(browser, browser.findElement(By.cssSelector("#file-upload button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("Đã đưa văn bản"), browser.getPageSource());
        WebElement item = browser.findElement(By.cssSelector("#items tbody tr"));
        assertEquals(SUBJECT, item.findElement(By.cssSelector(".subject")).getText());
        assertTrue(item.getText().contains("45/QĐ-UBND"), item.getText());

        String issuedId = DispatchFixtures.signedDraft(server, "CV");
        String number = DispatchFixtures.issue(server, issuedId).json().path("number").asText();
        browser.get(dossierUrl);
        new Select(browser.findElement(By.id("dispatchId"))).selectByValue(issuedId);
        Browser.submit(browser, browser.findElement(By.cssSelector("#file-dispatch button[type=submit]")));
        assertEquals(2, browser.findElements(By.cssSelector("#items tbody tr")).size(), browser.getPageSource());
        assertTrue(browser.findElement(By.id("items")).getText().contains(number), number);
    }

    @Test
    @Order(2)
    void the_clerk_closes_it_with_the_seal_and_downloads_the_package() throws IOException {
        browser.get(dossierUrl);
        new Select(browser.findElement(By.id("c-key"))).selectByValue("seal");
        browser.findElement(By.id("c-pin")).sendKeys(DispatchFixtures.PIN);
        Browser.submit(browser, browser.findElement(By.cssSelector("#close button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Đã kết thúc"), browser.getPageSource());
        assertEquals("CLOSED", browser.findElement(By.id("dossier-status")).getAttribute("data-status"));
        assertTrue(browser.findElements(By.id("file-upload")).isEmpty(), "a closed dossier takes no more documents");

        String href = browser.findElement(By.id("package")).getAttribute("href");
        PageClient same = PageClient.withCookie(server, browser.manage().getCookieNamed("vanthu_session").getValue());
        TestServer.Response zip = same.get(href.substring(server.base().length()));
        assertEquals(200, zip.status());
        assertEquals("application/zip", zip.header("Content-Type"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertTrue(names.stream().anyMatch(n -> n.endsWith("METS.xml")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith(".pdf")), names.toString());
    }

    @Test
    @Order(3)
    void a_handler_sees_only_their_own_dossiers_and_no_close_form() {
        Browser.signIn(browser, server.base(), "handler", passwords.get("handler"));
        browser.get(server.base() + "/dossiers");
        assertEquals("Hồ sơ tôi lập", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector("#dossiers tbody tr")).isEmpty(), browser.getPageSource());
        assertTrue(browser.findElements(By.id("due")).isEmpty());
        browser.get(dossierUrl);
        assertTrue(browser.findElements(By.id("close")).isEmpty());
        assertTrue(browser.findElements(By.id("submit")).isEmpty());
    }

    @Test
    @Order(4)
    void the_clerk_makes_a_sealed_sao_y_of_a_scan_from_the_copy_form() throws IOException {
        Browser.signIn(browser, server.base(), "clerk", passwords.get("clerk"));
        Browser.submit(browser, browser.findElement(By.linkText("Sao văn bản")));
        assertEquals(1, browser.findElements(By.cssSelector("form#copy select#keyId option[value=seal]")).size(), browser.getPageSource());

        PageClient clerk = new PageClient(server);
        clerk.signIn("clerk", passwords.get("clerk"));
        clerk.get("/copies/new");
        byte[] scan = vn.vanthu.dispatch.DispatchPdf.congVan("GIÁM ĐỐC", "Lê Văn An");
        TestServer.Response noPin = clerk.postMultipart("/copies", new vn.vanthu.support.Multipart()
                .field("_csrf", clerk.csrf()).file("file", "scan.pdf", "application/pdf", scan).field("form", "SY")
                .field("keyId", "seal"));
        assertEquals(400, noPin.status());
        assertTrue(noPin.text().contains("data-code=\"FIELD_REQUIRED\""), noPin.text());
        TestServer.Response copy = clerk.postMultipart("/copies", new vn.vanthu.support.Multipart()
                .field("_csrf", clerk.csrf()).file("file", "scan.pdf", "application/pdf", scan).field("form", "SY")
                .field("keyId", "seal").field("pin", DispatchFixtures.PIN));
        assertEquals(200, copy.status(), copy.text());
        assertEquals("application/pdf", copy.header("Content-Type"));
        assertTrue(copy.header("X-Copy-Number").matches("\\d{2,}/SY-.+"), copy.header("X-Copy-Number"));
        assertTrue(vn.vanthu.support.OutsideTools.pdfsig(copy.body()).contains("Signature #1"), "sealed");
    }

    @Test
    @Order(5)
    void pictures_of_page_one_show_on_the_dossier_and_on_the_drafts_to_sign() throws IOException {
        Browser.signIn(browser, server.base(), "clerk", passwords.get("clerk"));
        browser.get(dossierUrl);
        assertPictureShown(browser.findElement(By.cssSelector("#items img.thumb")));
        String src = browser.findElement(By.cssSelector("#items img.thumb")).getAttribute("src").substring(server.base().length());

        PageClient clerk = new PageClient(server);
        clerk.signIn("clerk", passwords.get("clerk"));
        TestServer.Response png = clerk.get(src);
        assertEquals("image/png", png.header("Content-Type"));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png.body()));
        assertTrue(image.getWidth() <= 200 && image.getHeight() <= 283 && image.getWidth() > 100, image.getWidth() + "x" + image.getHeight());
        assertTrue(png.body().length < 60_000, png.body().length + " bytes");
        assertEquals(400, clerk.get("/pictures/..%2Fsecret.png").status());
        assertEquals(404, clerk.get("/pictures/" + "0".repeat(64) + ".png").status());
        String garbage = server.postMultipart("/api/v1/documents", "clerk", new vn.vanthu.support.Multipart()
                .file("file", "hong.pdf", "application/pdf", "%PDF-1.7 not really a PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .json().path("sha256").asText();
        assertEquals(422, clerk.get("/pictures/" + garbage + ".png").status(), "a PDF that cannot be drawn");
        PageClient handler = new PageClient(server);
        handler.signIn("handler", passwords.get("handler"));
        assertEquals(404, handler.get("/pictures/" + garbage + ".png").status(), "not to someone who may not fetch the document");

        String draftId = DispatchFixtures.create(server, "CV", vn.vanthu.dispatch.DispatchPdf.draft("CV")).json().path("id").asText();
        Browser.signIn(browser, server.base(), "official", passwords.get("official"));
        browser.get(server.base() + "/drafts");
        assertPictureShown(browser.findElement(By.cssSelector("#drafts tr[data-dispatch='" + draftId + "'] img.thumb")));
    }

    private static void assertPictureShown(WebElement img) {
        int width = Browser.loadedWidth(browser, img);
        assertTrue(width <= 200, String.valueOf(width));
    }

    @Test
    @Order(6)
    void at_a_phone_width_of_390_px_none_of_these_pages_scrolls_sideways() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            Browser.signIn(browser, server.base(), "clerk", passwords.get("clerk"));
            for (String path : List.of("/catalogue?year=" + YEAR, "/dossiers", dossierUrl.substring(server.base().length()),
                    "/digitizations/new", "/copies/new")) {
                assertFitsThePhone(browser, server.base() + path);
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }
    }

    /** The page at {@code path} is no wider than the (phone-sized) window. */
    static void assertFitsThePhone(WebDriver b, String path) {
        b.get(path);
        long inner = (Long) ((JavascriptExecutor) b).executeScript("return window.innerWidth");
        long wide = (Long) ((JavascriptExecutor) b).executeScript("return document.documentElement.scrollWidth");
        assertTrue(inner <= 400, "the window is a phone's: " + inner);
        assertTrue(wide <= inner, path + " is " + wide + " px wide in a " + inner + " px window");
    }
}
