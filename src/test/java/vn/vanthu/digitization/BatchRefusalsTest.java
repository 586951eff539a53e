package vn.vanthu.digitization;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paper dossier sent as a ZIP of scans and a CSV is refused whole, before any job, when the archive is hostile
 * or the rows and scans do not match; nothing is stored. None of this needs the OCR.
 */
class BatchRefusalsTest {
    static final String HEADER = "file,numberSymbol,documentDate,issuingOrgan,documentType,subject,paperPages\n";
    private static TestServer server;
    private static byte[] goodScan;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
        goodScan = Scans.png(Scans.blank(210, 297, 200, true), 200);
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
        assertEquals(0, rows, "a refused batch left rows behind");
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TestServer.Response send(TestServer server, byte[] zip, String csv) {
        return server.postMultipart("/api/v1/digitizations/batches", "clerk", new Multipart()
                .file("archive", "ho-so.zip", "application/zip", zip)
                .file("documents", "ho-so.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static void refused(TestServer.Response r, String code, String inMessage) {
        assertEquals(422, r.status(), r.text());
        assertEquals(code, r.errorCode(), r.text());
        assertTrue(r.json().path("errors").path(0).path("message").asText().contains(inMessage), r.text());
    }

    @Test
    void a_zip_entry_named_to_climb_out_of_its_folder_is_refused() {
        byte[] zip = zip(Map.of("../../etc/cron.d/x.png", goodScan));
        refused(send(server, zip, HEADER + "../../etc/cron.d/x.png,,,,,,1\n"), "ARCHIVE_UNSAFE_NAME", "../../etc/cron.d/x.png");
    }

    @Test
    void a_zip_with_100000_entries_is_refused_at_the_entry_limit() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            entries.put("e" + i, new byte[0]);
        }
        refused(send(server, zip(entries), HEADER + "e0,,,,,,1\n"), "ARCHIVE_TOO_MANY_ENTRIES", "1000");
    }

    @Test
    void a_row_naming_a_scan_the_zip_does_not_hold_is_refused_naming_its_line() {
        byte[] zip = zip(Map.of("trang-1.png", goodScan));
        refused(send(server, zip, HEADER + "trang-1.png,,,,,,1\ntrang-2.png,,,,,,1\n"), "CSV_ROWS_DO_NOT_MATCH_SCANS",
                "Line 3 of the CSV names 'trang-2.png'");
    }

    @Test
    void a_scan_no_row_names_is_refused() {
        byte[] zip = zip(Map.of("trang-1.png", goodScan, "trang-9.png", goodScan));
        refused(send(server, zip, HEADER + "trang-1.png,,,,,,1\n"), "CSV_ROWS_DO_NOT_MATCH_SCANS", "'trang-9.png'");
    }

    @Test
    void a_scan_that_breaks_a_rule_is_refused_naming_the_line_file_and_page() {
        byte[] low = Scans.png(Scans.blank(210, 297, 150, true), 150);
        byte[] zip = zip(Map.of("a.png", goodScan, "b.png", low));
        TestServer.Response r = send(server, zip, HEADER + "a.png,1/CV,,,,,1\nb.png,2/CV,,,,,1\n");
        refused(r, "SCAN_RESOLUTION_TOO_LOW", "Line 3 of the CSV (b.png): Page 1");
        assertEquals(3, r.json().path("errors").path(0).path("details").path("line").asInt(), r.text());
    }

    @Test
    void a_csv_with_the_wrong_columns_is_refused() {
        byte[] zip = zip(Map.of("a.png", goodScan));
        refused(send(server, zip, "file,pages\na.png,1\n"), "CSV_MALFORMED", "columns");
    }
}
