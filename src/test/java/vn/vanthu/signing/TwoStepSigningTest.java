package vn.vanthu.signing;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.signing.SigningFixtures.*;

/** Two-step signing through HTTP: the test holds official1's private key and signs dataToSign itself. */
class TwoStepSigningTest {
    static TestServer server;
    static final Key OFFICIAL1 = key("official1");

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} signed in two steps validates TOTAL_PASSED at its level")
    @MethodSource("vn.vanthu.signing.SigningHttpTest#formats")
    void two_step_signature_validates_at_the_requested_level(String format, String packaging, String level) {
        boolean pdf = format.equals("PAdES");
        byte[] data = pdf ? pdf() : xml();
        String name = pdf ? "cong-van.pdf" : "cong-van.xml";
        Multipart form = form(format, level, name, pdf ? "application/pdf" : "application/xml", data);
        if (packaging != null) {
            form.field("packaging", packaging);
        }
        if (format.equals("ASiC-E")) {
            form.file("file", "phu-luc.pdf", "application/pdf", pdf());
        }
        TestServer.Response r = twoStep(server, "official", form, OFFICIAL1);
        assertEquals(200, r.status(), r.text());
        assertNotNull(r.header("X-Vanthu-Signature-Id"));
        assertTrue(r.header("Content-Disposition").startsWith("attachment; filename="), r.header("Content-Disposition"));
        String expectedType = switch (format) {
            case "PAdES" -> "application/pdf";
            case "XAdES" -> "application/xml";
            case "CAdES" -> "application/pkcs7-signature";
            default -> "application/vnd.etsi.asic-e+zip";
        };
        assertTrue(r.header("Content-Type").startsWith(expectedType), r.header("Content-Type"));
        List<DSSDocument> detached = "DETACHED".equals(packaging) ? List.of(new InMemoryDocument(data, name)) : List.of();
        String prefix = format.equals("ASiC-E") ? "XAdES" : format;
        assertAllPassed(validate(r.body(), detached, true), prefix + "-BASELINE-" + level);
        if (level.startsWith("LT")) {
            // LT and LTA embed what validation needs: they verify without any network or responder.
            assertAllPassed(validate(r.body(), detached, false), prefix + "-BASELINE-" + level);
        }
        if (pdf) {
            assertPdfsigValid(r.body(), 1);
        }
    }

    @Test
    void a_signature_value_that_does_not_verify_gives_422_and_the_preparation_can_still_be_completed() {
        JsonNode p = prepare(server, "official", form("CAdES", "B", "a.xml", "application/xml", xml()), OFFICIAL1);
        byte[] wrong = OFFICIAL1.sign("something else".getBytes());
        TestServer.Response bad = complete(server, "official", p.get("preparationId").asText(), wrong);
        assertEquals(422, bad.status(), bad.text());
        assertEquals("INVALID_SIGNATURE_VALUE", bad.errorCode());
        byte[] right = OFFICIAL1.sign(Base64.getDecoder().decode(p.get("dataToSign").asText()));
        assertEquals(200, complete(server, "official", p.get("preparationId").asText(), right).status());
    }

    @Test
    void a_preparation_is_single_use() {
        JsonNode p = prepare(server, "official", form("XAdES", "B", "a.xml", "application/xml", xml()), OFFICIAL1);
        byte[] value = OFFICIAL1.sign(Base64.getDecoder().decode(p.get("dataToSign").asText()));
        assertEquals(200, complete(server, "official", p.get("preparationId").asText(), value).status());
        TestServer.Response again = complete(server, "official", p.get("preparationId").asText(), value);
        assertEquals(410, again.status(), again.text());
    }

    @Test
    void another_user_cannot_complete_my_preparation() {
        JsonNode p = prepare(server, "official", form("XAdES", "B", "a.xml", "application/xml", xml()), OFFICIAL1);
        byte[] value = OFFICIAL1.sign(Base64.getDecoder().decode(p.get("dataToSign").asText()));
        assertEquals(404, complete(server, "clerk", p.get("preparationId").asText(), value).status());
    }

    @Test
    void an_expired_preparation_gives_410() throws Exception {
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_PREPARATION_TTL_SECONDS", "1"))) {
            JsonNode p = prepare(s, "official", form("XAdES", "B", "a.xml", "application/xml", xml()), OFFICIAL1);
            assertEquals("SHA256", p.get("digestAlgorithm").asText());
            assertEquals("RSA_SHA256", p.get("signatureAlgorithm").asText());
            Thread.sleep(1500);
            byte[] value = OFFICIAL1.sign(Base64.getDecoder().decode(p.get("dataToSign").asText()));
            TestServer.Response r = complete(s, "official", p.get("preparationId").asText(), value);
            assertEquals(410, r.status(), r.text());
            assertEquals("PREPARATION_EXPIRED", r.errorCode());
        }
    }

    static JsonNode prepare(TestServer s, String user, Multipart form, Key key) {
        TestServer.Response r = s.postMultipart("/api/v1/signatures/prepare", user, form.field("certificate", key.pem()));
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    static TestServer.Response complete(TestServer s, String user, String id, byte[] value) {
        return s.postJson("/api/v1/signatures/" + id + "/complete", user, Map.of("signatureValue", b64(value)));
    }

    static TestServer.Response twoStep(TestServer s, String user, Multipart form, Key key) {
        TestServer.Response r = s.postMultipart("/api/v1/signatures/prepare", user, form.field("certificate", key.pem()));
        if (r.status() != 200) {
            return r;
        }
        JsonNode p = r.json();
        byte[] value = key.sign(Base64.getDecoder().decode(p.get("dataToSign").asText()));
        return complete(s, user, p.get("preparationId").asText(), value);
    }
}
