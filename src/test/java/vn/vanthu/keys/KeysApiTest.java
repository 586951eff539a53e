package vn.vanthu.keys;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys API as users see it: who sees which key, registering, using and deleting keys, and /health. */
class KeysApiTest {
    static final Set<String> OFFICIAL_KEYS = Set.of("official1", "expired", "revoked", "notyet", "nokeyusage");

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void each_role_lists_the_keys_it_may_use_and_admin_lists_all(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            String officialId = s.get("/api/v1/users/me", "official").json().path("id").asText();

            JsonNode official = s.get("/api/v1/keys", "official").json();
            assertEquals(OFFICIAL_KEYS, ids(official));
            assertTrue(official.path("nextCursor").isNull());
            JsonNode k = find(official, "official1");
            List<String> fields = new ArrayList<>();
            k.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("id", "owner", "subject", "issuer", "serialNumber", "notBefore", "notAfter", "kind",
                    "status"), fields);
            assertEquals(officialId, k.path("owner").asText());
            assertEquals("PKCS12", k.path("kind").asText());
            assertEquals("ACTIVE", k.path("status").asText());
            assertTrue(k.path("subject").asText().contains("CN=Nguyễn Hữu Thắng"), k.toString());
            assertTrue(k.path("issuer").asText().contains("Issuing CA"), k.toString());
            assertTrue(k.path("serialNumber").asText().matches("[0-9a-f]+"), k.toString());
            assertTrue(Instant.parse(k.path("notBefore").asText()).isBefore(Instant.parse(k.path("notAfter").asText())));
            assertEquals("EXPIRED", find(official, "expired").path("status").asText());
            assertEquals("NOT_YET_VALID", find(official, "notyet").path("status").asText());

            JsonNode clerk = s.get("/api/v1/keys", "clerk").json();
            assertEquals(Set.of("seal"), ids(clerk));
            assertEquals("AGENCY_SEAL", find(clerk, "seal").path("owner").asText());
            assertEquals(Set.of(), ids(s.get("/api/v1/keys", "auditor").json()));

            Set<String> all = new TreeSet<>(OFFICIAL_KEYS);
            all.addAll(Set.of("official2", "seal"));
            assertEquals(all, ids(s.get("/api/v1/keys", "admin").json()));
            assertEquals(401, s.get("/api/v1/keys", null).status());

