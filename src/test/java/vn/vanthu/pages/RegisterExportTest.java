package vn.vanthu.pages;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.bench.RegisterData;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Past 5,000 rows the registers' exports stay whole where they can and say so where they cannot: the CSV, streamed
 * from the database, holds every row in number order; the printable PDF holds the first 5,000 and ends with a line
 * that sends the reader to the CSV.
 */
class RegisterExportTest {
    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_register_of_5001_rows_streams_every_row_to_csv_and_prints_5000_with_a_note(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind);
             Connection c = s.database().connect()) {
            RegisterData.insert(c, 2025, 5_001, 300, 0);
            TestServer.Response csv = s.get("/api/v1/registers/outgoing?year=2025&format=csv", "clerk");
            assertEquals(200, csv.status());
            String[] lines = csv.text().split("\r\n");
            assertEquals(5_002, lines.length, "the heading and every row");
            assertTrue(lines[1].startsWith("\"1/"), lines[1]);
            assertTrue(lines[5_001].startsWith("\"5001/"), lines[5_001]);

            long ordinary;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*) FROM incoming WHERE number_year = 2025 AND series_kind = 'INCOMING'")) {
                rs.next();
                ordinary = rs.getLong(1);
            }
            String incoming = s.get("/api/v1/registers/incoming?year=2025&format=csv", "clerk").text();
            assertEquals(ordinary + 1, incoming.split("\r\n").length, "the heading and every ordinary incoming row");

            TestServer.Response pdf = s.get("/api/v1/registers/outgoing?year=2025&format=pdf", "clerk");
            assertEquals(200, pdf.status());
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(doc.getNumberOfPages());
                String last = text.getText(doc).replaceAll("\\s+", " ");
                assertTrue(last.contains("5000/"), "the 5,000th row is printed");
                assertFalse(last.contains("5001/"), "the 5,001st is not");
                assertTrue(last.contains("Bản in gồm 5000 dòng đầu của sổ"), last.substring(Math.max(0, last.length() - 300)));
            }
        }
    }
}
