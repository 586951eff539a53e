package vn.vanthu.signing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.signing.SigningFixtures.*;

/** What signing refuses, and how clearly: each case is one request that produces nothing. */
class SigningRefusalsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestServer.Response sign(String user, Multipart form, String keyId, String pin) {
        return server.postMultipart("/api/v1/signatures", user, form.field("keyId", keyId).field("pin", pin));
    }

    static TestServer.Response signPdf(byte[] data) {
        return sign("official", form("PAdES", "B", "x.pdf", "application/pdf", data), "official1", "123456");
    }

    static void assertError(TestServer.Response r, int status, String code) {
        assertEquals(status, r.status(), r.text());
        assertEquals(code, r.errorCode(), r.text());
        assertTrue(r.header("X-Vanthu-Signature-Id") == null, "nothing is produced");
    }

    @ParameterizedTest(name = "key {0} is refused: {1}")
    @CsvSource({"expired, expired on 2024-01-01", "notyet, not valid before 2030-01-01", "revoked, revoked on 2025-06-01",
            "nokeyusage, key usage"})
    void an_unusable_certificate_gives_422_with_the_reason(String keyId, String reason) {
        TestServer.Response r = sign("official", form("XAdES", "B", "a.xml", "application/xml", xml()), keyId, "123456");
        assertError(r, 422, "CERTIFICATE_NOT_USABLE");
        assertTrue(r.json().path("errors").path(0).path("message").asText().contains(reason), r.text());
    }

    @Test
    void a_revoked_certificate_is_refused_in_two_step_signing_too() {
        Multipart form = form("PAdES", "B", "x.pdf", "application/pdf", pdf()).field("certificate", key("revoked").pem());
        assertError(server.postMultipart("/api/v1/signatures/prepare", "official", form), 422, "CERTIFICATE_NOT_USABLE");
    }

    @Test
    void a_file_that_is_not_a_pdf_gives_422_NOT_A_PDF() {
        assertError(signPdf("hello, not a pdf".getBytes(StandardCharsets.UTF_8)), 422, "NOT_A_PDF");
    }

    @Test
    void a_password_protected_pdf_gives_422() throws Exception {
        byte[] protectedPdf;
        try (PDDocument doc = Loader.loadPDF(pdf()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            protectedPdf = out.toByteArray();
        }
        assertError(signPdf(protectedPdf), 422, "PDF_PASSWORD_PROTECTED");
    }

    @Test
    void xml_with_a_doctype_is_refused_before_parsing() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"boom\">]><a>&x;</a>";
        TestServer.Response r = sign("official", form("XAdES", "B", "a.xml", "application/xml",
                xml.getBytes(StandardCharsets.UTF_8)).field("packaging", "ENVELOPED"), "official1", "123456");
        assertError(r, 422, "XML_DOCTYPE_REFUSED");
    }

    @Test
    void xml_with_an_external_entity_is_refused_and_never_resolved() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE a SYSTEM \"http://127.0.0.1:1/evil.dtd\"><a>&xxe;</a>";
        TestServer.Response r = sign("official", form("ASiC-E", "B", "a.xml", "application/xml",
                xml.getBytes(StandardCharsets.UTF_8)), "official1", "123456");
        assertError(r, 422, "XML_DOCTYPE_REFUSED");
    }

    @ParameterizedTest(name = "enveloped XAdES over {0} gives 422 {1}")
    @CsvSource(delimiter = '|', value = {
            "<a><b></a>|NOT_XML",                                  // malformed after the root's start tag
            "<a>text</a><trailing/>|NOT_XML",                      // a second root element
            "<a>&undeclared;</a>|XML_DOCTYPE_REFUSED",             // an entity without any declaration
            "<a/><!DOCTYPE a [<!ENTITY x \"boom\">]>|NOT_XML",     // a DOCTYPE after the root: not XML at all
            "not xml at all|NOT_XML",
            "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>|XML_IS_A_SIGNATURE"})
    void xml_that_only_fails_after_its_prolog_is_refused_as_before(String xml, String code) {
        TestServer.Response r = sign("official", form("XAdES", "B", "a.xml", "application/xml",
                xml.getBytes(StandardCharsets.UTF_8)).field("packaging", "ENVELOPED"), "official1", "123456");
        assertError(r, 422, code);
    }

    @Test
    void an_empty_file_gives_422_EMPTY_FILE() {
        assertError(signPdf(new byte[0]), 422, "EMPTY_FILE");
    }

    @Test
    void no_file_gives_400() {
        Multipart form = new Multipart().field("format", "PAdES").field("level", "B");
        assertEquals(400, sign("official", form, "official1", "123456").status());
    }

    @Test
    void two_files_for_pades_give_400() {
        Multipart form = form("PAdES", "B", "a.pdf", "application/pdf", pdf()).file("file", "b.pdf", "application/pdf", pdf());
        assertError(sign("official", form, "official1", "123456"), 400, "TOO_MANY_FILES");
    }

    @ParameterizedTest(name = "unknown {0} gives 400 naming the field")
    @CsvSource({"format, PDF", "level, C", "packaging, INSIDE"})
    void an_unknown_value_gives_400_naming_the_field(String field, String value) {
        Multipart form = new Multipart().file("file", "a.xml", "application/xml", xml())
                .field("format", field.equals("format") ? value : "XAdES")
                .field("level", field.equals("level") ? value : "B");
        if (field.equals("packaging")) {
            form.field("packaging", value);
        }
        TestServer.Response r = sign("official", form, "official1", "123456");
        assertEquals(400, r.status(), r.text());
        assertEquals(field, r.json().path("errors").path(0).path("field").asText(), r.text());
    }

    @Test
    void enveloped_cades_gives_400_naming_packaging() {
        TestServer.Response r = sign("official", form("CAdES", "B", "a.xml", "application/xml", xml())
                .field("packaging", "ENVELOPED"), "official1", "123456");
        assertEquals(400, r.status());
        assertEquals("packaging", r.json().path("errors").path(0).path("field").asText());
    }

    @Test
    void a_key_of_another_user_gives_403() {
        assertEquals(403, sign("clerk", form("CAdES", "B", "a.xml", "application/xml", xml()), "official1", "123456").status());
        assertEquals(403, sign("official", form("CAdES", "B", "a.xml", "application/xml", xml()), "seal", "123456").status());
        assertEquals(403, sign("official", form("CAdES", "B", "a.xml", "application/xml", xml()), "official2", "123456").status());
    }

    @Test
    void an_auditor_may_not_sign() {
        assertEquals(403, sign("auditor", form("CAdES", "B", "a.xml", "application/xml", xml()), "seal", "123456").status());
    }

    @Test
    void a_wrong_pin_gives_403_and_counts_toward_the_lockout() {
        // Its own server: the lockout must not leak into the other tests' keys.
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            for (int i = 0; i < 4; i++) {
                TestServer.Response r = s.postMultipart("/api/v1/signatures", "official",
                        form("CAdES", "B", "a.xml", "application/xml", xml()).field("keyId", "official1").field("pin", "000000"));
                assertError(r, 403, "WRONG_PIN");
            }
            s.postMultipart("/api/v1/signatures", "official",
                    form("CAdES", "B", "a.xml", "application/xml", xml()).field("keyId", "official1").field("pin", "000000"));
            TestServer.Response locked = s.postMultipart("/api/v1/signatures", "official",
                    form("CAdES", "B", "a.xml", "application/xml", xml()).field("keyId", "official1").field("pin", "123456"));
            assertEquals(429, locked.status(), locked.text());
            assertEquals("KEY_LOCKED", locked.errorCode());
        }
    }

    @Test
    void an_upload_over_the_limit_gives_413() {
        try (TestServer small = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_MAX_UPLOAD_MB", "1"))) {
            byte[] big = new byte[1_500_000];
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
            Multipart form = form("PAdES", "B", "big.pdf", "application/pdf", big).field("keyId", "official1").field("pin", "123456");
            TestServer.Response r = small.postMultipart("/api/v1/signatures", "official", form);
            assertEquals(413, r.status(), r.text());
        }
    }
}
