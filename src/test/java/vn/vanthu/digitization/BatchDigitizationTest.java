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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paper dossier of two one-page documents (a PNG and a JPEG at 200 dpi, the lowest the rules allow), digitized
 * in one job: both end searchable, and the JPEG's bytes are in the result unchanged.
 */
class BatchDigitizationTest {
    private static TestServer server;
    private static byte[] jpeg;
    private static JsonNode accepted;
    private static JsonNode job;

    @BeforeAll
    static void digitize() throws Exception {
        Digitize.requireOcr();
        server = TestServer.start(Databases.Kind.H2);
        jpeg = Scans.jpeg(Scans.samplePage(2, 200, 1.0, 5), 200);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ho-so/trang-1.png", Scans.png(Scans.samplePage(1, 200, -1.0, 4), 200));
        entries.put("ho-so/trang-2.jpg", jpeg);
        String csv = BatchRefusalsTest.HEADER
                + "ho-so/trang-1.png,125/SKHCN-VP,2023-04-10,Sở Khoa học và Công nghệ,CV,\"V/v đôn đốc, cải cách hành chính\",1\n"
                + "ho-so/trang-2.jpg,,,,CV,Trang 2,1\n";
        TestServer.Response r = BatchRefusalsTest.send(server, BatchRefusalsTest.zip(entries), csv);
        assertEquals(202, r.status(), r.text());
        accepted = r.json();
        job = Digitize.awaitJob(server, accepted.path("jobId").asText(), Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static byte[] result(int i) {
        TestServer.Response pdf = server.get("/api/v1/digitizations/" + accepted.path("digitizationIds").path(i).asText()
                + "/file", "clerk");
        assertEquals(200, pdf.status(), pdf.text());
        return pdf.body();
    }

    @Test
    void one_job_digitizes_every_document_of_the_dossier() {
        assertEquals("DONE", job.path("state").asText(), job.toString());
        assertEquals(2, job.path("done").asInt());
        assertEquals(2, job.path("total").asInt());
        assertEquals(2, accepted.path("digitizationIds").size());
    }

    @Test
    void each_document_is_searchable_on_its_own() throws IOException {
        assertTrue(text(result(0)).contains("cải cách hành chính"));
        assertTrue(text(result(1)).contains("thủ tục hành chính"));
    }

    @Test
    void a_jpeg_scan_is_kept_byte_for_byte_up_to_its_end_marker() throws IOException {
        try (PDDocument doc = Loader.loadPDF(result(1))) {
            PDPage page = doc.getPage(0);
            byte[] kept = null;
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                    try (InputStream in = img.getCOSObject().createRawInputStream()) {
                        kept = in.readAllBytes();
                    }
                }
            }
            // Ghostscript passes the JPEG through and writes one more end-of-image marker (FF D9) after it.
            assertArrayEquals(jpeg, Arrays.copyOf(kept, jpeg.length));
            byte[] tail = Arrays.copyOfRange(kept, jpeg.length, kept.length);
            assertTrue(tail.length == 0 || Arrays.equals(tail, new byte[]{(byte) 0xFF, (byte) 0xD9}), Arrays.toString(tail));
        }
    }

    private static String text(byte[] pdf) throws IOException {
        Path f = Files.createTempFile("vanthu-batch", ".pdf");
        try {
            Files.write(f, pdf);
            return OutsideTools.run(null, "pdftotext", f.toString(), "-").output();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void accepting_a_suggestion_replaces_only_that_field_and_a_field_page_one_did_not_offer_is_422() {
        String path = "/api/v1/digitizations/" + accepted.path("digitizationIds").path(0).asText();
        JsonNode before = server.get(path, "clerk").json();
        String organ = before.path("suggestions").path("issuingOrgan").asText(null);
        assertTrue(organ != null && !organ.isBlank(), before.toString());
        TestServer.Response r = server.postJson(path + "/suggestions/accept", "clerk", Map.of("fields", java.util.List.of("issuingOrgan")));
        assertEquals(200, r.status(), r.text());
        assertEquals(organ, r.json().path("metadata").path("issuingOrgan").asText());
        assertEquals("125/SKHCN-VP", r.json().path("metadata").path("numberSymbol").asText());
        TestServer.Response none = server.postJson(path + "/suggestions/accept", "clerk", Map.of("fields", java.util.List.of("documentDate")));
        assertEquals(422, none.status(), none.text());
        assertEquals("NO_SUGGESTION", none.errorCode());
    }
}
