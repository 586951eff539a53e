package vn.vanthu.digitization;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans that break a rule or attack the reader are refused before any job starts, with the rule's code and the
 * page, and leave nothing behind: no job, no digitization, no document. None of this needs the OCR.
 */
class ScanRefusalsTest {
    private static final double A4_W = 210;
    private static final double A4_H = 297;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void nothing_was_stored() {
        int rows = server.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT (SELECT COUNT(*) FROM jobs) + (SELECT COUNT(*) FROM digitizations) + (SELECT COUNT(*) FROM documents)")
                .mapTo(Integer.class).one());
        assertEquals(0, rows, "a refused digitization left rows behind");
    }

    private static TestServer.Response send(int paperPages, Digitize.Scan... scans) {
        return Digitize.submit(server, Digitize.metadata(paperPages), scans);
    }

    private static Digitize.Scan png(BufferedImage image, int dpi) {
        return new Digitize.Scan("scan.png", "image/png", Scans.png(image, dpi));
    }

    private static void refused(TestServer.Response r, String code, int page) {
        assertEquals(422, r.status(), r.text());
        assertEquals(code, r.errorCode(), r.text());
        assertEquals(page, r.json().path("errors").path(0).path("details").path("page").asInt(), r.text());
        assertTrue(r.json().path("errors").path(0).path("message").asText().contains("Page " + page), r.text());
    }

    @Test
    void a_150_dpi_scan_is_refused_naming_the_page_and_the_rule() {
        TestServer.Response r = send(2, png(Scans.blank(A4_W, A4_H, 300, true), 300), png(Scans.blank(A4_W, A4_H, 150, true), 150));
        refused(r, "SCAN_RESOLUTION_TOO_LOW", 2);
        assertTrue(r.text().contains("150 dpi"), r.text());
    }

    @Test
    void a_pdf_scan_s_resolution_comes_from_its_image_not_from_any_claim() {
        byte[] pdf = HostileScans.pdfScan(Scans.blank(A4_W, A4_H, 150, true));
        refused(send(1, new Digitize.Scan("scan.pdf", "application/pdf", pdf)), "SCAN_RESOLUTION_TOO_LOW", 1);
    }

    @Test
    void a_grey_scan_is_refused_as_not_colour() {
        refused(send(1, png(Scans.blank(A4_W, A4_H, 200, false), 200)), "SCAN_NOT_COLOUR", 1);
    }

    @Test
    void a_scan_shrunk_to_half_size_is_refused_as_not_100_percent_scale() {
        refused(send(1, png(Scans.blank(A4_W / 2, A4_H / 2, 300, true), 300)), "SCAN_SCALE_NOT_100", 1);
    }

    @Test
    void an_image_that_does_not_record_its_resolution_is_refused() {
        refused(send(1, png(Scans.blank(A4_W, A4_H, 200, true), 0)), "SCAN_RESOLUTION_UNKNOWN", 1);
    }

    @Test
    void pages_that_do_not_match_the_paper_count_are_refused() {
        TestServer.Response r = send(3, png(Scans.blank(A4_W, A4_H, 200, true), 200));
        assertEquals(422, r.status(), r.text());
        assertEquals("PAGE_COUNT_MISMATCH", r.errorCode());
    }

    @Test
    void a_png_declaring_100000_by_100000_pixels_is_refused_before_it_is_decoded() {
        TestServer.Response r = send(1, new Digitize.Scan("bomb.png", "image/png", HostileScans.pngDeclaring(100_000, 100_000)));
        refused(r, "SCAN_IMAGE_TOO_LARGE", 1);
    }

    @Test
    void a_tiff_with_10000_pages_is_refused_at_the_page_limit() {
        TestServer.Response r = send(500, new Digitize.Scan("long.tif", "image/tiff", HostileScans.tiffOfPages(10_000)));
        refused(r, "SCAN_TOO_MANY_PAGES", 501);
    }

    @Test
    void a_long_tiff_is_read_no_further_than_one_page_past_the_paper_count() {
        TestServer.Response r = send(2, new Digitize.Scan("long.tif", "image/tiff", HostileScans.tiffOfPages(10_000)));
        assertEquals(422, r.status(), r.text());
        assertEquals("PAGE_COUNT_MISMATCH", r.errorCode(), r.text());
        assertTrue(r.text().contains("more than 2 pages"), r.text());
    }

    @Test
    void a_pdf_page_without_an_image_is_refused() {
        refused(send(1, new Digitize.Scan("text.pdf", "application/pdf", Scans.pdfWithoutImage(1))), "SCAN_NO_IMAGE", 1);
    }

    @Test
    void a_corrupt_jpeg_is_refused_as_unreadable() {
        byte[] jpeg = Scans.jpeg(Scans.blank(A4_W, A4_H, 200, true), 200);
        TestServer.Response r = send(1, new Digitize.Scan("broken.jpg", "image/jpeg", HostileScans.truncated(jpeg, 0.5)));
        assertEquals(422, r.status(), r.text());
        assertEquals("SCAN_UNREADABLE", r.errorCode(), r.text());
    }

    @Test
    void a_file_that_is_not_a_scan_is_refused_by_its_content_whatever_its_name() {
        TestServer.Response r = send(1, new Digitize.Scan("scan.pdf", "application/pdf", "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, r.status(), r.text());
        assertEquals("SCAN_FORMAT_NOT_SUPPORTED", r.errorCode());
    }

    @Test
    void metadata_without_a_paper_page_count_is_a_400() {
        TestServer.Response r = Digitize.submit(server, "{\"subject\":\"x\"}", png(Scans.blank(A4_W, A4_H, 200, true), 200));
        assertEquals(400, r.status(), r.text());
        assertEquals("INVALID_PAPER_PAGES", r.errorCode());
    }

    @Test
    void a_request_without_scans_is_a_400() {
        TestServer.Response r = Digitize.submit(server, Digitize.metadata(1));
        assertEquals(400, r.status(), r.text());
        assertEquals("MISSING_FILE", r.errorCode());
    }
}
