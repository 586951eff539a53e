package vn.vanthu.users;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.Accounts;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer tokens expire (90 days, or their own expiresInDays) and show when they were last used. */
class TokenExpiryTest {

    /** The service's clock, moved by the test. */
    @Test
    void a_token_issued_for_one_day_is_refused_after_the_day_like_a_revoked_one() {
        TestClock clock = TestClock.starting(Instant.parse("2026-12-01T02:00:00Z"));
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of(), clock)) {
            String userId = Accounts.id(s, "official");
            String token = Accounts.issue(s, userId, Map.of("label", "laptop", "expiresInDays", 1));
            assertEquals(200, s.get("/api/v1/users/me", token).status());
            JsonNode listed = tokenNamed(s, userId, "laptop");
            assertEquals(Instant.parse("2026-12-02T02:00:00Z"), instant(listed.path("expiresAt")));
            assertFalse(listed.path("lastUsedAt").isNull(), listed.toString());
            assertTrue(listed.has("createdAt") && listed.has("revokedAt"), "the existing fields stay");

            clock.advance(Duration.ofDays(1).plusSeconds(1));
            TestServer.Response expired = s.get("/api/v1/users/me", token);
            assertEquals(401, expired.status(), expired.text());
            assertEquals(200, s.get("/api/v1/users/me", "official").status(), "a demo token lasts 90 days");
        }
    }

    @Test
    void an_expiry_outside_one_to_3650_days_is_refused() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            TestServer.Response r = s.postJson("/api/v1/users/" + Accounts.id(s, "official") + "/tokens", "admin",
                    Map.of("expiresInDays", 0));
            assertEquals(400, r.status(), r.text());
            assertEquals("INVALID_EXPIRY", r.errorCode());
        }
    }

    @Test
    void last_use_is_written_at_most_once_a_minute() {
        TestClock clock = TestClock.starting(Instant.parse("2026-12-01T02:00:00Z"));
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of(), clock)) {
            String userId = Accounts.id(s, "official");
            String token = Accounts.issue(s, userId, Map.of("label", "script"));
            s.get("/api/v1/users/me", token);
            String first = tokenNamed(s, userId, "script").path("lastUsedAt").asText();
            clock.advance(Duration.ofSeconds(30));
            s.get("/api/v1/users/me", token);
            assertEquals(first, tokenNamed(s, userId, "script").path("lastUsedAt").asText(), "not within the minute");
            clock.advance(Duration.ofSeconds(31));
            s.get("/api/v1/users/me", token);
            assertEquals(OffsetDateTime.parse(first).toInstant().plusSeconds(61),
                    instant(tokenNamed(s, userId, "script").path("lastUsedAt")));
        }
    }

    @Test
    void a_development_service_started_months_later_still_answers_its_demo_tokens() {
        TestClock clock = TestClock.starting(Instant.parse("2026-12-01T02:00:00Z"));
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of(), clock)) {
            String official = s.token("official");
            TestClock later = TestClock.starting(clock.instant().plus(Duration.ofDays(200)));
            try (TestServer again = TestServer.start(s.dataDir(), s.database(), Map.of(), later)) {
                assertEquals(official, again.token("official"), "the tokens file is kept");
                assertEquals(200, again.get("/api/v1/users/me", "official").status());
            }
        }
    }

    private static Instant instant(JsonNode t) {
        return OffsetDateTime.parse(t.asText()).toInstant();
    }

    private static JsonNode tokenNamed(TestServer s, String userId, String label) {
        for (JsonNode t : s.get("/api/v1/users/" + userId + "/tokens", "admin").json().path("items")) {
            if (label.equals(t.path("label").asText())) {
                return t;
            }
        }
        throw new AssertionError("No token " + label);
    }
}
