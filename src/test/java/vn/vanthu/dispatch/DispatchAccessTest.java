package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Accounts;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who sees and changes which dispatch. An invisible dispatch answers 404 (as if it did not exist: its existence
 * is not told); a visible one the caller may not change answers 403.
 */
class DispatchAccessTest {

    @Test
    void a_second_official_can_neither_see_nor_attach_to_another_officials_draft_but_an_auditor_reads_it() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String id = draft(s, "official", false);
            String official2 = Accounts.token(s, "official2");
            assertEquals(404, s.get("/api/v1/dispatches/" + id, official2).status());
            assertEquals(404, s.get("/api/v1/dispatches/" + id + "/file", official2).status());
            TestServer.Response attach = attach(s, id, official2);
            assertEquals(404, attach.status(), attach.text());
            assertFalse(listed(s, official2, id), "not in the second official's list either");

            assertEquals(200, s.get("/api/v1/dispatches/" + id, "auditor").status());
            assertEquals(200, s.get("/api/v1/dispatches/" + id + "/file", "auditor").status());
            assertTrue(listed(s, "auditor", id));
            assertEquals(200, s.get("/api/v1/dispatches/" + id, "official").status(), "the creator and signer sees it");
        }
    }

    @Test
    void only_the_creator_or_a_clerk_adds_an_appendix_the_named_signer_gets_403() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String official2 = Accounts.token(s, "official2");
            String id = draft(s, official2, false);   // created by official2, to be signed by official
            TestServer.Response bySigner = attach(s, id, "official");
            assertEquals(403, bySigner.status(), bySigner.text());
            assertEquals("NOT_ALLOWED", bySigner.errorCode());
            assertEquals(201, attach(s, id, official2).status());
            assertEquals(201, attach(s, id, "clerk").status());
        }
    }

    @Test
    void a_secret_dispatch_is_hidden_from_auditors_unless_the_setting_names_them() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String id = draft(s, "clerk", true);
            assertEquals(404, s.get("/api/v1/dispatches/" + id, "auditor").status());
            assertFalse(listed(s, "auditor", id));
            assertEquals(200, s.get("/api/v1/dispatches/" + id, "clerk").status(), "CLERK is named by default");
            assertEquals(200, s.get("/api/v1/dispatches/" + id, "official").status(), "the named signer sees their own");
            assertEquals(404, s.get("/api/v1/dispatches/" + id, Accounts.token(s, "official2")).status());
        }
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_SECRET_ROLES", "CLERK,AUDITOR"))) {
            String id = draft(s, "clerk", true);
            assertEquals(200, s.get("/api/v1/dispatches/" + id, "auditor").status());
            assertTrue(listed(s, "auditor", id));
        }
    }

    /** A draft created by {@code creator} (a demo name or a token), to be signed by the demo official. */
    static String draft(TestServer s, String creator, boolean secret) {
        String metadata = DispatchFixtures.metadata(s, "CV", "V/v bảo đảm an toàn thông tin năm 2026")
                .replace("\"secret\":false", "\"secret\":" + secret);
        TestServer.Response r = s.postMultipart("/api/v1/dispatches", creator, new Multipart()
                .file("file", "cong-van.pdf", "application/pdf", DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"))
                .field("metadata", metadata));
        assertEquals(201, r.status(), r.text());
        return r.json().path("id").asText();
    }

    private static TestServer.Response attach(TestServer s, String id, String user) {
        return s.postMultipart("/api/v1/dispatches/" + id + "/attachments", user, new Multipart()
                .file("file", "phu-luc.pdf", "application/pdf", DispatchPdf.appendix("PHỤ LỤC I")));
    }

    private static boolean listed(TestServer s, String user, String id) {
        // the year of its creation, as the service's register counts it
        String year = s.get("/api/v1/dispatches/" + id, "clerk").json().path("createdAt").asText().substring(0, 4);
        for (JsonNode d : s.get("/api/v1/dispatches?limit=500&year=" + year, user).json().path("items")) {
            if (id.equals(d.path("id").asText())) {
                return true;
            }
        }
        return false;
    }
}
