package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.signing.SigningFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** export.pdf is an honest reading copy: signatures kept as images, no signature field at all, said so on page 1. */
class ReadingCopyTest {
    private static TestServer s;
    private static String dossierId;
    private static byte[] signed;

    @BeforeAll
    static void fileASignedAndSealedDocument() {
        s = TestServer.start(Databases.Kind.H2);
        String visible = "{\"page\":1,\"x\":330,\"y\":640,\"width\":160,\"height\":70,\"image\":\"own\"}";
        TestServer.Response official = s.postMultipart("/api/v1/signatures", "official",
                SigningFixtures.form("PAdES", "B", "cv.pdf", "application/pdf", SigningFixtures.pdf())
                        .field("visible", visible).field("keyId", "official1").field("pin", "123456"));
        assertEquals(200, official.status(), official.text());
        TestServer.Response sealed = s.postMultipart("/api/v1/signatures", "clerk",
                SigningFixtures.form("PAdES", "B", "cv.pdf", "application/pdf", official.body())
                        .field("visible", "{\"page\":1,\"x\":280,\"y\":620,\"width\":110,\"height\":110,\"image\":\"own\"}")
                        .field("keyId", "seal").field("pin", "123456"));
        assertEquals(200, sealed.status(), sealed.text());
        signed = sealed.body();
        dossierId = DossierPackages.open(s, "20.DOC");
        assertEquals(201, DossierPackages.fileUpload(s, dossierId, "cong-van.pdf", signed, null).status());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void the_export_carries_no_signature_field_and_says_it_is_a_reading_copy() throws Exception {
        TestServer.Response r = s.get("/api/v1/dossiers/" + dossierId + "/export.pdf", "auditor");
        assertEquals(200, r.status(), r.text());
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            assertEquals(0, pdf.getSignatureDictionaries().size());
            assertEquals(0, pdf.getSignatureFields().size());
            assertEquals(null, pdf.getDocumentCatalog().getAcroForm(null));
            String first = new PDFTextStripper() {{ setEndPage(1); }}.getText(pdf);
            assertTrue(first.contains("BẢN ĐỌC"), first);
            assertTrue(first.contains("Bản gốc có chữ ký số"), first);
        }
        String pdfsig = OutsideTools.pdfsig(r.body());
        assertFalse(pdfsig.contains("Signature #"), pdfsig);
    }

    @Test
    void the_signature_images_stay_on_the_page_as_they_were() throws Exception {
        byte[] export = s.get("/api/v1/dossiers/" + dossierId + "/export.pdf", "auditor").body();
        BufferedImage original = render(signed, 0);
        BufferedImage reading = render(export, 1);
        int differing = 0;
        int ink = 0;
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                if ((original.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    ink++;
                    if (Math.abs(channelSum(original.getRGB(x, y)) - channelSum(reading.getRGB(x, y))) > 24) {
                        differing++;
                    }
                }
            }
        }
        assertTrue(ink > 0);
        // The signature and seal images are inked pixels of the original: dropped, far more than 0.5 % would differ.
        assertTrue(differing * 200 < ink, differing + " of " + ink + " inked pixels differ");
    }

    @Test
    void validating_the_export_reports_no_failed_signature() {
        byte[] export = s.get("/api/v1/dossiers/" + dossierId + "/export.pdf", "auditor").body();
        TestServer.Response v = s.postMultipart("/api/v1/validations", "auditor",
                new Multipart().file("file", "export.pdf", "application/pdf", export));
        if (v.status() == 200) {
            for (JsonNode sig : v.json().path("signatures")) {
                assertNotEquals("TOTAL_FAILED", sig.path("indication").asText(), v.text());
            }
        } else {
            assertTrue(v.status() >= 400 && v.status() < 500, v.status() + " " + v.text());
        }
    }

    private static int channelSum(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }

    private static BufferedImage render(byte[] pdf, int page) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImage(page, 1f, ImageType.RGB);
        }
    }
}
