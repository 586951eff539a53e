package vn.vanthu.dispatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which copy form may be made from which source (Decree 30 Art. 25). */
class CopyFormsTest {
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

    private static TestServer.Response copy(Multipart m) {
        return s.postMultipart("/api/v1/copies", "clerk", m.field("keyId", "seal").field("pin", DispatchFixtures.PIN));
    }

    private static String code(TestServer.Response r) {
        return r.json().path("errors").path(0).path("code").asText();
    }

    @Test
    void a_sao_luc_is_made_from_the_number_of_a_sao_y_the_agency_made_and_keeps_both_seals_valid() throws Exception {
        TestServer.Response sy = copy(new Multipart().file("file", "scan.pdf", "application/pdf",
                DispatchPdf.congVan("GIÁM ĐỐC", "Lê Văn An")).field("form", "SY"));
        assertEquals(201, sy.status(), sy.text());
        TestServer.Response sl = copy(new Multipart().field("copyNumber", sy.header("X-Copy-Number")).field("form", "SL"));
        assertEquals(201, sl.status(), sl.text());
        assertTrue(sl.header("X-Copy-Number").contains("/SL-"), sl.header("X-Copy-Number"));
        assertEquals(List.of("TOTAL_PASSED", "TOTAL_PASSED"), DispatchFixtures.dssIndications(sl.body()));

        TestServer.Response fromSl = copy(new Multipart().field("copyNumber", sl.header("X-Copy-Number")).field("form", "SL"));
        assertEquals(422, fromSl.status(), fromSl.text());
        assertEquals("COPY_FORM_NOT_ALLOWED", code(fromSl));
        TestServer.Response syFromCopy = copy(new Multipart().field("copyNumber", sy.header("X-Copy-Number")).field("form", "SY"));
        assertEquals(422, syFromCopy.status(), syFromCopy.text());
        assertEquals("COPY_FORM_NOT_ALLOWED", code(syFromCopy));
    }

    @Test
    void a_sao_luc_of_the_original_dispatch_is_refused_naming_the_allowed_forms() {
        TestServer.Response r = copy(new Multipart().field("source", issuedId).field("form", "SL"));
        assertEquals(422, r.status(), r.text());
        assertEquals("COPY_FORM_NOT_ALLOWED", code(r));
        assertTrue(r.text().contains("copyNumber"), r.text());
    }

    @Test
    void a_copy_number_that_does_not_exist_or_is_malformed_is_a_clear_4xx() {
        TestServer.Response missing = copy(new Multipart().field("copyNumber", "987/SY-SKHCN").field("form", "SL"));
        assertEquals(404, missing.status(), missing.text());
        assertEquals("COPY_NOT_FOUND", code(missing));
        TestServer.Response odd = copy(new Multipart().field("copyNumber", "bản sao số một").field("form", "SL"));
        assertEquals(400, odd.status(), odd.text());
        assertEquals("INVALID_COPY_NUMBER", code(odd));
    }

    @Test
    void a_trich_sao_of_the_signed_first_page_carries_only_the_copy_signature() throws Exception {
        TestServer.Response r = copy(new Multipart().field("source", issuedId).field("form", "TrS").field("pages", "1"));
        assertEquals(201, r.status(), r.text());
        assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(r.body()));
        String pdfsig = DispatchFixtures.pdfsig(r.body());
        assertEquals(1, pdfsig.split("Signature #", -1).length - 1, pdfsig);
        assertTrue(pdfsig.contains("Signature is Valid"), pdfsig);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("TRÍCH SAO"), text);
            assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text);
            assertTrue(text.contains("Số: " + r.header("X-Copy-Number")), text);
            assertTrue(text.contains("Trích từ văn bản số "), text);
            assertTrue(text.contains("TM. "), text);
            assertEquals(org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getHeight(), doc.getPage(0).getMediaBox().getHeight(), 40f);
        }
    }

    @Test
    void an_encrypted_scan_is_refused_and_a_rotated_or_cropped_one_is_copied_with_a_valid_seal() throws Exception {
        TestServer.Response encrypted = copy(new Multipart().file("file", "scan.pdf", "application/pdf",
                DraftPdfs.encrypted(DispatchPdf.congVan("GIÁM ĐỐC", "Lê Văn An"))).field("form", "SY"));
        assertEquals(422, encrypted.status(), encrypted.text());
        assertEquals("ENCRYPTED_PDF", code(encrypted));
        for (byte[] scan : List.of(DraftPdfs.rotated(DispatchPdf.congVan("GIÁM ĐỐC", "Lê Văn An")),
                DraftPdfs.cropped(DispatchPdf.congVan("GIÁM ĐỐC", "Lê Văn An")))) {
            TestServer.Response r = copy(new Multipart().file("file", "scan.pdf", "application/pdf", scan).field("form", "SY"));
            assertEquals(201, r.status(), r.text());
            assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(r.body()));
            assertTrue(DispatchFixtures.pdfsig(r.body()).contains("Signature is Valid"));
        }
    }
}
