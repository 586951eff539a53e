package vn.vanthu.documents;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stored bytes are served by their SHA-256 only to whoever may see them: the uploader, or whoever may see an
 * object holding them. Anyone else gets the 404 of a hash never stored, and the attempt is audited.
 */
class DocumentAccessTest {
    private static final String NEVER_STORED = "0".repeat(64);
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void an_upload_is_served_to_its_uploader_and_auditors_and_is_a_plain_404_for_anyone_else() {
        byte[] bytes = "Tờ trình số 17/TTr-VP về mua sắm thiết bị".getBytes(StandardCharsets.UTF_8);
        TestServer.Response stored = s.postMultipart("/api/v1/documents", "official", new Multipart()
                .file("file", "to-trinh.txt", "text/plain", bytes));
        assertEquals(201, stored.status(), stored.text());
        String sha = stored.json().path("sha256").asText();

        assertArrayEquals(bytes, fetch(sha, "official").body());
        assertEquals(200, fetch(sha, "auditor").status());
        for (String other : new String[] {"clerk", "handler", "admin"}) {
            TestServer.Response hidden = fetch(sha, other);
            TestServer.Response absent = fetch(NEVER_STORED, other);
            assertEquals(404, hidden.status(), other + ": " + hidden.text());
            assertEquals("application/json", hidden.header("Content-Type").split(";")[0]);
            assertEquals(absent.errorCode(), hidden.errorCode(), "a hidden hash reads like one never stored");
            assertEquals(absent.text().replace(NEVER_STORED, sha), hidden.text());
        }
        TestServer.Response again = s.postMultipart("/api/v1/documents", "clerk", new Multipart()
                .file("file", "ban-sao.txt", "text/plain", bytes));
        assertEquals(201, again.status(), again.text());
        assertEquals(200, fetch(sha, "clerk").status(), "whoever uploads the same bytes holds them already");

        JsonNode events = s.get("/api/v1/audit?action=DOCUMENT_READ&object=" + sha + "&limit=50", "auditor").json().path("items");
        String handler = s.get("/api/v1/users/me", "handler").json().path("id").asText();
        String official = s.get("/api/v1/users/me", "official").json().path("id").asText();
        assertEquals(1, count(events, handler, "FAILED"), events.toString());
        assertEquals(1, count(events, official, "SUCCESS"), events.toString());
    }

    @Test
    void a_draft_is_served_only_to_those_who_see_the_dispatch_and_its_issued_file_to_everyone_once_issued() {
        String id = DispatchFixtures.signedDraft(s, "CV");
        String draft = s.get("/api/v1/dispatches/" + id, "clerk").json().path("sha256").asText();
        assertEquals(200, fetch(draft, "official").status(), "the named signer");
        assertEquals(200, fetch(draft, "auditor").status());
        assertEquals(404, fetch(draft, "handler").status(), "a draft is not for every role");
        assertEquals("NOT_FOUND", fetch(draft, "handler").errorCode());

        TestServer.Response issued = DispatchFixtures.issue(s, id);
        assertEquals(200, issued.status(), issued.text());
        String file = s.get("/api/v1/dispatches/" + id, "clerk").json().path("sha256").asText();
        assertArrayEquals(s.get("/api/v1/dispatches/" + id + "/file", "handler").body(), fetch(file, "handler").body());
    }

    @Test
    void an_appendix_is_served_to_whoever_sees_its_dispatch() {
        String id = DispatchFixtures.create(s, "CV", DispatchPdf.draft("CV")).json().path("id").asText();
        TestServer.Response added = s.postMultipart("/api/v1/dispatches/" + id + "/attachments", "clerk", new Multipart()
                .file("file", "phu-luc.pdf", "application/pdf", DispatchPdf.appendix("PHỤ LỤC II")));
        assertEquals(201, added.status(), added.text());
        String sha = added.json().path("sha256").asText();
        assertEquals(200, fetch(sha, "clerk").status());
        assertEquals(200, fetch(sha, "auditor").status());
        assertEquals(404, fetch(sha, "handler").status());
        assertEquals(404, fetch(sha, "admin").status());
    }

    @Test
    void a_secret_draft_is_hidden_from_auditors_by_its_hash_as_by_its_id() {
        String official = s.get("/api/v1/users/me", "official").json().path("id").asText();
        String metadata = "{\"documentType\":\"CV\",\"subject\":\"V/v bảo đảm an toàn thông tin\","
                + "\"signerPosition\":\"PHÓ GIÁM ĐỐC\",\"signerName\":\"Nguyễn Hữu Thắng\",\"signerUserId\":\"" + official
                + "\",\"recipients\":[\"Các phòng\"],\"draftingUnit\":\"VP\",\"priority\":\"NORMAL\",\"secret\":true}";
        TestServer.Response created = s.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "mat.pdf", "application/pdf", DispatchPdf.draft("CV", "Thái Bình, ngày 1 tháng 1 năm      "))
                .field("metadata", metadata));
        assertEquals(201, created.status(), created.text());
        String sha = created.json().path("sha256").asText();
        assertEquals(404, s.get("/api/v1/dispatches/" + created.json().path("id").asText(), "auditor").status());
        assertEquals(404, fetch(sha, "auditor").status(), "not a secret roles' reader by default");
        assertEquals(404, fetch(sha, "handler").status());
        assertEquals(200, fetch(sha, "clerk").status());
        assertEquals(200, fetch(sha, "official").status(), "the named signer");
    }

    @Test
    void auditors_read_bytes_no_object_holds_and_other_users_do_not() throws Exception {
        byte[] pdf = DispatchPdf.appendix("TỜ TRÌNH SỐ 9");
        StringBuilder chain = new StringBuilder();
        for (String name : new String[] {"official1.crt", "issuing-ca.crt", "root-ca.crt"}) {
            chain.append(java.nio.file.Files.readString(java.nio.file.Path.of("keystore-samples", name)));
        }
        TestServer.Response prepared = s.postMultipart("/api/v1/signatures/prepare", "official", new Multipart()
                .file("file", "to-trinh.pdf", "application/pdf", pdf)
                .field("format", "PAdES").field("level", "B").field("certificate", chain.toString()));
        assertEquals(200, prepared.status(), prepared.text());
        String sha = vn.vanthu.store.Hashes.sha256Hex(pdf);
        assertEquals(200, fetch(sha, "auditor").status(), "what a preparation stored, checked by an auditor");
        assertEquals(404, fetch(sha, "clerk").status());
    }

    private static TestServer.Response fetch(String sha, String who) {
        return s.get("/api/v1/documents/" + sha, who);
    }

    private static long count(JsonNode events, String userId, String outcome) {
        long n = 0;
        for (JsonNode e : events) {
            if (userId.equals(e.path("userId").asText()) && outcome.equals(e.path("outcome").asText())) {
                n++;
            }
        }
        return n;
    }
}
