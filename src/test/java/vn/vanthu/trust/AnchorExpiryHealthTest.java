package vn.vanthu.trust;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;
import vn.vanthu.support.ThrowawayPki;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /health warns a month before a trust anchor or the service's seal certificate expires and is DOWN once one has
 * (both live a year here).
 */
class AnchorExpiryHealthTest {
    private static JsonNode healthOn(ThrowawayPki pki, Duration later, int expectedStatus) {
        Clock clock = Clock.offset(Clock.system(ZoneOffset.UTC), later);
        Map<String, String> env = Map.of("VANTHU_TRUST_ANCHORS", pki.caPem().toString(),
                "VANTHU_REPORT_SEAL_KEYSTORE", pki.sealP12().toString(), "VANTHU_REPORT_SEAL_PASSWORD", pki.password());
        try (TestServer s = TestServer.start(Databases.Kind.H2, env, clock)) {
            TestServer.Response r = s.get("/health", null);
            assertEquals(expectedStatus, r.status(), r.text());
            return r.json();
        }
    }

    @Test
    void health_is_up_then_warns_within_thirty_days_of_an_anchor_s_or_the_seal_s_expiry_then_is_down_after_it() throws Exception {
        ThrowawayPki pki = ThrowawayPki.write(Files.createTempDirectory("anchor"));
        JsonNode now = healthOn(pki, Duration.ZERO, 200);
        assertEquals("UP", now.path("checks").path("trustAnchors").path("status").asText(), now.toString());
        assertEquals("UP", now.path("checks").path("sealCertificate").path("status").asText(), now.toString());

        JsonNode soon = healthOn(pki, Duration.ofDays(350), 200);
        assertEquals("WARN", soon.path("status").asText(), soon.toString());
        assertEquals("WARN", soon.path("checks").path("trustAnchors").path("status").asText());
        assertTrue(soon.path("checks").path("trustAnchors").path("expiresWithin30Days").toString().contains("Throw-away Test CA"));
        assertTrue(soon.path("checks").path("sealCertificate").path("expiresWithin30Days").toString().contains("Throw-away Test Seal"));

        JsonNode after = healthOn(pki, Duration.ofDays(400), 503);
        assertEquals("DOWN", after.path("status").asText(), after.toString());
        assertTrue(after.path("checks").path("trustAnchors").path("expired").toString().contains("Throw-away Test CA"));
        assertEquals("DOWN", after.path("checks").path("sealCertificate").path("status").asText(), after.toString());
    }
}
