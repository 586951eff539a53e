package vn.vanthu.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's pages of partner organs, numbering series and trust anchors, without a browser: a clerk is
 * refused each of them and changes nothing; the trust anchors answer as JSON to administrators and auditors; the
 * pages refuse what the API refuses, with the API's code, on the page. On PostgreSQL (the browser test: H2).
 */
class AdministratorDirectoryPagesTest {
    private static TestServer server;
    private static Map<String, String> passwords;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.POSTGRES);   // the browser test runs on H2
        passwords = PageClient.demoPasswords(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_clerk_is_refused_each_administrator_page_and_changes_nothing() {
        PageClient clerk = new PageClient(server);
        clerk.signIn("clerk", passwords.get("clerk"));
        for (String page : List.of("/admin/organs", "/admin/numbering", "/admin/trust")) {
            TestServer.Response r = clerk.get(page);
            assertEquals(403, r.status(), page);
            assertTrue(r.text().contains("không được phép"), page + ": " + r.text());
            assertFalse(r.text().contains("<form id=\"layout\"") || r.text().contains("<form id=\"organ-form\""), page);
        }
        clerk.get("/incoming/new");   // a page the clerk may open, for a valid CSRF token
        TestServer.Response layout = clerk.post("/admin/numbering", Map.of("year", "2031", "code.0", "ALL",
                "types.0", "CV ThC", "secretCode", "SECRET", "secretSuffix", "M"), true);
        assertEquals(403, layout.status());
        assertEquals("OUTGOING", server.get("/api/v1/numbering/2031", "admin").json().path("series").path(0).path("code").asText());
        TestServer.Response token = clerk.post("/admin/organs/000.00.01.H56/tokens", Map.of(), true);
        assertEquals(403, token.status());
        assertEquals(403, server.get("/api/v1/trust-anchors", "clerk").status());
    }

    @Test
    void the_trust_anchors_answer_as_json_with_the_development_root_marked_and_its_fingerprint() throws Exception {
        byte[] der = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Path.of("keystore-samples/root-ca.crt")))).getEncoded();
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        for (String who : List.of("admin", "auditor")) {
            TestServer.Response r = server.get("/api/v1/trust-anchors", who);
            assertEquals(200, r.status(), r.text());
            JsonNode root = null;
            for (JsonNode a : r.json().path("items")) {
                if (a.path("sha256").asText().equals(fingerprint)) {
                    root = a;
                }
            }
            assertTrue(root != null, "the development root is listed: " + r.text());
            assertEquals("CN=Vanthu Development Root CA,O=Vanthu Development,C=VN", root.path("subject").asText());
            assertEquals("OK", root.path("state").asText());
            assertTrue(root.path("development").asBoolean());
            assertTrue(root.path("notAfter").asText().startsWith("2052-"), root.toString());
            assertTrue(r.json().path("sealCertificate").path("subject").asText().contains("Sở Khoa học và Công nghệ"), r.text());
        }
    }

    @Test
    void a_layout_change_once_the_year_numbered_shows_numbering_in_use_on_the_page() {
        String id = DispatchFixtures.signedDraft(server, "CV");
        assertEquals(200, DispatchFixtures.issue(server, id).status());
        PageClient admin = new PageClient(server);
        admin.signIn("admin", passwords.get("admin"));
        TestServer.Response page = admin.get("/admin/numbering");
        assertTrue(page.text().contains("data-in-use=\"true\""), page.text());
        assertTrue(page.text().matches("(?s).*data-series=\"OUTGOING\".*class=\"next\">2<.*"), "the next number is 2: " + page.text());
        String year = server.get("/api/v1/dispatches/" + id, "clerk").json().path("issuedDate").asText().substring(0, 4);
        TestServer.Response refused = admin.post("/admin/numbering", Map.of("year", year, "code.0", "OUTGOING",
                "types.0", "CV ThC NQ QĐ CT QC QyĐ TC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ BGN BTT GUQ GM GGT GNP PG PC PB",
                "secretCode", "MAT", "secretSuffix", "M"), true);
        assertEquals(409, refused.status(), refused.text());
        assertTrue(refused.text().contains("data-code=\"NUMBERING_IN_USE\""), refused.text());
        assertTrue(refused.text().contains("không thể thay đổi hệ thống số"), refused.text());
        assertTrue(refused.text().contains("value=\"MAT\""), "what was typed is kept: " + refused.text());
        assertEquals("SECRET", server.get("/api/v1/numbering/" + year, "admin").json().path("secret").path("code").asText());
    }

    @Test
    void an_organ_name_over_the_api_limit_is_refused_on_the_page_with_the_api_code() {
        PageClient admin = new PageClient(server);
        admin.signIn("admin", passwords.get("admin"));
        admin.get("/admin/organs");
        String name = "Sở Nội vụ tỉnh Hà Giang ".repeat(13);   // 312 characters; the API takes 300
        TestServer.Response page = admin.postMultipart("/admin/organs", new Multipart().field("_csrf", admin.csrf())
                .field("organId", "000.00.01.H02").field("name", name).field("inboxUrl", "https://vanthu.hagiang.gov.vn/api/v1/exchange/inbox")
                .field("certificate", read("keystore-samples/seal.crt")).field("anchor", read("keystore-samples/root-ca.crt")));
        TestServer.Response api = server.postJson("/api/v1/organs", "admin", Map.of("organId", "000.00.01.H02", "name", name,
                "inboxUrl", "https://vanthu.hagiang.gov.vn/api/v1/exchange/inbox", "certificate", read("keystore-samples/seal.crt"),
                "anchor", read("keystore-samples/root-ca.crt")));
        assertEquals(api.status(), page.status(), page.text());
        assertTrue(page.text().contains("data-code=\"" + api.errorCode() + "\""), api.errorCode() + " on the page: " + page.text());
        // Refused by the form's declared limits before the page's handler (the input's maxlength keeps a browser
        // under it), so the answer is the refusal, not the form again.
        assertEquals(0, server.get("/api/v1/organs", "admin").json().path("items").size());
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
