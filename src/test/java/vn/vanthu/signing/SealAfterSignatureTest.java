package vn.vanthu.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.signing.SigningFixtures.form;
import static vn.vanthu.signing.SigningFixtures.pdf;
import static vn.vanthu.signing.SigningFixtures.xml;

/** The agency seal goes on a PDF only after a person of the agency has signed it (Decree 30 Art. 32.2.d). */
class SealAfterSignatureTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestServer.Response sign(String user, Multipart form, String keyId) {
        return server.postMultipart("/api/v1/signatures", user, form.field("keyId", keyId).field("pin", "123456"));
    }

    @Test
    void sealing_an_unsigned_draft_gives_409_produces_nothing_and_is_audited() {
        Multipart unsigned = form("PAdES", "B", "draft.pdf", "application/pdf", pdf())
                .field("visible", "{\"page\":1,\"x\":280,\"y\":620,\"width\":110,\"height\":110,\"image\":\"own\"}");
        TestServer.Response r = sign("clerk", unsigned, "seal");
        assertEquals(409, r.status(), r.text());
        assertEquals("NOT_SIGNED_BY_OFFICIAL", r.json().path("errors").path(0).path("code").asText());
        assertEquals(null, r.header("X-Vanthu-Signature-Id"));
        JsonNode events = server.get("/api/v1/audit?action=SEAL_REFUSED&object=seal", "auditor").json().path("items");
        assertEquals(1, events.size(), events.toString());
        assertEquals("FAILED", events.get(0).path("outcome").asText(), events.toString());
    }

    @Test
    void the_seal_does_not_sign_xml_even_after_an_official_signed_it() {
        TestServer.Response official = sign("official", form("XAdES", "B", "a.xml", "application/xml", xml())
                .field("packaging", "ENVELOPED"), "official1");
        assertEquals(200, official.status(), official.text());
        TestServer.Response r = sign("clerk", form("XAdES", "B", "a.xml", "application/xml", official.body())
                .field("packaging", "ENVELOPED"), "seal");
        assertEquals(409, r.status(), r.text());
        assertEquals("NOT_SIGNED_BY_OFFICIAL", r.json().path("errors").path(0).path("code").asText());
    }

    @Test
    void a_pdf_signed_by_an_official_of_this_agency_may_be_sealed() {
        TestServer.Response official = sign("official", form("PAdES", "B", "cv.pdf", "application/pdf", pdf()), "official1");
        assertEquals(200, official.status(), official.text());
        TestServer.Response sealed = sign("clerk", form("PAdES", "B", "cv.pdf", "application/pdf", official.body()), "seal");
        assertEquals(200, sealed.status(), sealed.text());
    }

    @Test
    void a_key_registered_as_agency_seal_is_held_to_the_rule_whoever_owns_it() throws Exception {
        String officialId = null;
        for (JsonNode k : server.get("/api/v1/keys?limit=100", "official").json().path("items")) {
            if (k.path("id").asText().equals("official1")) {
                officialId = k.path("owner").asText();
            }
        }
        byte[] p12 = Files.readAllBytes(Path.of("keystore-samples/seal.p12"));
        TestServer.Response created = server.postMultipart("/api/v1/keys", "admin", new Multipart()
                .file("file", "seal.p12", "application/x-pkcs12", p12).field("owner", officialId)
                .field("id", "office-seal").field("pin", "123456").field("purpose", "AGENCY_SEAL"));
        assertEquals(201, created.status(), created.text());
        TestServer.Response r = sign("official", form("PAdES", "B", "draft.pdf", "application/pdf", pdf()), "office-seal");
        assertEquals(409, r.status(), r.text());
        assertEquals("NOT_SIGNED_BY_OFFICIAL", r.json().path("errors").path(0).path("code").asText());
    }

    @Test
    void the_agency_holds_no_personal_key_and_an_unknown_purpose_is_refused() throws Exception {
        byte[] p12 = Files.readAllBytes(Path.of("keystore-samples/official2.p12"));
        TestServer.Response personal = server.postMultipart("/api/v1/keys", "admin", new Multipart()
                .file("file", "o.p12", "application/x-pkcs12", p12).field("owner", "AGENCY_SEAL")
                .field("id", "agency-personal").field("pin", "123456").field("purpose", "PERSONAL"));
        assertEquals(422, personal.status(), personal.text());
        assertEquals("INVALID_PURPOSE", personal.json().path("errors").path(0).path("code").asText());
        TestServer.Response odd = server.postMultipart("/api/v1/keys", "admin", new Multipart()
                .file("file", "o.p12", "application/x-pkcs12", p12).field("owner", "AGENCY_SEAL")
                .field("id", "agency-odd").field("pin", "123456").field("purpose", "STAMP"));
        assertEquals(400, odd.status(), odd.text());
        assertTrue(odd.text().contains("purpose"), odd.text());
    }
}
