package vn.vanthu.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Reads of documents and drafts leave an audit event: who read what, when. */
class ReadAuditTest {

    @Test
    void reading_a_document_or_a_draft_is_audited_with_the_reader_and_the_object() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            TestServer.Response stored = s.postMultipart("/api/v1/documents", "clerk", new Multipart()
                    .file("file", "to-trinh.txt", "text/plain", "Tờ trình số 12".getBytes(StandardCharsets.UTF_8)));
            assertEquals(201, stored.status(), stored.text());
            String sha = stored.json().path("sha256").asText();
            assertEquals(200, s.get("/api/v1/documents/" + sha, "auditor").status());
            String auditor = s.get("/api/v1/users/me", "auditor").json().path("id").asText();

            JsonNode read = only(s, "DOCUMENT_READ", sha);
            assertEquals(auditor, read.path("userId").asText(), read.toString());
            assertEquals("SUCCESS", read.path("outcome").asText());
            assertFalse(read.path("at").asText().isEmpty());

            String draft = DispatchFixtures.create(s, "CV", DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"))
                    .json().path("id").asText();
            assertEquals(200, s.get("/api/v1/dispatches/" + draft + "/file", "auditor").status());
            assertEquals(auditor, only(s, "DISPATCH_READ", draft).path("userId").asText());
        }
    }

    private static JsonNode only(TestServer s, String action, String object) {
        JsonNode items = s.get("/api/v1/audit?action=" + action + "&object=" + object, "auditor").json().path("items");
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
