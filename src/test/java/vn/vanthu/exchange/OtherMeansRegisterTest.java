package vn.vanthu.exchange;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outgoing register's CSV and printable PDF name, in their notes, the recipients to send by other means. */
class OtherMeansRegisterTest {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_EXCHANGE_POLL_MILLIS", "0"));
        Agencies.created(s.postJson("/api/v1/organs", "admin", Map.of("organId", Agencies.B_ID, "name", Agencies.B_NAME,
                "inboxUrl", "http://127.0.0.1:9/api/v1/exchange/inbox", "certificate", Agencies.SEAL, "anchor", Agencies.ROOT)));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void the_csv_and_pdf_register_note_the_recipients_outside_the_directory() throws Exception {
        String id = Agencies.issued(s, List.of(Agencies.B_NAME, "Báo Thái Bình", "Các phòng, đơn vị thuộc Sở"));
        String number = null;
        for (var r : s.get("/api/v1/registers/outgoing?format=json", "clerk").json().path("items")) {
            if (r.path("id").asText().equals(id)) {
                number = r.path("number").asText();
            }
        }
        assertTrue(number != null && !number.isEmpty(), "the issued dispatch is in the register");
        String prefix = "\"" + number + "\",";

        String csv = new String(s.get("/api/v1/registers/outgoing?format=csv", "clerk").body(), StandardCharsets.UTF_8);
        String row = csv.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError("no row " + prefix + " in\n" + csv));
        assertTrue(row.endsWith(",\"Gửi bằng hình thức khác: Báo Thái Bình; Các phòng, đơn vị thuộc Sở\""), row);

        byte[] pdf = s.get("/api/v1/registers/outgoing?format=pdf", "clerk").body();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea notes = new PDFTextStripperByArea();
            float right = doc.getPage(0).getMediaBox().getWidth();
            notes.addRegion("notes", new Rectangle2D.Float(right - 100, 0, 100, doc.getPage(0).getMediaBox().getHeight()));
            notes.extractRegions(doc.getPage(0));
            String column = notes.getTextForRegion("notes").replaceAll("\\s+", " ");
            assertTrue(column.contains("Gửi bằng hình thức khác: Báo Thái Bình; Các phòng, đơn vị thuộc Sở"), column);
            assertEquals(-1, column.indexOf(Agencies.B_NAME), "the partner in the directory is reached by the exchange");
        }
    }
}
