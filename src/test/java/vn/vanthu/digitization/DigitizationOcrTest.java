package vn.vanthu.digitization;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One real digitization, done once for the class (the OCR of three pages takes tens of seconds): the sample
 * dispatch scanned at 300 dpi, turned by 1° and speckled, sent as a two-page TIFF and a one-page PNG. The result is
 * checked with tools nobody here wrote (poppler's pdftotext, pdffonts, pdfinfo) and with PDFBox for what a PDF/A-2b
 * must hold (veraPDF is not in Debian).
 */
class DigitizationOcrTest {
    private static TestServer server;
    private static BufferedImage page3;
    private static int earlyFileStatus;
    private static String earlyFileCode;
    private static JsonNode accepted;
    private static JsonNode job;
    private static Path result;

    @BeforeAll
    static void digitize() throws Exception {
        Digitize.requireOcr();
        server = TestServer.start(Databases.Kind.H2);
        BufferedImage page1 = Scans.samplePage(1, 300, 1.0, 1);
        BufferedImage page2 = Scans.samplePage(2, 300, -1.0, 2);
        page3 = Scans.samplePage(1, 300, -1.0, 3);
        TestServer.Response r = Digitize.submit(server, Digitize.metadata(3),
                new Digitize.Scan("trang-1-2.tif", "image/tiff", Scans.tiff(List.of(page1, page2), 300)),
                new Digitize.Scan("trang-3.png", "image/png", Scans.png(page3, 300)));
        assertEquals(202, r.status(), r.text());
        accepted = r.json();
        TestServer.Response early = server.get(file(), "clerk");
        earlyFileStatus = early.status();
        earlyFileCode = early.errorCode();
        job = Digitize.awaitJob(server, accepted.path("jobId").asText(), Duration.ofMinutes(5));
        TestServer.Response pdf = server.get(file(), "clerk");
        assertEquals(200, pdf.status(), pdf.text());
        result = Files.createTempFile("vanthu-digitized", ".pdf");
        Files.write(result, pdf.body());
    }

    private static String file() {
        return "/api/v1/digitizations/" + accepted.path("digitizationId").asText() + "/file";
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (result != null) {
            Files.deleteIfExists(result);
        }
    }

    @Test
    void a_three_page_scan_at_300_dpi_ends_done_with_every_page_counted() {
        assertEquals("DONE", job.path("state").asText(), job.toString());
        assertEquals(3, job.path("done").asInt());
        assertEquals(3, job.path("total").asInt());
        assertEquals(0, job.path("errors").size());
    }

    @Test
    void the_file_is_409_while_the_job_is_not_done() {
        assertEquals(409, earlyFileStatus);
        assertEquals("DIGITIZATION_NOT_READY", earlyFileCode);
    }

    @Test
    void pdftotext_finds_the_vietnamese_text_in_the_result() {
        String text = OutsideTools.run(null, "pdftotext", result.toString(), "-").output();
        assertTrue(text.contains("cải cách hành chính"), text);
    }

    @Test
    void the_result_declares_pdfa_2b_with_an_output_intent_embedded_fonts_and_no_encryption() throws IOException {
        try (PDDocument doc = Loader.loadPDF(result.toFile())) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.matches("(?s).*pdfaid:part(=\"|>)2.*"), xmp);
            assertTrue(xmp.matches("(?s).*pdfaid:conformance(=\"|>)B.*"), xmp);
            assertFalse(doc.getDocumentCatalog().getOutputIntents().isEmpty(), "no OutputIntent");
            assertEquals(3, doc.getNumberOfPages());
        }
        String fonts = OutsideTools.run(null, "pdffonts", result.toString()).output();
        List<String> rows = fonts.lines().skip(2).toList();
        assertFalse(rows.isEmpty(), "the text layer has no font: " + fonts);
        rows.forEach(row -> assertTrue(row.matches(".*\\s+yes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+$"), "not embedded: " + row));
        String info = OutsideTools.run(null, "pdfinfo", result.toString()).output();
        assertTrue(info.contains("Encrypted:       no"), info);
    }

    @Test
    void the_scanned_image_is_kept_pixel_for_pixel() throws IOException {
        try (PDDocument doc = Loader.loadPDF(result.toFile())) {
            BufferedImage kept = largestImage(doc.getPage(2));
            assertEquals(page3.getWidth(), kept.getWidth());
            assertEquals(page3.getHeight(), kept.getHeight());
            int w = page3.getWidth();
            int h = page3.getHeight();
            assertArrayEquals(page3.getRGB(0, 0, w, h, null, 0, w), kept.getRGB(0, 0, w, h, null, 0, w));
        }
    }

    private static BufferedImage largestImage(PDPage page) throws IOException {
        BufferedImage best = null;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject img
                    && (best == null || img.getWidth() * img.getHeight() > best.getWidth() * best.getHeight())) {
                best = img.getImage();
            }
        }
        return best;
    }

    @Test
    void page_one_offers_its_number_symbol_and_issuing_organ_without_applying_them() {
        JsonNode d = server.get("/api/v1/digitizations/" + accepted.path("digitizationId").asText(), "clerk").json();
        assertEquals("DONE", d.path("state").asText());
        assertEquals("/SKHCN-VP", d.path("suggestions").path("numberSymbol").asText(), d.toString());
        assertEquals("SỞ KHOA HỌC VÀ CÔNG NGHỆ", d.path("suggestions").path("issuingOrgan").asText(), d.toString());
        assertEquals("125/SKHCN-VP", d.path("metadata").path("numberSymbol").asText());
        assertEquals("Sở Khoa học và Công nghệ", d.path("metadata").path("issuingOrgan").asText());
    }

    @Test
    void the_job_is_seen_by_its_creator_and_an_admin_only() {
        String path = "/api/v1/jobs/" + accepted.path("jobId").asText();
        assertEquals(200, server.get(path, "admin").status());
        assertEquals(404, server.get(path, "official").status());
    }
}
