package vn.vanthu.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailTest {

    private static void makeEvents(TestServer s, int n) {
        for (int i = 0; i < n; i++) {
            s.postJson("/api/v1/users", "admin", Map.of("name", "user" + i, "displayName", "Người dùng " + i,
                    "roles", List.of("CLERK")));
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void state_changing_requests_are_recorded_with_who_what_outcome_and_request_id(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            var created = s.postJson("/api/v1/users", "admin", Map.of("name", "hoa", "displayName", "Lê Thị Hoa",
                    "roles", List.of("CLERK")));
            var denied = s.postJson("/api/v1/users", "clerk", Map.of("name", "x", "displayName", "x", "roles", List.of("ADMIN")));
            assertEquals(403, denied.status());

            JsonNode items = s.get("/api/v1/audit", "auditor").json().path("items");
            assertEquals(2, items.size());
            JsonNode first = items.get(1);
            assertEquals("SUCCESS", first.path("outcome").asText());
            assertEquals("POST /api/v1/users", first.path("action").asText());
            assertEquals(created.json().path("id").asText(), first.path("object").asText());
            assertEquals(created.header("X-Request-Id"), first.path("requestId").asText());
            assertEquals("DENIED", items.get(0).path("outcome").asText());

            String adminId = s.get("/api/v1/users/me", "admin").json().path("id").asText();
            JsonNode byAdmin = s.get("/api/v1/audit?userId=" + adminId, "admin").json().path("items");
            assertEquals(1, byAdmin.size());
            assertEquals(0, s.get("/api/v1/audit?from=2099-01-01T00:00:00%2B07:00", "auditor").json().path("items").size());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void the_list_pages_newest_first_with_a_cursor(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            makeEvents(s, 5);
            JsonNode page1 = s.get("/api/v1/audit?limit=2", "auditor").json();
            assertEquals(List.of(5L, 4L), ids(page1));
            JsonNode page2 = s.get("/api/v1/audit?limit=2&cursor=" + page1.path("nextCursor").asText(), "auditor").json();
            assertEquals(List.of(3L, 2L), ids(page2));
            JsonNode page3 = s.get("/api/v1/audit?limit=2&cursor=" + page2.path("nextCursor").asText(), "auditor").json();
            assertEquals(List.of(1L), ids(page3));
            assertTrue(page3.path("nextCursor").isNull());
        }
    }

    private static List<Long> ids(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                .map(n -> n.path("id").asLong()).toList();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void editing_an_audit_row_in_the_database_breaks_the_chain_at_that_row(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            makeEvents(s, 5);
            assertEquals(true, s.get("/api/v1/audit/verify", "auditor").json().path("intact").asBoolean());
            s.app().database().jdbi().useHandle(h -> h.execute("UPDATE audit_events SET outcome = 'SUCCESS', action = 'nothing' WHERE seq = 3"));
            JsonNode v = s.get("/api/v1/audit/verify", "auditor").json();
            assertFalse(v.path("intact").asBoolean());
            assertEquals(3, v.path("firstBrokenEventId").asLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void deleting_an_audit_row_breaks_the_chain_at_that_row(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            makeEvents(s, 5);
            s.app().database().jdbi().useHandle(h -> h.execute("DELETE FROM audit_events WHERE seq = 2"));
            JsonNode v = s.get("/api/v1/audit/verify", "admin").json();
            assertFalse(v.path("intact").asBoolean());
            assertEquals(2, v.path("firstBrokenEventId").asLong());

            s.app().database().jdbi().useHandle(h -> h.execute("DELETE FROM audit_events WHERE seq >= 2"));
            JsonNode tail = s.get("/api/v1/audit/verify", "admin").json();
            assertFalse(tail.path("intact").asBoolean(), "removing the newest events is caught too");
            assertEquals(2, tail.path("firstBrokenEventId").asLong());
        }
    }
}
