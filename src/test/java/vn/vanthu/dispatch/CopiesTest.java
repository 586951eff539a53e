package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Electronic copies: sealed top-right, numbered in their own yearly series; a sao y only of a paper original. */
class CopiesTest {
    private static TestServer s;
    private static String issuedId;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2);
        issuedId = DispatchFixtures.signedDraft(s, "KH");
        assertEquals(200, DispatchFixtures.issue(s, issuedId).status());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static Multipart seal(Multipart m) {
        return m.field("keyId", "seal").field("pin", DispatchFixtures.PIN);
    }

    @Test
    void a_sao_y_of_an_electronic_original_is_refused_naming_the_allowed_forms() {
        String original = DispatchFixtures.signedDraft(s, "TB");
        assertEquals(200, DispatchFixtures.issue(s, original).status());
        TestServer.Response r = s.postMultipart("/api/v1/copies", "clerk",
                seal(new Multipart().field("source", original).field("form", "SY")));
        assertEquals(422, r.status(), r.text());
        assertEquals("COPY_FORM_NOT_ALLOWED", r.errorCode());
        assertTrue(r.text().contains("paper original") && r.text().contains("digitizationId"), r.text());
        var history = s.get("/api/v1/dispatches/" + original, "auditor").json().path("history").findValuesAsText("action");
        assertFalse(history.contains("COPIED"), "nothing was copied: " + history);
    }

    @Test
    void a_sao_y_of_a_scanned_paper_original_is_sealed_top_right_in_the_copy_series() throws Exception {
        TestServer.Response r = s.postMultipart("/api/v1/copies", "clerk", seal(new Multipart()
                .file("file", "ban-goc-giay.pdf", "application/pdf", DispatchPdf.congVan("GIÁM ĐỐC", "Lê Văn An")).field("form", "SY")));
        assertEquals(201, r.status(), r.text());
        assertTrue(r.header("X-Copy-Number").matches("\\d{2,}/SY-SKHCN"), r.header("X-Copy-Number"));
        assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(r.body()));
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            var fields = doc.getSignatureFields();
            var rect = fields.get(fields.size() - 1).getWidgets().get(0).getRectangle();
            var page = doc.getPage(0).getMediaBox();
            assertTrue(rect.getLowerLeftX() > page.getWidth() / 2 && rect.getUpperRightY() > page.getHeight() * 0.9, rect.toString());
            assertTrue(doc.getSignatureDictionaries().get(0).getReason().startsWith("SAO Y"));
        }
    }

    @Test
    void copies_of_scans_and_extracts_number_in_their_own_series_and_bad_requests_are_refused() throws Exception {
        TestServer.Response first = s.postMultipart("/api/v1/copies", "clerk", seal(new Multipart()
                .file("file", "scan.pdf", "application/pdf", DispatchPdf.congVan("GIÁM ĐỐC", "Lê Văn An")).field("form", "SL")));
        assertEquals(201, first.status(), first.text());
        TestServer.Response extract = s.postMultipart("/api/v1/copies", "clerk", seal(new Multipart()
                .field("source", issuedId).field("form", "TrS").field("pages", "2")));
        assertEquals(201, extract.status(), extract.text());
        try (PDDocument doc = Loader.loadPDF(extract.body())) {
            assertEquals(1, doc.getNumberOfPages());
        }
        assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(extract.body()));
        var history = s.get("/api/v1/dispatches/" + issuedId, "auditor").json().path("history").findValuesAsText("action");
        assertTrue(history.contains("COPIED"), history.toString());
        int a = Integer.parseInt(first.header("X-Copy-Number").split("/")[0]);
        int b = Integer.parseInt(extract.header("X-Copy-Number").split("/")[0]);
        assertEquals(1, Math.abs(a - b), "one yearly series for copies, separate from outgoing numbers");

        assertEquals(400, s.postMultipart("/api/v1/copies", "clerk", seal(new Multipart().field("source", issuedId)
                .field("form", "XX"))).status());
        assertEquals(400, s.postMultipart("/api/v1/copies", "clerk", seal(new Multipart().field("source", issuedId)
                .field("form", "TrS"))).status());
        assertEquals(422, s.postMultipart("/api/v1/copies", "clerk", seal(new Multipart().field("source", issuedId)
                .field("form", "TrS").field("pages", "3-9"))).status());
        String draft = DispatchFixtures.create(s, "TB", DispatchPdf.draft("TB")).json().path("id").asText();
        assertEquals(409, s.postMultipart("/api/v1/copies", "clerk", seal(new Multipart().field("source", draft)
                .field("form", "TrS").field("pages", "1"))).status());
        TestServer.Response wrongPin = s.postMultipart("/api/v1/copies", "clerk", new Multipart().field("source", issuedId)
                .field("form", "TrS").field("pages", "1").field("keyId", "seal").field("pin", "000000"));
        assertEquals(403, wrongPin.status());
    }
}
