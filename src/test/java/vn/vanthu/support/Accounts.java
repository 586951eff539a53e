package vn.vanthu.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * More callers for access tests: the demo user official2 (who has no token in the file), or a new user of
 * given roles, each with a bearer token issued by the admin.
 *
 * <pre>{@code String official2 = Accounts.token(s, "official2"); s.get(path, official2);   // a vt_… token}</pre>
 */
public final class Accounts {
    private Accounts() {}

    /** A fresh token of an existing user, by login name. */
    public static String token(TestServer s, String login) {
        return issue(s, id(s, login), Map.of("label", "test"));
    }

    /** Creates the user with these roles and returns a token of theirs. */
    public static String create(TestServer s, String login, String... roles) {
        TestServer.Response r = s.postJson("/api/v1/users", "admin", Map.of("name", login,
                "displayName", "Người dùng " + login, "roles", List.of(roles)));
        assertEquals(201, r.status(), r.text());
        return issue(s, r.json().path("id").asText(), Map.of("label", "test"));
    }

    public static String id(TestServer s, String login) {
        for (JsonNode u : s.get("/api/v1/users", "admin").json().path("items")) {
            if (login.equals(u.path("login").asText())) {
                return u.path("id").asText();
            }
        }
        throw new IllegalArgumentException("No user " + login);
    }

    public static String issue(TestServer s, String userId, Map<String, Object> body) {
        TestServer.Response r = s.postJson("/api/v1/users/" + userId + "/tokens", "admin", body);
        assertEquals(201, r.status(), r.text());
        return r.json().path("token").asText();
    }
}
