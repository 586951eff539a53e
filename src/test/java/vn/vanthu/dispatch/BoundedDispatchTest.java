package vn.vanthu.dispatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile drafts (page trees, metadata) get a 4xx JSON error quickly, nothing is stored, the service stays up. */
class BoundedDispatchTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void service_is_still_up() {
        assertEquals(200, server.get("/health", null).status());
    }

    static TestServer.Response create(byte[] pdf, String metadata) {
        long started = System.nanoTime();
        TestServer.Response r = server.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "cong-van.pdf", "application/pdf", pdf).field("metadata", metadata));
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "took too long");
        return r;
    }

    static String metadata() {
        return DispatchFixtures.metadata(server, "CV", "V/v thử");
    }

    static void assertError(int status, String code, TestServer.Response r) {
        assertEquals(status, r.status(), r.text());
        assertEquals(code, r.errorCode());
    }

    @Test
    void a_page_tree_three_thousand_levels_deep_is_422_too_complex() {
        assertError(422, "TOO_COMPLEX", create(HostilePdfs.deepPageTree(3_000), metadata()));
    }

    @Test
    void a_page_tree_with_a_cycle_is_422_not_a_pdf() {
        assertError(422, "NOT_A_PDF", create(HostilePdfs.cyclicPageTree(), metadata()));
    }

    @Test
    void a_negative_or_textual_page_count_is_422_not_a_pdf() {
        assertError(422, "NOT_A_PDF", create(HostilePdfs.pageCount("-5"), metadata()));
        assertError(422, "NOT_A_PDF", create(HostilePdfs.pageCount("(five)"), metadata()));
    }

    @Test
    void a_well_formed_hand_written_page_tree_is_accepted() {
        TestServer.Response r = create(HostilePdfs.deepPageTree(3), metadata());
        assertEquals(201, r.status(), r.text());
    }

    @Test
    void metadata_null_is_400() {
        assertError(400, "MALFORMED_METADATA", create(DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"), "null"));
    }

    @Test
    void a_null_recipient_is_400() {
        String m = metadata().replace("\"recipients\":[\"Các phòng, đơn vị thuộc Sở\"]", "\"recipients\":[null]");
        assertError(400, "INVALID_RECIPIENTS", create(DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"), m));
    }

    @Test
    void five_thousand_recipients_are_400() {
        String many = "\"r\",".repeat(4_999) + "\"r\"";
        String m = metadata().replace("\"recipients\":[\"Các phòng, đơn vị thuộc Sở\"]", "\"recipients\":[" + many + "]");
        assertError(400, "FIELD_TOO_LONG", create(DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"), m));
    }

    @Test
    void a_drafting_unit_of_sixty_characters_is_400() {
        String m = metadata().replace("\"draftingUnit\":\"VP\"", "\"draftingUnit\":\"" + "V".repeat(60) + "\"");
        assertError(400, "FIELD_TOO_LONG", create(DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"), m));
    }
}
