package vn.vanthu.incoming;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.validation.SignedFiles;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.incoming.IncomingFixtures.metadata;

/** Direction and handling (Art. 23-24): assigned, listed for the assignee, progress, results; secret documents. */
class IncomingHandlingTest {
    private static TestServer s;
    private static String handler;
    private static String official;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2);
        handler = IncomingFixtures.userId(s, "handler");
        official = IncomingFixtures.userId(s, "official");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void a_directed_document_is_assigned_listed_for_its_handler_marked_in_progress_and_filed_by_the_lead() {
        String id = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("31/UBND-KT", "NORMAL", false));
        var directed = direct(id, handler, List.of(official), in(5));
        assertEquals(200, directed.status(), directed.text());
        assertEquals("ASSIGNED", directed.json().path("status").asText());
        assertEquals(handler, directed.json().path("direction").path("leadUserId").asText());
        assertEquals(in(5), directed.json().path("deadline").asText());

        assertTrue(ids(s.get("/api/v1/incoming?assignee=me", "handler")).contains(id));
        assertTrue(ids(s.get("/api/v1/incoming?assignee=me&status=ASSIGNED", "official")).contains(id), "cooperating");
        assertFalse(ids(s.get("/api/v1/incoming?assignee=me&status=DONE", "handler")).contains(id));

        var progress = s.postJson("/api/v1/incoming/" + id + "/progress", "handler", Map.of("note", "Đang tổng hợp ý kiến"));
        assertEquals("IN_PROGRESS", progress.json().path("status").asText(), progress.text());
        var byCooperator = s.postJson("/api/v1/incoming/" + id + "/complete", "official", Map.of("result", "FILED", "note", "x"));
        assertEquals(403, byCooperator.status(), byCooperator.text());
        assertEquals("NOT_LEAD", byCooperator.errorCode());
        var done = s.postJson("/api/v1/incoming/" + id + "/complete", "handler", Map.of("result", "FILED", "note", "Lưu để biết"));
        assertEquals(200, done.status(), done.text());
        assertEquals("DONE", done.json().path("status").asText());
        assertEquals("FILED", done.json().path("result").asText());
        assertTrue(ids(s.get("/api/v1/incoming?assignee=me&status=DONE", "handler")).contains(id));
        assertEquals(409, s.postJson("/api/v1/incoming/" + id + "/complete", "handler", Map.of("result", "FILED")).status());
    }

    @Test
    void an_answer_names_an_issued_outgoing_dispatch() {
        String id = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("32/UBND-KT", "NORMAL", false));
        assertEquals(200, direct(id, handler, List.of(), in(3)).status());
        var noDispatch = s.postJson("/api/v1/incoming/" + id + "/complete", "handler", Map.of("result", "ANSWERED"));
        assertEquals(400, noDispatch.status());
        assertEquals("dispatchId", noDispatch.json().path("errors").path(0).path("field").asText());
        String reply = DispatchFixtures.signedDraft(s, "CV");
        var notIssued = s.postJson("/api/v1/incoming/" + id + "/complete", "handler", Map.of("result", "ANSWERED", "dispatchId", reply));
        assertEquals(409, notIssued.status(), notIssued.text());
        assertEquals(200, DispatchFixtures.issue(s, reply).status());
        var answered = s.postJson("/api/v1/incoming/" + id + "/complete", "handler", Map.of("result", "ANSWERED", "dispatchId", reply));
        assertEquals(200, answered.status(), answered.text());
        assertEquals(reply, answered.json().path("handling").path("dispatchId").asText());
    }

    @Test
    void a_direction_needs_a_registered_document_an_enabled_handler_and_a_deadline_not_past() {
        var received = IncomingFixtures.receive(s, SignedFiles.pdf(1), metadata("33/UBND-KT", "NORMAL", false));
        String unregistered = received.json().path("id").asText();
        assertEquals(409, direct(unregistered, handler, List.of(), in(3)).status());
        String id = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("34/UBND-KT", "NORMAL", false));
        var clerkAsLead = direct(id, IncomingFixtures.userId(s, "clerk"), List.of(), in(3));
        assertEquals(422, clerkAsLead.status(), clerkAsLead.text());
        assertEquals("leadUserId", clerkAsLead.json().path("errors").path(0).path("field").asText());
        var past = direct(id, handler, List.of(), in(-1));
        assertEquals(422, past.status());
        assertEquals("DEADLINE_PASSED", past.errorCode());
        var stranger = direct(id, "no-such-user", List.of(), in(3));
        assertEquals("UNKNOWN_USER", stranger.errorCode());
        var notAssignee = s.postJson("/api/v1/incoming/" + id + "/progress", "handler", "");
        assertEquals(403, notAssignee.status());
    }

    @Test
    void a_secret_document_is_seen_only_by_clerks_the_directing_official_and_its_assignees_and_has_its_own_register() {
        String plain = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("35/UBND-KT", "NORMAL", false));
        String secret = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("36/UBND-M", "NORMAL", true));
        assertEquals(1, s.get("/api/v1/incoming/" + secret, "clerk").json().path("incomingNumber").asLong(), "its own series");
        assertEquals("SECRET", s.get("/api/v1/incoming/" + secret, "clerk").json().path("register").asText());
        for (String user : List.of("auditor", "handler", "official", "admin")) {
            assertEquals(404, s.get("/api/v1/incoming/" + secret, user).status(), user);
            assertFalse(ids(s.get("/api/v1/incoming?limit=500", user)).contains(secret), user);
        }
        assertTrue(ids(s.get("/api/v1/incoming?limit=500", "auditor")).contains(plain));
        assertFalse(s.get("/api/v1/registers/incoming", "auditor").text().contains(secret));
        assertEquals(403, s.get("/api/v1/registers/incoming?secret=true", "auditor").status());
        assertTrue(s.get("/api/v1/registers/incoming?secret=true", "clerk").text().contains(secret));

        assertEquals(200, direct(secret, handler, List.of(), in(2)).status(), "handed over by its id");
        assertEquals(200, s.get("/api/v1/incoming/" + secret, "handler").status());
        assertEquals(200, s.get("/api/v1/incoming/" + secret, "official").status());
        assertEquals(404, s.get("/api/v1/incoming/" + secret, "auditor").status());
    }

    @Test
    void list_pages_follow_the_cursor_without_repeating_an_item() {
        for (int i = 0; i < 3; i++) {
            IncomingFixtures.receive(s, SignedFiles.pdf(1), metadata("4" + i + "/SYT-KH", "NORMAL", false));
        }
        var first = s.get("/api/v1/incoming?limit=2", "clerk").json();
        assertEquals(2, first.path("items").size());
        var second = s.get("/api/v1/incoming?limit=2&cursor=" + first.path("nextCursor").asText(), "clerk").json();
        assertFalse(ids(first).contains(second.path("items").path(0).path("id").asText()));
        assertEquals(400, s.get("/api/v1/incoming?status=LOST", "clerk").status());
        assertEquals(403, s.get("/api/v1/incoming?assignee=" + official, "handler").status(), "a handler asks for their own");
    }

    private static TestServer.Response direct(String id, String lead, List<String> cooperating, String deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("leadUserId", lead);
        body.put("cooperatingUserIds", cooperating);
        body.put("deadline", deadline);
        body.put("comment", "Giao phòng Kế hoạch chủ trì, báo cáo trước hạn");
        return s.postJson("/api/v1/incoming/" + id + "/direct", "official", body);
    }

    private static String in(int days) {
        return VietnamTime.today(Clock.systemUTC()).plusDays(days).toString();
    }

    private static List<String> ids(TestServer.Response r) {
        assertEquals(200, r.status(), r.text());
        return ids(r.json());
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }
}
