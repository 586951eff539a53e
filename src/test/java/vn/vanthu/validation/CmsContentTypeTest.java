package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file whose content is CMS is validated as CMS, whatever it wraps: a .p7m around a PDF is a CAdES signature. */
class CmsContentTypeTest {
    @Test
    void a_p7m_wrapping_a_pdf_is_validated_as_cades_not_refused_as_a_pdf() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("scripts/samples/cong-van-don-doc-cchc-2023.pdf"));
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            TestServer.Response signed = s.postMultipart("/api/v1/signatures", "official", new Multipart()
                    .file("file", "cong-van.pdf", "application/pdf", pdf).field("format", "CAdES")
                    .field("packaging", "ENVELOPING").field("level", "B").field("keyId", "official1").field("pin", "123456"));
            assertEquals(200, signed.status(), signed.text());
            byte[] p7m = signed.body();
            assertTrue(new String(p7m, 0, Math.min(1024, p7m.length), java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF"),
                    "the PDF's header is within the first kilobyte, as in the files that were refused");

            JsonNode report = Validate.ok(s, "cong-van.pdf.p7m", p7m);
            assertEquals(1, report.path("signaturesCount").asInt(), report.toString());
            assertEquals("TOTAL_PASSED", Validate.firstSignature(report).path("indication").asText(), report.toString());
            assertTrue(Validate.firstSignature(report).path("format").asText().startsWith("CAdES"), report.toString());
        }
    }
}
