package vn.vanthu.users;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.store.RecentLookups;
import vn.vanthu.support.Accounts;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersAndTokensTest {

    @Test
    void me_answers_id_name_and_roles_for_every_demo_user() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            for (String user : List.of("official", "clerk", "auditor", "admin")) {
                JsonNode me = s.get("/api/v1/users/me", user).json();
                assertFalse(me.path("id").asText().isEmpty());
                assertEquals(user.toUpperCase(), me.path("roles").get(0).asText());
            }
            assertEquals("Nguyễn Hữu Thắng", s.get("/api/v1/users/me", "official").json().path("name").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void admin_creates_a_user_with_several_roles_issues_a_token_and_revokes_it(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            var created = s.postJson("/api/v1/users", "admin", Map.of("name", "hung", "displayName", "Đỗ Văn Hùng",
                    "roles", List.of("CLERK", "AUDITOR")));
            assertEquals(201, created.status(), created.text());
            String id = created.json().path("id").asText();

            var issued = s.postJson("/api/v1/users/" + id + "/tokens", "admin", Map.of("label", "laptop"));
            assertEquals(201, issued.status());
            String token = issued.json().path("token").asText();
            JsonNode me = s.get("/api/v1/users/me", token).json();
            assertEquals("Đỗ Văn Hùng", me.path("name").asText());
            assertEquals(2, me.path("roles").size());
            assertEquals(200, s.get("/api/v1/audit", token).status(), "the AUDITOR role admits the audit list");

            String storedHashes = s.app().database().jdbi().withHandle(h ->
                    String.join(",", h.createQuery("SELECT token_hash FROM tokens").mapTo(String.class).list()));
            assertFalse(storedHashes.contains(token), "tokens are stored only as hashes");
            assertFalse(s.get("/api/v1/users/" + id + "/tokens", "admin").text().contains(token));

            String tokenId = issued.json().path("id").asText();
            assertEquals(204, s.delete("/api/v1/users/" + id + "/tokens/" + tokenId, "admin").status());
            assertEquals(401, s.get("/api/v1/users/me", token).status());
            assertEquals(404, s.delete("/api/v1/users/" + id + "/tokens/" + tokenId, "admin").status());
        }
    }

    @Test
    void a_token_revoked_through_one_instance_is_refused_by_the_other_within_a_second() throws Exception {
        try (TestServer a = TestServer.start(Databases.Kind.H2);
             TestServer b = TestServer.start(a.dataDir(), a.database(), Map.of())) {
            String userId = Accounts.id(a, "official");
            String token = Accounts.issue(a, userId, Map.of("label", "phone"));
            String tokenId = a.get("/api/v1/users/" + userId + "/tokens", "admin").json().findParents("label").stream()
                    .filter(t -> t.path("label").asText().equals("phone")).findFirst().orElseThrow().path("id").asText();
            assertEquals(200, b.get("/api/v1/users/me", token).status(), "B has just found the token valid");

            assertEquals(204, a.delete("/api/v1/users/" + userId + "/tokens/" + tokenId, "admin").status());
            assertEquals(401, a.get("/api/v1/users/me", token).status(), "the instance that revoked it refuses it at once");
            Thread.sleep(RecentLookups.RECHECK.toMillis());
            assertEquals(401, b.get("/api/v1/users/me", token).status(), "B looks it up again after a second");
        }
    }

    @Test
    void a_disabled_user_gets_401_until_enabled_again() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String clerkId = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
            assertEquals(200, s.postJson("/api/v1/users/" + clerkId + "/disable", "admin", "").status());
            assertEquals(401, s.get("/api/v1/users/me", "clerk").status());
            assertEquals(200, s.postJson("/api/v1/users/" + clerkId + "/enable", "admin", "").status());
            assertEquals(200, s.get("/api/v1/users/me", "clerk").status());
        }
    }

    @Test
    void bad_user_requests_name_the_field() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            var badName = s.postJson("/api/v1/users", "admin", Map.of("name", "Bad Name!", "displayName", "x", "roles", List.of("CLERK")));
            assertEquals(400, badName.status());
            assertEquals("name", badName.json().path("errors").get(0).path("field").asText());
            var noRoles = s.postJson("/api/v1/users", "admin", Map.of("name", "ok1", "displayName", "x", "roles", List.of()));
            assertEquals("roles", noRoles.json().path("errors").get(0).path("field").asText());
            var badRole = s.postJson("/api/v1/users", "admin", "{\"name\":\"ok2\",\"displayName\":\"x\",\"roles\":[\"KING\"]}");
            assertEquals(400, badRole.status());
            var dup = s.postJson("/api/v1/users", "admin", Map.of("name", "clerk", "displayName", "x", "roles", List.of("CLERK")));
            assertEquals(409, dup.status());
            assertEquals(404, s.get("/api/v1/users/nobody", "admin").status());
            assertEquals(401, s.get("/api/v1/users/me", "vt_not-a-real-token").status());
        }
    }

    @Test
    void a_second_start_reuses_the_data_and_the_demo_tokens_file_is_private() throws Exception {
        TestServer first = TestServer.start(Databases.Kind.H2);
        String token = first.token("clerk");
        String before = Files.readString(first.dataDir().resolve("demo-tokens.json"));
        first.close();
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(first.dataDir().resolve("demo-tokens.json"))));
        assertTrue(before.contains("\"official\"") && before.contains("\"clerk\"")
                && before.contains("\"auditor\"") && before.contains("\"admin\""));

        try (TestServer second = TestServer.start(first.dataDir(), first.database(), Map.of())) {
            assertEquals(before, Files.readString(second.dataDir().resolve("demo-tokens.json")));
            assertEquals(200, second.get("/api/v1/users/me", token).status());
        }
    }
}
