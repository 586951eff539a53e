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

/**
 * A business change and its audit event commit together: when the event cannot be written the change is not
 * made either (before, the change stayed and the lost event was only logged), and a successful change has
 * exactly one event, written in its transaction.
 */
class AuditWithChangeTest {

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_change_whose_audit_event_cannot_be_written_is_not_made(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            String clerk = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
            // The chain's head is gone: no event can be appended until it is back.
            s.app().database().jdbi().useHandle(h -> h.execute("DELETE FROM audit_head"));

            var user = s.postJson("/api/v1/users", "admin", Map.of("name", "hoa", "displayName", "Lê Thị Hoa",
                    "roles", List.of("CLERK")));
            assertEquals(500, user.status(), user.text());
            var dossier = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "01.AUDIT", "title", "Hồ sơ",
                    "retention", "10Y", "responsibleUserId", clerk));
            assertEquals(500, dossier.status(), dossier.text());

            assertFalse(s.get("/api/v1/users", "admin").json().path("items").findValuesAsText("login").contains("hoa"));
            assertEquals(0, s.get("/api/v1/dossiers", "clerk").json().path("items").size());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_successful_change_has_one_event_with_its_request_id_and_the_chain_stays_intact(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            String clerk = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
            var created = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "02.AUDIT", "title", "Hồ sơ",
                    "retention", "10Y", "responsibleUserId", clerk));
            assertEquals(201, created.status(), created.text());
            var again = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "02.AUDIT", "title", "Hồ sơ",
                    "retention", "10Y", "responsibleUserId", clerk));
            assertEquals(409, again.status(), again.text());

            JsonNode items = s.get("/api/v1/audit", "auditor").json().path("items");
            assertEquals(2, items.size(), items.toString());
            assertEquals("FAILED", items.get(0).path("outcome").asText());
            assertEquals(again.header("X-Request-Id"), items.get(0).path("requestId").asText());
            JsonNode opened = items.get(1);
            assertEquals(List.of("DOSSIER_OPEN", "SUCCESS", created.json().path("id").asText(), created.header("X-Request-Id"), clerk),
                    List.of(opened.path("action").asText(), opened.path("outcome").asText(), opened.path("object").asText(),
                            opened.path("requestId").asText(), opened.path("userId").asText()));
            assertEquals(true, s.get("/api/v1/audit/verify", "auditor").json().path("intact").asBoolean());
        }
    }
}
