package vn.vanthu.keys;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.keys.KeysApiTest.ids;
import static vn.vanthu.keys.KeysApiTest.verify;

/** An admin registers a key on a PKCS#11 token (a fresh SoftHSM2 token) as JSON; its owner then uses it. */
class KeysPkcs11ApiTest {

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void admin_registers_a_token_key_by_label_and_its_owner_uses_it_with_the_token_pin(Databases.Kind kind) {
        SoftHsm.Token token = SoftHsm.token();
        try (TestServer s = TestServer.start(kind)) {
            String officialId = s.get("/api/v1/users/me", "official").json().path("id").asText();
            Map<String, Object> body = registration(officialId, token);
            body.put("tokenLabel", token.label());

            TestServer.Response noPin = s.postJson("/api/v1/keys", "admin", body);
            assertEquals(400, noPin.status(), noPin.text());
            assertEquals("PIN_REQUIRED", noPin.errorCode());

            body.put("pin", SoftHsm.PIN);
            TestServer.Response created = s.postJson("/api/v1/keys", "admin", body);
            assertEquals(201, created.status(), created.text());
            assertEquals("PKCS11", created.json().path("kind").asText());
            assertTrue(created.json().path("subject").asText().contains("CN=Nguyễn Hữu Thắng"));
            assertTrue(ids(s.get("/api/v1/keys", "official").json()).contains("hsm-official"));

            assertEquals(200, verify(s, "official", "hsm-official", SoftHsm.PIN).status());
            TestServer.Response wrong = verify(s, "official", "hsm-official", "000000");
            assertEquals(403, wrong.status());
            assertEquals("WRONG_PIN", wrong.errorCode());
            assertEquals("KEY_NOT_ALLOWED", verify(s, "clerk", "hsm-official", SoftHsm.PIN).errorCode());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Databases.Kind.class, names = "H2")
    void registrations_name_an_allowed_library_and_exactly_one_of_slot_and_label(Databases.Kind kind) {
        SoftHsm.Token token = SoftHsm.token();
        try (TestServer s = TestServer.start(kind)) {
            Map<String, Object> both = registration("AGENCY_SEAL", token);
            both.put("slot", token.slot());
            both.put("tokenLabel", token.label());
            assertEquals("SLOT_OR_LABEL", s.postJson("/api/v1/keys", "admin", both).errorCode());

            Map<String, Object> elsewhere = registration("AGENCY_SEAL", token);
            elsewhere.put("library", "/lib/x86_64-linux-gnu/libc.so.6");
            elsewhere.put("slot", 0);
            TestServer.Response refused = s.postJson("/api/v1/keys", "admin", elsewhere);
            assertEquals(422, refused.status());
            assertEquals("PKCS11_LIBRARY_NOT_ALLOWED", refused.errorCode());

            Map<String, Object> bySlot = registration("AGENCY_SEAL", token);
            bySlot.put("slot", token.slot());
            bySlot.put("pin", SoftHsm.PIN);
            assertEquals(201, s.postJson("/api/v1/keys", "admin", bySlot).status());
            assertEquals(200, verify(s, "clerk", "hsm-official", SoftHsm.PIN).status());
        }
    }

    private static Map<String, Object> registration(String owner, SoftHsm.Token token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "hsm-official");
        body.put("owner", owner);
        body.put("library", token.library());
        body.put("alias", token.alias());
        return body;
    }
}
