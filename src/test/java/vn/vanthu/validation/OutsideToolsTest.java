package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.validation.Validate.firstSignature;
import static vn.vanthu.validation.Validate.ok;
import static vn.vanthu.validation.Validate.verdict;

/** Files signed by tools nobody here wrote (openssl cms, xmlsec1) with the development PKI's official1 key. */
class OutsideToolsTest {
    static TestServer server;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Databases.Kind.H2);
        dir = Files.createTempDirectory("outside");
        String p12 = SignedFiles.SAMPLES.resolve("official1.p12").toString();
        OutsideKeys.run(dir, "openssl", "pkcs12", "-in", p12, "-passin", "pass:123456", "-nocerts", "-nodes", "-out", "key.pem");
        OutsideKeys.run(dir, "openssl", "pkcs12", "-in", p12, "-passin", "pass:123456", "-clcerts", "-nokeys", "-out", "cert.pem");
        OutsideKeys.run(dir, "openssl", "pkcs12", "-in", p12, "-passin", "pass:123456", "-cacerts", "-nokeys", "-out", "chain.pem");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void openssl_cms_cades_detached_signature_passes_with_its_original_and_not_without() throws Exception {
        Files.writeString(dir.resolve("data.txt"), "Quyết định số 15/QĐ-UBND\n");
        OutsideKeys.run(dir, "openssl", "cms", "-sign", "-binary", "-cades", "-md", "sha256", "-in", "data.txt",
                "-signer", "cert.pem", "-inkey", "key.pem", "-certfile", "chain.pem", "-outform", "DER", "-out", "data.p7s");
        byte[] p7s = Files.readAllBytes(dir.resolve("data.p7s"));
        byte[] data = Files.readAllBytes(dir.resolve("data.txt"));
        TestServer.Response r = server.postMultipart("/api/v1/validations", "clerk", new Multipart()
                .file("file", "data.p7s", "application/pkcs7-signature", p7s)
                .file("original", "data.txt", "text/plain", data));
        assertEquals(200, r.status(), r.text());
        JsonNode sig = firstSignature(r.json());
        assertEquals("TOTAL_PASSED", sig.path("indication").asText(), r.text());
        assertTrue(sig.path("format").asText().startsWith("CAdES"), sig.toString());
        assertEquals("INDETERMINATE/SIGNED_DATA_NOT_FOUND", verdict(ok(server, "data.p7s", p7s)));
    }

    @Test
    void xmlsec1_enveloped_xmldsig_is_reported_and_one_changed_character_loses_the_signer() throws Exception {
        Files.writeString(dir.resolve("tmpl.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<congVan><so>15/QD</so>"
                + "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<Reference URI=\"\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
                + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference></SignedInfo>"
                + "<SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature></congVan>\n", StandardCharsets.UTF_8);
        OutsideKeys.run(dir, "xmlsec1", "--sign", "--privkey-pem", "key.pem,cert.pem", "--output", "signed.xml", "tmpl.xml");
        String signed = Files.readString(dir.resolve("signed.xml"), StandardCharsets.UTF_8);

        // Plain XMLDSig is not an AdES signature: intact, DSS's default policy still wants a signed signing time.
        JsonNode intact = ok(server, "signed.xml", signed.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, intact.path("signaturesCount").asInt(), intact.toString());
        assertEquals("XML-NOT-ETSI", firstSignature(intact).path("format").asText());
        assertEquals("Nguyễn Hữu Thắng", firstSignature(intact).path("signedBy").asText());
        assertEquals("INDETERMINATE/SIG_CONSTRAINTS_FAILURE", verdict(intact), intact.toString());
        assertTrue(firstSignature(intact).path("errors").toString().contains("signing-time"), intact.toString());

        // Tampered: with no signed reference to its certificate, DSS 6.4 can no longer tie the signer to it.
        byte[] tampered = signed.replace("15/QD", "16/QD").getBytes(StandardCharsets.UTF_8);
        JsonNode broken = ok(server, "signed.xml", tampered);
        assertEquals("INDETERMINATE/NO_SIGNING_CERTIFICATE_FOUND", verdict(broken), broken.toString());
        assertEquals(0, broken.path("validSignaturesCount").asInt());
    }
}
