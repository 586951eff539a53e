package vn.vanthu.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.vanthu.App;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;
import vn.vanthu.support.ThrowawayPki;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two profiles as a user starts them: production (the jar on its own) and dev (scripts/run.sh). */
class ProfilesTest {
    private static final Path SAMPLES = Path.of("keystore-samples").toAbsolutePath();

    /** Production settings with a throw-away CA and seal; the development PKI folder exists but must stay unused. */
    private static Map<String, String> production(Path dir) {
        ThrowawayPki pki = ThrowawayPki.write(dir);
        Map<String, String> env = new HashMap<>(Map.of("VANTHU_PROFILE", "production",
                "VANTHU_TRUST_ANCHORS", pki.caPem().toString(),
                "VANTHU_REPORT_SEAL_KEYSTORE", pki.sealP12().toString(), "VANTHU_REPORT_SEAL_PASSWORD", pki.password()));
        env.put("VANTHU_DEV_PKI_DIR", SAMPLES.toString());
        return env;
    }

    @Test
    void production_starts_with_its_anchors_and_seal_shows_its_profile_and_has_no_development_routes_or_demo_users(
            @TempDir Path dir) {
        try (TestServer s = TestServer.start(Databases.Kind.H2, production(dir))) {
            TestServer.Response health = s.get("/health", null);
            assertEquals(200, health.status(), health.text());
            assertEquals("production", health.json().path("profile").asText());
            assertEquals(1, health.json().path("checks").path("trustAnchors").path("count").asInt());
            assertEquals(404, s.send(s.request("/pki/ocsp", null).header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x30, 0x00})).build()).status());
            assertEquals(404, s.get("/pki/certs/root-ca.crt", null).status());
            assertFalse(Files.exists(s.dataDir().resolve("demo-tokens.json")), "no demo users, no tokens file");
            assertEquals(401, s.get("/api/v1/users/me", null).status());
        }
    }

    @Test
    void the_dev_profile_shows_dev_and_serves_the_development_pki_and_the_demo_users() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            TestServer.Response health = s.get("/health", null);
            assertEquals("dev", health.json().path("profile").asText());
            assertEquals("UP", health.json().path("status").asText(), "the existing fields stay");
            assertEquals(200, s.get("/pki/certs/root-ca.crt", null).status());
            assertEquals(200, s.get("/api/v1/users/me", "clerk").status());
        }
    }

    @Test
    void a_development_certificate_among_production_anchors_stops_start_up_naming_it(@TempDir Path dir) throws Exception {
        Map<String, String> env = production(dir);
        env.put("VANTHU_DATA_DIR", Files.createDirectory(dir.resolve("data")).toString());
        for (String devCert : new String[] {"root-ca.crt", "official1.crt"}) {
            Path anchor = SAMPLES.resolve(devCert);
            env.put("VANTHU_TRUST_ANCHORS", env.get("VANTHU_TRUST_ANCHORS").split(",")[0] + "," + anchor);
            var e = assertThrows(ConfigException.class, () -> App.create(ConfigLoader.load(env)).close());
            assertTrue(e.getMessage().contains(anchor.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("development PKI"), e.getMessage());
            assertTrue(e.getMessage().contains("VANTHU_TRUST_ANCHORS"), e.getMessage());
        }
    }

    @Test
    void the_development_seal_stops_a_production_start_naming_the_seal_setting(@TempDir Path dir) throws Exception {
        Map<String, String> env = production(dir);
        env.put("VANTHU_DATA_DIR", Files.createDirectory(dir.resolve("data")).toString());
        env.put("VANTHU_REPORT_SEAL_KEYSTORE", SAMPLES.resolve("seal.p12").toString());
        env.put("VANTHU_REPORT_SEAL_PASSWORD", "123456");
        var e = assertThrows(ConfigException.class, () -> App.create(ConfigLoader.load(env)).close());
        assertTrue(e.getMessage().contains("VANTHU_REPORT_SEAL_KEYSTORE"), e.getMessage());
        assertTrue(e.getMessage().contains("development PKI"), e.getMessage());
    }

    @Test
    void the_main_entry_point_alone_refuses_to_start_and_names_the_missing_settings(@TempDir Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "vn.vanthu.Main");
        pb.environment().keySet().removeIf(k -> k.startsWith("VANTHU_"));
        pb.environment().put("VANTHU_DATA_DIR", dir.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        boolean stopped = p.waitFor(60, TimeUnit.SECONDS);
        if (!stopped) {
            p.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertTrue(stopped, "it stops by itself: " + err);
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.startsWith("vanthu: The production profile needs VANTHU_TRUST_ANCHORS"), err);
        assertTrue(err.contains("VANTHU_REPORT_SEAL_KEYSTORE"), err);
        assertFalse(Files.exists(dir.resolve("demo-tokens.json")));
    }
}
