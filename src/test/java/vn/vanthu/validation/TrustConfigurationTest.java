package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.App;
import vn.vanthu.config.ConfigException;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.validation.Validate.ok;
import static vn.vanthu.validation.Validate.verdict;

/** Through HTTP: trust anchors, the dev PKI switch, revocation online/offline, named policies. */
class TrustConfigurationTest {
    static byte[] signedB;
    static byte[] signedLt;

    @BeforeAll
    static void sign() {
        signedB = SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        signedLt = SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_LT, new Date());
    }

    @Test
    void health_shows_the_trust_anchors_with_count_and_earliest_expiry() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            JsonNode check = s.get("/health", null).json().path("checks").path("trustAnchors");
            assertEquals("UP", check.path("status").asText());
            assertEquals(1, check.path("count").asInt());
            assertTrue(check.path("earliestExpiry").asText().startsWith("20"), check.toString());
        }
    }

    @Test
    void online_revocation_is_fetched_for_a_b_level_signature_and_the_verdict_is_total_passed() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            assertEquals("TOTAL_PASSED/null", verdict(ok(s, "b.pdf", signedB)));
        }
    }

    @Test
    void without_the_dev_pki_and_anchors_health_is_down_and_nothing_chains_to_a_trusted_root() {
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_DEV_PKI", "false", "VANTHU_REVOCATION", "offline"))) {
            TestServer.Response health = s.get("/health", null);
            assertEquals(503, health.status());
            assertEquals("DOWN", health.json().path("checks").path("trustAnchors").path("status").asText());
            assertEquals("INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND", verdict(ok(s, "lt.pdf", signedLt)));
        }
    }

    @Test
    void offline_mode_with_a_configured_anchor_uses_only_what_the_file_embeds() {
        String root = SignedFiles.SAMPLES.resolve("root-ca.crt").toString();
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_DEV_PKI", "false",
                "VANTHU_REVOCATION", "offline", "VANTHU_TRUST_ANCHORS", root))) {
            assertEquals("TOTAL_PASSED/null", verdict(ok(s, "lt.pdf", signedLt)), "LT embeds its revocation data");
            JsonNode b = ok(s, "b.pdf", signedB);
            assertNotEquals("TOTAL_PASSED", b.path("signatures").path(0).path("indication").asText(),
                    "a B-level signature has no revocation data and none may be fetched");
        }
    }

    @Test
    void a_named_policy_from_the_policy_folder_is_used_when_asked_for() throws Exception {
        Path dir = Files.createTempDirectory("policies");
        try (InputStream in = Policies.class.getResourceAsStream("/policy/constraint.xml")) {
            Files.write(dir.resolve("agency.xml"), in.readAllBytes());
        }
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_POLICY_DIR", dir.toString()))) {
            JsonNode r = ok(s, "b.pdf", signedB, "policy", "agency");
            assertEquals("agency", r.path("policy").asText());
            assertEquals("TOTAL_PASSED/null", verdict(r));
        }
    }

    @Test
    void an_unreadable_trust_anchor_stops_the_service_from_starting() throws Exception {
        Path bad = Files.createTempFile("anchor", ".pem");
        Files.writeString(bad, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
        Path data = Files.createTempDirectory("vanthu-bad");
        ConfigException e = assertThrows(ConfigException.class, () -> App.create(ConfigLoader.load(Map.of(
                "VANTHU_PROFILE", "dev", "VANTHU_TRUST_ANCHORS", bad.toString(), "VANTHU_DATA_DIR", data.toString(),
                "VANTHU_DEV_PKI_DIR", SignedFiles.SAMPLES.toString()))));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    }
}