            JsonNode first = s.get("/api/v1/keys?limit=4", "admin").json();
            assertEquals(4, first.path("items").size());
            JsonNode rest = s.get("/api/v1/keys?limit=4&cursor=" + first.path("nextCursor").asText(), "admin").json();
            assertTrue(rest.path("nextCursor").isNull());
            Set<String> paged = new TreeSet<>(ids(first));
            paged.addAll(ids(rest));
            assertEquals(all, paged);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_key_is_used_only_by_its_owner_and_unknown_keys_are_404(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            assertEquals(200, verify(s, "official", "official1", "123456").status());
            assertEquals(200, verify(s, "clerk", "seal", "123456").status());

            TestServer.Response sealByOfficial = verify(s, "official", "seal", "123456");
            assertEquals(403, sealByOfficial.status());
            assertEquals("KEY_NOT_ALLOWED", sealByOfficial.errorCode());
            TestServer.Response otherOfficial = verify(s, "official", "official2", "123456");
            assertEquals(403, otherOfficial.status());
            assertEquals("KEY_NOT_ALLOWED", otherOfficial.errorCode());
            assertEquals("KEY_NOT_ALLOWED", verify(s, "clerk", "official1", "123456").errorCode());
            assertEquals(403, verify(s, "auditor", "official1", "123456").status());
            assertEquals(403, verify(s, "admin", "official1", "123456").status());

            TestServer.Response unknown = verify(s, "official", "no-such-key", "123456");
            assertEquals(404, unknown.status());
            assertEquals("NOT_FOUND", unknown.errorCode());
            assertEquals("PIN_REQUIRED", s.postJson("/api/v1/keys/official1/verify-pin", "official", "{}").errorCode());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void admin_registers_a_p12_with_an_image_and_its_owner_then_uses_it(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind)) {
            String officialId = s.get("/api/v1/users/me", "official").json().path("id").asText();
            byte[] p12 = Files.readAllBytes(Path.of("keystore-samples/official2.p12"));
            byte[] png = Files.readAllBytes(Path.of("keystore-samples/official2-signature.png"));

            TestServer.Response created = s.postMultipart("/api/v1/keys", "admin", new Multipart()
                    .file("file", "mine.p12", "application/x-pkcs12", p12).field("owner", officialId)
                    .field("id", "official-new").field("pin", "123456")
                    .file("image", "sig.png", "image/png", png));
            assertEquals(201, created.status(), created.text());
            assertEquals("official-new", created.json().path("id").asText());
            assertEquals(officialId, created.json().path("owner").asText());
            assertEquals("ACTIVE", created.json().path("status").asText());
            assertTrue(created.json().path("subject").asText().contains("Trần Thị Mai Hương"));

            assertTrue(ids(s.get("/api/v1/keys", "official").json()).contains("official-new"));
            TestServer.Response used = verify(s, "official", "official-new", "123456");
            assertEquals(200, used.status(), used.text());
            assertEquals("official-new", used.json().path("id").asText());
            assertEquals("KEY_NOT_ALLOWED", verify(s, "clerk", "official-new", "123456").errorCode());

            TestServer.Response again = s.postMultipart("/api/v1/keys", "admin", new Multipart()
                    .file("file", "mine.p12", "application/x-pkcs12", p12).field("owner", officialId)
                    .field("id", "official-new").field("pin", "123456"));
            assertEquals(409, again.status());
            assertEquals("KEY_EXISTS", again.errorCode());
            assertEquals(403, s.postMultipart("/api/v1/keys", "official", new Multipart()
                    .file("file", "mine.p12", "application/x-pkcs12", p12).field("owner", officialId)).status());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void bad_registrations_get_clear_errors(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind)) {
            byte[] p12 = Files.readAllBytes(Path.of("keystore-samples/seal.p12"));
            assertEquals("WRONG_PIN", register(s, new Multipart().file("file", "s.p12", "application/x-pkcs12", p12)
                    .field("owner", "AGENCY_SEAL").field("pin", "000000")).errorCode());
            assertEquals("PIN_REQUIRED", register(s, new Multipart().file("file", "s.p12", "application/x-pkcs12", p12)
                    .field("owner", "AGENCY_SEAL")).errorCode());
            assertEquals("UNKNOWN_OWNER", register(s, new Multipart().file("file", "s.p12", "application/x-pkcs12", p12)
                    .field("owner", "nobody").field("pin", "123456")).errorCode());
            assertEquals("INVALID_IMAGE", register(s, new Multipart().file("file", "s.p12", "application/x-pkcs12", p12)
                    .field("owner", "AGENCY_SEAL").field("pin", "123456")
                    .file("image", "x.png", "image/png", "not a png".getBytes())).errorCode());
            TestServer.Response notP12 = register(s, new Multipart().file("file", "s.p12", "application/x-pkcs12",
                    "hello".getBytes()).field("owner", "AGENCY_SEAL").field("pin", "123456"));
            assertEquals(422, notP12.status());
            assertEquals("INVALID_KEYSTORE", notP12.errorCode());
            TestServer.Response created = register(s, new Multipart().file("file", "s.p12", "application/x-pkcs12", p12)
                    .field("owner", "AGENCY_SEAL").field("pin", "123456"));
            assertEquals(201, created.status(), created.text());
            assertTrue(created.json().path("id").asText().startsWith("key-"), "an id is made when none is given");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void admin_deletes_a_key_and_it_is_gone(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            assertEquals(403, s.delete("/api/v1/keys/nokeyusage", "official").status());
            assertEquals(204, s.delete("/api/v1/keys/nokeyusage", "admin").status());
            assertFalse(ids(s.get("/api/v1/keys", "official").json()).contains("nokeyusage"));
            assertEquals(404, verify(s, "official", "nokeyusage", "123456").status());
            assertEquals(404, s.delete("/api/v1/keys/nokeyusage", "admin").status());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void health_reports_the_key_registry_and_the_earliest_expiry_of_active_keys(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            JsonNode keys = s.get("/health", null).json().path("checks").path("keys");
            assertEquals("UP", keys.path("status").asText());
            List<Instant> active = new ArrayList<>();
            s.get("/api/v1/keys", "admin").json().path("items").forEach(k -> {
                if (k.path("status").asText().equals("ACTIVE")) {
                    active.add(Instant.parse(k.path("notAfter").asText()));
                }
            });
            Instant expected = active.stream().min(Comparator.naturalOrder()).orElseThrow();
            assertEquals(expected, java.time.OffsetDateTime.parse(keys.path("earliestSigningCertificateExpiry").asText()).toInstant());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_restart_on_the_same_database_keeps_the_seeded_keys_once(Databases.Kind kind) {
        Path dataDir;
        Databases.Target db;
        try (TestServer s = TestServer.start(kind)) {
            dataDir = s.dataDir();
            db = s.database();
            assertEquals(7, s.get("/api/v1/keys", "admin").json().path("items").size());
            assertEquals(204, s.delete("/api/v1/keys/official2", "admin").status());
        }
        try (TestServer again = TestServer.start(dataDir, db, Map.of())) {
            assertEquals(7, again.get("/api/v1/keys", "admin").json().path("items").size(), "deleted dev key re-seeded, none doubled");
        }
    }

    static TestServer.Response verify(TestServer s, String user, String keyId, String pin) {
        return s.postJson("/api/v1/keys/" + keyId + "/verify-pin", user, Map.of("pin", pin));
    }

    private static TestServer.Response register(TestServer s, Multipart form) {
        return s.postMultipart("/api/v1/keys", "admin", form);
    }

    static Set<String> ids(JsonNode page) {
        Set<String> ids = new TreeSet<>();
        page.path("items").forEach(k -> ids.add(k.path("id").asText()));
        return ids;
    }

    static JsonNode find(JsonNode page, String id) {
        for (JsonNode k : page.path("items")) {
            if (k.path("id").asText().equals(id)) {
                return k;
            }
        }
        throw new AssertionError("No key " + id + " in " + page);
    }
}
