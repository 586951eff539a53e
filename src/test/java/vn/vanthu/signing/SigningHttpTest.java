package vn.vanthu.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.signing.SigningFixtures.*;

/** Signing with keys the service holds (keystore-samples, seeded by the keys package), through HTTP. */
class SigningHttpTest {
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

    static Stream<Arguments> formats() {
        List<Arguments> out = new ArrayList<>();
        for (String level : List.of("B", "T", "LT", "LTA")) {
            out.add(Arguments.of("PAdES", null, level));
            out.add(Arguments.of("XAdES", "ENVELOPED", level));
            out.add(Arguments.of("XAdES", "ENVELOPING", level));
            out.add(Arguments.of("XAdES", "DETACHED", level));
            out.add(Arguments.of("CAdES", "ENVELOPING", level));
            out.add(Arguments.of("CAdES", "DETACHED", level));
            out.add(Arguments.of("ASiC-E", null, level));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} signed with official1 validates TOTAL_PASSED at its level")
    @MethodSource("formats")
    void signing_with_a_held_key_validates_at_the_requested_level(String format, String packaging, String level) {
        boolean pdf = format.equals("PAdES");
        byte[] data = pdf ? pdf() : xml();
        String name = pdf ? "công văn.pdf" : "cong-van.xml";
        Multipart form = form(format, level, name, pdf ? "application/pdf" : "application/xml", data);
        if (packaging != null) {
            form.field("packaging", packaging);
        }
        TestServer.Response r = sign("official", form, "official1");
        assertEquals(200, r.status(), r.text());
        assertNotNull(r.header("X-Vanthu-Signature-Id"));
        List<DSSDocument> detached = "DETACHED".equals(packaging) ? List.of(new InMemoryDocument(data, name)) : List.of();
        String prefix = format.equals("ASiC-E") ? "XAdES" : format;
        assertAllPassed(validate(r.body(), detached, level.startsWith("LT") ? false : true), prefix + "-BASELINE-" + level);
        if (pdf) {
            assertPdfsigValid(r.body(), 1);
            assertTrue(r.header("Content-Disposition").contains("filename*=UTF-8''c%C3%B4ng%20v%C4%83n-signed.pdf"),
                    r.header("Content-Disposition"));
        }
    }

    @Test
    void the_default_level_is_LT_when_a_timestamping_service_is_configured() {
        TestServer.Response r = sign("official", form("CAdES", null, "a.xml", "application/xml", xml()), "official1");
        assertEquals(200, r.status(), r.text());
        assertAllPassed(validate(r.body(), List.of(), false), "CAdES-BASELINE-LT");
    }

    @Test
    void each_signature_is_audited_with_its_id_level_and_key() {
        TestServer.Response r = sign("official", form("XAdES", "B", "a.xml", "application/xml", xml()), "official1");
        assertEquals(200, r.status(), r.text());
        String id = r.header("X-Vanthu-Signature-Id");
        var events = server.get("/api/v1/audit?action=SIGN&object=" + id, "auditor").json().path("items");
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).path("details").asText().contains("XAdES-BASELINE-B, key official1"), events.toString());
    }

    @Test
    void a_pdf_signed_by_an_official_then_sealed_by_the_clerk_keeps_both_signatures_valid() throws Exception {
        Multipart first = form("PAdES", "LT", "cv.pdf", "application/pdf", pdf())
                .field("visible", "{\"page\":1,\"x\":330,\"y\":640,\"width\":160,\"height\":70,\"image\":\"own\"}")
                .field("reason", "Phê duyệt").field("location", "Thái Bình");
        TestServer.Response official = sign("official", first, "official1");
        assertEquals(200, official.status(), official.text());
        Multipart second = form("PAdES", "LT", "cv.pdf", "application/pdf", official.body())
                .field("visible", "{\"page\":1,\"x\":280,\"y\":620,\"width\":110,\"height\":110,\"image\":\"own\"}");
        TestServer.Response sealed = sign("clerk", second, "seal");
        assertEquals(200, sealed.status(), sealed.text());
        // Incremental update: the official's signed revision is a prefix of the sealed file.
        assertTrue(java.util.Arrays.equals(official.body(), java.util.Arrays.copyOf(sealed.body(), official.body().length)));
        assertEquals(2, assertAllPassed(validate(sealed.body(), List.of(), false), "PAdES-BASELINE-LT"));
        assertPdfsigValid(sealed.body(), 2);
        TestServer.Response third = sign("official", form("PAdES", "B", "cv.pdf", "application/pdf", sealed.body()), "official1");
        assertEquals(200, third.status(), third.text());
        assertEquals(3, assertAllPassed(validate(third.body(), List.of(), true), null));
        assertPdfsigValid(third.body(), 3);
    }

    @Test
    void a_visible_signature_sits_exactly_where_requested_and_renders_vietnamese_text() throws Exception {
        float x = 72.5f, y = 100, w = 200, h = 60;
        String text = "Ký bởi: Nguyễn Hữu Thắng — PHÓ GIÁM ĐỐC";
        Multipart form = form("PAdES", "B", "cv.pdf", "application/pdf", pdf()).field("visible",
                "{\"page\":1,\"x\":" + x + ",\"y\":" + y + ",\"width\":" + w + ",\"height\":" + h + ",\"image\":\"none\",\"text\":\"" + text + "\"}");
        TestServer.Response r = sign("official", form, "official1");
        assertEquals(200, r.status(), r.text());
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            PDSignatureField field = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(0);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            PDRectangle rect = widget.getRectangle();
            float pageHeight = doc.getPage(0).getMediaBox().getHeight();
            assertEquals(x, rect.getLowerLeftX(), 0.01);
            assertEquals(pageHeight - y, rect.getUpperRightY(), 0.01);
            assertEquals(w, rect.getWidth(), 0.01);
            assertEquals(h, rect.getHeight(), 0.01);
            assertEquals(doc.getPage(0).getCOSObject(), widget.getPage() == null
                    ? doc.getPage(0).getCOSObject() : widget.getPage().getCOSObject());
            String shown = appearanceText(widget.getNormalAppearanceStream());
            assertTrue(shown.replaceAll("\\s+", " ").contains("Nguyễn Hữu Thắng"), shown);
            assertTrue(shown.contains("PHÓ GIÁM ĐỐC"), shown);
        }
        assertPdfsigValid(r.body(), 1);
    }

    @Test
    void the_signed_revision_renders_exactly_like_the_final_lt_document() throws Exception {
        Multipart form = form("PAdES", "LT", "cv.pdf", "application/pdf", pdf())
                .field("visible", "{\"page\":1,\"x\":330,\"y\":640,\"width\":160,\"height\":70,\"image\":\"own\"}");
        TestServer.Response r = sign("official", form, "official1");
        assertEquals(200, r.status(), r.text());
        int end;
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            int[] range = doc.getSignatureDictionaries().get(0).getByteRange();
            end = range[2] + range[3];
        }
        assertTrue(end < r.body().length, "LT adds revocation data after the signed revision");
        byte[] signedRevision = java.util.Arrays.copyOf(r.body(), end);
        assertTrue(java.util.Arrays.equals(render(signedRevision), render(r.body())),
                "pdftoppm renders the signed revision and the final document differently");
    }

    /** Page 1 as pdftoppm (poppler, an outside reader) draws it, PPM bytes. */
    private static byte[] render(byte[] pdf) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("render");
        java.nio.file.Path in = dir.resolve("in.pdf");
        java.nio.file.Files.write(in, pdf);
        assertEquals(0, vn.vanthu.support.OutsideTools.run(dir, "pdftoppm", "-r", "60", "-f", "1", "-l", "1",
                in.toString(), dir.resolve("page").toString()).exitCode());
        try (var files = java.nio.file.Files.list(dir)) {
            java.nio.file.Path page = files.filter(f -> f.getFileName().toString().endsWith(".ppm")).findFirst().orElseThrow();
            return java.nio.file.Files.readAllBytes(page);
        }
    }

    /** The text of an appearance stream as a PDF reader extracts it (through the embedded font's ToUnicode). */
    private static String appearanceText(PDAppearanceStream ap) throws Exception {
        try (PDDocument tmp = new PDDocument()) {
            PDPage page = new PDPage(ap.getBBox());
            page.setResources(ap.getResources());
            PDStream content = new PDStream(tmp, ap.getContentStream().createInputStream());
            page.setContents(content);
            tmp.addPage(page);
            return new PDFTextStripper().getText(tmp);
        }
    }
}
