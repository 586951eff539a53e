package vn.vanthu.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Accounts;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input from the pages: each is a clear message on a page and changes nothing: an empty upload, an upload
 * over the limit, the session of a user who has since been disabled, another official's draft signed by URL,
 * a page of a register asked with a page number that does not exist.
 */
class PageRefusalsTest {
    private static TestServer server;
    private static Map<String, String> passwords;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_MAX_UPLOAD_MB", "1"));
        passwords = PageClient.demoPasswords(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void an_empty_upload_and_one_over_the_limit_are_explained_on_the_page_and_keep_nothing() {
        PageClient auditor = new PageClient(server);
        auditor.signIn("auditor", passwords.get("auditor"));
        TestServer.Response empty = auditor.postMultipart("/validate", new Multipart().field("_csrf", auditor.csrf())
                .file("file", "rỗng.pdf", "application/pdf", new byte[0]));
        assertEquals(422, empty.status());
        assertTrue(empty.header("Content-Type").startsWith("text/html") && empty.text().contains("Tệp rỗng"), empty.text());
        TestServer.Response big = auditor.postMultipart("/validate", new Multipart().field("_csrf", auditor.csrf())
                .file("file", "lớn.pdf", "application/pdf", new byte[2 * 1024 * 1024]));
        assertEquals(413, big.status());
        assertTrue(big.text().contains("lớn hơn giới hạn"), big.text());
        assertEquals(0, server.get("/api/v1/validations", "auditor").json().path("items").size());
    }

    @Test
    void the_session_of_a_user_disabled_since_opens_nothing() {
        String token = Accounts.create(server, "tam.nv", "CLERK");
        String id = Accounts.id(server, "tam.nv");
        PageClient admin = new PageClient(server);
        admin.signIn("admin", passwords.get("admin"));
        admin.post("/admin/users/" + id + "/password", Map.of("password", "Mật khẩu của Tâm 2026"), true);
        PageClient tam = new PageClient(server);
        tam.signIn("tam.nv", "Mật khẩu của Tâm 2026");
        assertEquals(200, tam.get("/password").status());
        assertEquals(200, server.postJson("/api/v1/users/" + id + "/disable", "admin", "").status());
        TestServer.Response after = tam.get("/password");
        assertEquals(303, after.status());
        assertEquals("/signin", after.header("Location"));
        assertEquals(401, server.get("/api/v1/users/me", token).status());
    }

    @Test
    void another_officials_draft_signed_by_url_is_refused_and_stays_a_draft() {
        String draft = DispatchFixtures.create(server, "CV", DispatchPdf.draft("CV")).json().path("id").asText();
        String other = Accounts.create(server, "khac.pv", "OFFICIAL");
        TestServer.Response r = server.send(server.request("/drafts/" + draft + "/sign", other)
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("keyId=official1&pin=123456")).build());
        assertEquals(403, r.status());
        assertTrue(r.text().contains("NOT_THE_SIGNER"), r.text());
        assertEquals("DRAFT", server.get("/api/v1/dispatches/" + draft, "clerk").json().path("status").asText());
        PageClient clerk = new PageClient(server);
        clerk.signIn("clerk", passwords.get("clerk"));
        assertEquals(403, clerk.post("/drafts/" + draft + "/sign", Map.of("keyId", "seal", "pin", "123456"), true).status(),
                "a clerk may not sign drafts");
    }

    @Test
    void a_register_page_that_does_not_exist_is_a_message_not_a_failure() {
        PageClient clerk = new PageClient(server);
        clerk.signIn("clerk", passwords.get("clerk"));
        TestServer.Response r = clerk.get("/registers/outgoing?page=99");
        assertEquals(400, r.status());
        assertTrue(r.text().contains("INVALID_PAGE"));
        assertEquals(400, clerk.get("/registers/incoming?q=" + "x".repeat(300)).status());
    }
}
