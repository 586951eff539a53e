package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The notation of appendices and copies: 10 pt, top right of page 1, hiding nothing of the original. */
class NotationTest {
    private static TestServer s;
    private static String dispatchId;

    @BeforeAll
    static void issueOneWithAnAppendix() {
        s = TestServer.start(Databases.Kind.H2);
        dispatchId = DispatchFixtures.signedDraft(s, "KH");
        var attached = s.postMultipart("/api/v1/dispatches/" + dispatchId + "/attachments", "clerk", new Multipart()
                .file("file", "phu-luc.pdf", "application/pdf", DispatchPdf.appendix("PHỤ LỤC I")));
        assertEquals(201, attached.status(), attached.text());
        assertEquals(200, DispatchFixtures.issue(s, dispatchId).status());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static void assertTenPoint(byte[] pdf) throws Exception {
        List<Float> sizes = NotationPages.widgetTextSizes(pdf);
        assertFalse(sizes.isEmpty(), "the notation draws text");
        for (float size : sizes) {
            assertEquals(10f, size, 0.05f, "every glyph of the notation at 10 pt: " + sizes);
        }
    }

    @Test
    void the_appendix_notation_is_drawn_at_ten_points_and_hides_nothing() throws Exception {
        JsonNode a = s.get("/api/v1/dispatches/" + dispatchId, "auditor").json().path("attachments").get(0);
        byte[] sealed = s.get("/api/v1/documents/" + a.path("sha256").asText(), "auditor").body();
        assertTenPoint(sealed);
        byte[] original = DispatchPdf.appendix("PHỤ LỤC I");
        assertEquals(0, NotationPages.changedContentPixels(NotationPages.render(original), NotationPages.render(sealed), 0));
    }

    @Test
    void a_copy_of_a_page_full_to_the_top_grows_upward_and_no_pixel_of_the_original_changes() throws Exception {
        byte[] scan = NotationPages.fullToTheTop();
        TestServer.Response copy = s.postMultipart("/api/v1/copies", "clerk", new Multipart()
                .file("file", "scan.pdf", "application/pdf", scan).field("form", "SL")
                .field("keyId", "seal").field("pin", DispatchFixtures.PIN));
        assertEquals(201, copy.status(), copy.text());
        assertTenPoint(copy.body());
        int grown = Math.round(NotationPages.pageHeight(copy.body()) - NotationPages.pageHeight(scan));
        assertTrue(grown > 20, "page 1 reaches higher to make room: " + grown);
        assertEquals(0, NotationPages.changedContentPixels(NotationPages.render(scan), NotationPages.render(copy.body()), grown));
        assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(copy.body()));
    }
}
