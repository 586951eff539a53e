package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The official signs with a key the server never sees: prepare, sign locally, complete; then the clerk issues. */
class DispatchTwoStepTest {
    @Test
    void a_client_held_key_signs_the_draft_in_two_steps_and_the_issued_dispatch_validates() throws Exception {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            String id = DispatchFixtures.create(s, "QĐ", DispatchPdf.draft("QĐ"))
                    .json().path("id").asText();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of("keystore-samples/official1.p12"))) {
                ks.load(in, DispatchFixtures.PIN.toCharArray());
            }
            StringBuilder pem = new StringBuilder();
            for (Certificate c : ks.getCertificateChain("official1")) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            JsonNode p = s.postJson("/api/v1/dispatches/" + id + "/sign/prepare", "official",
                    Map.of("certificate", pem.toString())).json();
            assertEquals("SHA256", p.path("digestAlgorithm").asText().replace("-", ""), p.toString());

            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign((PrivateKey) ks.getKey("official1", DispatchFixtures.PIN.toCharArray()));
            rsa.update(Base64.getDecoder().decode(p.path("dataToSign").asText()));
            String value = Base64.getEncoder().encodeToString(rsa.sign());

            String completePath = "/api/v1/dispatches/" + id + "/sign/" + p.path("preparationId").asText() + "/complete";
            assertEquals(404, s.postJson("/api/v1/dispatches/" + id + "/sign/unknown/complete", "official",
                    Map.of("signatureValue", value)).status());
            assertEquals(403, s.postJson(completePath, "clerk", Map.of("signatureValue", value)).status());
            TestServer.Response done = s.postJson(completePath, "official", Map.of("signatureValue", value));
            assertEquals(200, done.status(), done.text());
            assertEquals("SIGNED", done.json().path("status").asText());
            assertEquals(409, s.postJson(completePath, "official", Map.of("signatureValue", value)).status(),
                    "a signed dispatch is not signed again");

            assertEquals(200, DispatchFixtures.issue(s, id).status());
            byte[] pdf = s.get("/api/v1/dispatches/" + id + "/file", "auditor").body();
            assertEquals(List.of("TOTAL_PASSED", "TOTAL_PASSED"), DispatchFixtures.dssIndications(pdf));
        }
    }
}
