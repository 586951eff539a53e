package vn.vanthu.keys;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.vanthu.signing.SigningFixtures.assertAllPassed;
import static vn.vanthu.signing.SigningFixtures.assertPdfsigValid;
import static vn.vanthu.signing.SigningFixtures.form;
import static vn.vanthu.signing.SigningFixtures.pdf;
import static vn.vanthu.signing.SigningFixtures.validate;

/** Signing with a key on a SoftHSM2 PKCS#11 token, registered and used through HTTP. */
class Pkcs11SigningTest {

    @Test
    void a_pdf_signed_with_a_pkcs11_key_validates_at_level_lt() {
        SoftHsm.Token t = SoftHsm.token();
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String officialId = s.get("/api/v1/users/me", "official").json().get("id").asText();
            TestServer.Response reg = s.postJson("/api/v1/keys", "admin", Map.of("id", "hsm", "owner", officialId,
                    "library", t.library(), "slot", t.slot(), "alias", t.alias(), "pin", SoftHsm.PIN));
            assertEquals(201, reg.status(), reg.text());
            TestServer.Response r = s.postMultipart("/api/v1/signatures", "official",
                    form("PAdES", "LT", "cv.pdf", "application/pdf", pdf()).field("keyId", "hsm").field("pin", SoftHsm.PIN));
            assertEquals(200, r.status(), r.text());
            assertAllPassed(validate(r.body(), List.of(), false), "PAdES-BASELINE-LT");
            assertPdfsigValid(r.body(), 1);
        }
    }
}
