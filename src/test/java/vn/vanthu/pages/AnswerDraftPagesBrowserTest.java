package vn.vanthu.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.signing.SigningFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser, the handler answers an incoming document they lead with a new draft: the form comes
 * prefilled (subject "Trả lời …", the sending organ as recipient), the draft is created and named as the answer
 * (the API shows {@code responseFor}); the official finds it on {@code /drafts} with the preview of where their
 * signature will land; once it is issued, the handler completes with the result ANSWERED and that dispatch offered,
 * and files the document into their own open dossier.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnswerDraftPagesBrowserTest {
    @RegisterExtension
    static final Browser.Screenshots SCREENSHOTS = new Browser.Screenshots();
    private static final String ORGAN = "Sở Nội vụ tỉnh Thừa Thiên Huế";
    private static TestServer server;
    private static WebDriver browser;
    private static Map<String, String> passwords;
    private static String incomingId;
    private static String draftId;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        server = TestServer.start(Databases.Kind.H2);
        passwords = PageClient.demoPasswords(server);
        TestServer.Response signed = server.postMultipart("/api/v1/signatures", "official",
                SigningFixtures.form("PAdES", "B", "cv.pdf", "application/pdf", SigningFixtures.pdf())
                        .field("keyId", "official1").field("pin", DispatchFixtures.PIN));
        TestServer.Response received = server.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .file("file", "van-ban-den.pdf", "application/pdf", signed.body())
                .field("metadata", "{\"sendingOrgan\":\"" + ORGAN + "\",\"numberSymbol\":\"125/SNV-VTLT\","
                        + "\"documentDate\":\"2026-12-01\",\"documentType\":\"Công văn\",\"subject\":\"V/v góp ý dự thảo Quy chế\","
                        + "\"urgency\":\"NORMAL\",\"secret\":false}"));
        assertEquals(201, received.status(), received.text());
        incomingId = received.json().path("id").asText();
        assertEquals(200, server.postJson("/api/v1/incoming/" + incomingId + "/register", "clerk", "").status());
        String handler = server.get("/api/v1/users/me", "handler").json().path("id").asText();
        TestServer.Response directed = server.postJson("/api/v1/incoming/" + incomingId + "/direct", "official",
                Map.of("leadUserId", handler, "cooperatingUserIds", List.of(), "comment", "Đồng chí Hùng dự thảo trả lời"));
        assertEquals(200, directed.status(), directed.text());
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
    void the_lead_handler_answers_with_a_new_draft_named_as_the_answer() throws Exception {
        PageClient official = new PageClient(server);
        official.signIn("official", passwords.get("official"));
        assertEquals(403, official.get("/handling/" + incomingId + "/answer").status(), "only the lead answers");

        Browser.signIn(browser, server.base(), "handler", passwords.get("handler"));
        WebElement row = browser.findElement(By.cssSelector("#handling tr[data-incoming='" + incomingId + "']"));
        Browser.submit(browser, row.findElement(By.cssSelector("a.answer-new")));
        assertTrue(browser.findElement(By.id("subject")).getAttribute("value").startsWith("Trả lời văn bản số 125/SNV-VTLT"));
        assertEquals(ORGAN, browser.findElement(By.id("recipients")).getAttribute("value"));
        Path pdf = Files.createTempDirectory("answer").resolve("dự-thảo-trả-lời.pdf");
        Files.write(pdf, DispatchPdf.draft("CV"));
        browser.findElement(By.name("file")).sendKeys(pdf.toString());
        new Select(browser.findElement(By.id("signerUserId"))).selectByVisibleText("Nguyễn Hữu Thắng");
        Browser.fill(browser, "signerPosition", "PHÓ GIÁM ĐỐC");
        Browser.fill(browser, "draftingUnit", "VP");
        Browser.submit(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));

        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Đã tạo dự thảo trả lời"),
                browser.getPageSource());
        WebElement answer = browser.findElement(By.cssSelector("#handling tr[data-incoming='" + incomingId + "'] .answer"));
        assertEquals("DRAFT", answer.getAttribute("data-answer-status"));
        assertTrue(answer.getText().startsWith("Trả lời bằng dự thảo"), answer.getText());
        draftId = answer.getAttribute("data-answer");
        JsonNode draft = server.get("/api/v1/dispatches/" + draftId, "clerk").json();
        assertEquals("DRAFT", draft.path("status").asText());
        assertEquals(incomingId, draft.path("responseFor").path("incomingId").asText(), draft.toString());
        assertEquals(server.get("/api/v1/users/me", "handler").json().path("id").asText(), draft.path("createdBy").asText(),
                draft.toString());
    }

    @Test
    @Order(2)
    void the_official_sees_the_answer_on_the_drafts_with_the_preview_of_where_the_signature_lands() {
        Browser.signIn(browser, server.base(), "official", passwords.get("official"));
        WebElement img = browser.findElement(By.cssSelector("#drafts tr[data-dispatch='" + draftId + "'] img.preview"));
        int width = Browser.loadedWidth(browser, img);
        assertTrue(width > 200 && width <= 420, String.valueOf(width));
        assertTrue(img.getAttribute("alt").contains("Nguyễn Hữu Thắng"), img.getAttribute("alt"));
    }

    @Test
    @Order(3)
    void once_issued_the_handler_completes_with_the_answer_offered() {
        assertEquals(200, server.postJson("/api/v1/dispatches/" + draftId + "/sign", "official",
                Map.of("keyId", "official1", "pin", DispatchFixtures.PIN)).status());
        assertEquals(200, DispatchFixtures.issue(server, draftId).status());
        Browser.signIn(browser, server.base(), "handler", passwords.get("handler"));
        WebElement row = browser.findElement(By.cssSelector("#handling tr[data-incoming='" + incomingId + "']"));
        assertEquals("ISSUED", row.findElement(By.cssSelector(".answer")).getAttribute("data-answer-status"));
        assertTrue(row.findElements(By.cssSelector("a.answer-new")).isEmpty(), "answered once");
        WebElement complete = row.findElement(By.cssSelector("form[action$='/complete']"));
        assertEquals("ANSWERED", new Select(complete.findElement(By.name("result"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals(draftId, complete.findElement(By.name("dispatchId")).getAttribute("value"));
        complete.findElement(By.name("note")).sendKeys("Đã trả lời");
        Browser.submit(browser, complete.findElement(By.cssSelector("button")));
        assertEquals("DONE", browser.findElement(By.cssSelector("#handling tr[data-incoming='" + incomingId + "']"))
                .getAttribute("data-status"));
        JsonNode done = server.get("/api/v1/incoming/" + incomingId, "clerk").json();
        assertEquals("ANSWERED", done.path("result").asText(), done.toString());
    }

    @Test
    @Order(4)
    void the_handler_files_the_answered_document_into_their_own_open_dossier() {
        String handler = server.get("/api/v1/users/me", "handler").json().path("id").asText();
        TestServer.Response opened = server.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "05.TL",
                "title", "Hồ sơ trả lời góp ý Quy chế văn thư", "retention", "10Y", "responsibleUserId", handler));
        assertEquals(201, opened.status(), opened.text());
        String dossierId = opened.json().path("id").asText();
        PageClient official = new PageClient(server);
        official.signIn("official", passwords.get("official"));
        assertEquals(403, official.get("/handling/" + incomingId + "/file").status(), "not assigned to the official");

        Browser.signIn(browser, server.base(), "handler", passwords.get("handler"));
        WebElement row = browser.findElement(By.cssSelector("#handling tr[data-incoming='" + incomingId + "']"));
        Browser.submit(browser, row.findElement(By.cssSelector("a.file-into")));
        new Select(browser.findElement(By.id("dossierId"))).selectByValue(dossierId);
        Browser.submit(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Đã lưu văn bản vào hồ sơ"),
                browser.getPageSource());
        JsonNode items = server.get("/api/v1/dossiers/" + dossierId, "clerk").json().path("items");
        assertEquals(1, items.size(), items.toString());
        assertEquals("INCOMING", items.get(0).path("kind").asText(), items.toString());
        assertEquals("125/SNV-VTLT", items.get(0).path("numberSymbol").asText(), items.toString());
    }
}
