package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The draft's preview draws the official's signature box where signing then puts it: the box the preview used
 * ({@code X-Signature-Box}, red on the picture) is the rectangle of the signature field in the signed PDF. The
 * preview is for those who read the draft, audited like a read, and says so when the PDF has no signer block.
 * The same holds for the seal's box on a signed dispatch, shown to the clerk who issues it.
 */
class DraftPreviewTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_box_drawn_on_the_preview_is_the_rectangle_the_signature_is_then_placed_in() throws IOException {
        String id = DispatchFixtures.create(server, "CV", DispatchPdf.draft("CV")).json().path("id").asText();
        TestServer.Response preview = server.get("/drafts/" + id + "/preview.png", "official");
        assertEquals(200, preview.status(), preview.text());
        assertEquals("image/png", preview.header("Content-Type"));
        float[] box = box(preview.header("X-Signature-Box"));
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertTrue(picture.getWidth() <= 420 && picture.getHeight() <= 594 && picture.getWidth() > 300,
                picture.getWidth() + "x" + picture.getHeight());
        float scale = picture.getWidth() / 595.27f;
        int frame = picture.getRGB(Math.round(box[1] * scale), Math.round((box[2] + box[4] / 2) * scale));
        assertTrue(((frame >> 16) & 0xff) > 150 && ((frame >> 8) & 0xff) < 120, "the box's left edge is drawn red: "
                + Integer.toHexString(frame));

        TestServer.Response signed = server.postJson("/api/v1/dispatches/" + id + "/sign", "official",
                Map.of("keyId", "official1", "pin", DispatchFixtures.PIN));
        assertEquals(200, signed.status(), signed.text());
        assertSameBox(box, signatureField(server.get("/api/v1/dispatches/" + id + "/file", "official").body(), 0));
        assertEquals(409, server.get("/drafts/" + id + "/preview.png", "official").status(), "a signed draft has no preview");

        TestServer.Response seal = server.get("/dispatches/" + id + "/seal-preview.png", "clerk");
        assertEquals(200, seal.status(), seal.text());
        float[] sealBox = box(seal.header("X-Signature-Box"));
        assertEquals(box[0], sealBox[0], "the seal goes on the page of the signature");
        assertEquals(200, DispatchFixtures.issue(server, id).status());
        assertSameBox(sealBox, signatureField(server.get("/api/v1/dispatches/" + id + "/file", "clerk").body(), 1));
        assertEquals(409, server.get("/dispatches/" + id + "/seal-preview.png", "clerk").status(), "issued: sealed already");
    }

    private static void assertSameBox(float[] preview, float[] placed) {
        for (int i = 0; i < preview.length; i++) {
            assertEquals(preview[i], placed[i], 0.5f, "preview " + Arrays.toString(preview) + " / placed " + Arrays.toString(placed));
        }
    }

    @Test
    void the_preview_is_for_those_who_read_the_draft_and_each_look_is_audited() {
        String id = DispatchFixtures.create(server, "CV", DispatchPdf.draft("CV")).json().path("id").asText();
        for (String reader : new String[] {"official", "clerk", "auditor"}) {
            assertEquals(200, server.get("/drafts/" + id + "/preview.png", reader).status(), reader);
        }
        for (String other : new String[] {"handler", "admin"}) {
            TestServer.Response refused = server.get("/drafts/" + id + "/preview.png", other);
            assertEquals(404, refused.status(), other + ": " + refused.text());
            assertTrue(refused.header("X-Signature-Box") == null, "nothing of the draft is told");
        }
        JsonNode reads = server.get("/api/v1/audit?action=DISPATCH_READ&object=" + id, "auditor").json().path("items");
        assertEquals(3, reads.size(), reads.toString());
        assertEquals(404, server.get("/drafts/" + "0".repeat(36) + "/preview.png", "official").status());
    }

    @Test
    void a_draft_without_its_signer_block_previews_page_one_without_a_box() {
        TestServer.Response created = server.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "cong-van.pdf", "application/pdf", DispatchPdf.withoutSignerBlock("CV"))
                .field("metadata", DispatchFixtures.metadata(server, "CV", "V/v không có khối chữ ký")));
        assertEquals(201, created.status(), created.text());
        TestServer.Response preview = server.get("/drafts/" + created.json().path("id").asText() + "/preview.png", "official");
        assertEquals(200, preview.status(), preview.text());
        assertEquals("none", preview.header("X-Signature-Box"));
    }

    /** {@code page x y width height} of the header. */
    private static float[] box(String header) {
        String[] parts = header.split(" ");
        assertEquals(5, parts.length, header);
        float[] out = new float[5];
        for (int i = 0; i < 5; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

    /** Signature field {@code n}'s widget as page, x, y, width, height in points from the page's top-left corner. */
    private static float[] signatureField(byte[] pdf, int n) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignatureField field = doc.getSignatureFields().get(n);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            int page = 0;
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                if (doc.getPage(i).getAnnotations().stream().anyMatch(a -> a.getCOSObject() == widget.getCOSObject())) {
                    page = i + 1;
                }
            }
            PDPage p = doc.getPage(page - 1);
            PDRectangle r = widget.getRectangle();
            float top = p.getCropBox().getUpperRightY() - r.getUpperRightY();
            return new float[] {page, r.getLowerLeftX() - p.getCropBox().getLowerLeftX(), top, r.getWidth(), r.getHeight()};
        }
    }
}
