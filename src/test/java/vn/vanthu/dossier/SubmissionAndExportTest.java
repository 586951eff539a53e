package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Submission (nộp lưu), the 30-day reminder of Decree 30, and the PDF and XML exports. */
class SubmissionAndExportTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static TestServer s;
    private static String overdue;
    private static String capital;
    private static String recent;

    @BeforeAll
    static void closeThree() {
        s = TestServer.start(Databases.Kind.H2);
        overdue = closedWithLastDocument("10.OLD", TODAY.minusMonths(12).minusDays(3), "GENERAL");
        capital = closedWithLastDocument("11.XDCB", TODAY.minusMonths(3).plusDays(10), "CAPITAL_CONSTRUCTION");
        recent = closedWithLastDocument("12.NEW", TODAY, "GENERAL");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String closedWithLastDocument(String symbol, LocalDate date, String category) {
        String clerk = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
        var opened = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", symbol, "title", "Hồ sơ " + symbol,
                "retention", "PERMANENT", "responsibleUserId", clerk, "category", category, "startDate", date.minusDays(30).toString()));
        assertEquals(201, opened.status(), opened.text());
        String id = opened.json().path("id").asText();
        var filed = DossierPackages.fileUpload(s, id, "van-ban.pdf", DossierPackages.scan("VĂN BẢN " + symbol),
                "{\"kind\":\"INCOMING\",\"numberSymbol\":\"15/QĐ-UBND\",\"documentDate\":\"" + date + "\","
                        + "\"issuingOrgan\":\"UBND tỉnh Thái Bình\",\"documentType\":\"Quyết định\",\"subject\":\"Về việc " + symbol + "\"}");
        assertEquals(201, filed.status(), filed.text());
        assertEquals(200, DossierPackages.close(s, id).status());
        return id;
    }

    private static List<String> due(String within) {
        var r = s.get("/api/v1/dossiers/due?within=" + within, "clerk");
        assertEquals(200, r.status(), r.text());
        return r.json().path("items").findValuesAsText("id");
    }

    @Test
    void the_reminder_lists_dossiers_due_within_30_days_including_overdue_and_capital_construction() {
        List<String> ids = due("30d");
        assertTrue(ids.contains(overdue), "end date + 12 months has passed");
        assertTrue(ids.contains(capital), "capital construction: end date + 3 months is 10 days away");
        assertFalse(ids.contains(recent), "a dossier ended today is due in a year");
        assertTrue(due("400d").contains(recent));
        JsonNode d = s.get("/api/v1/dossiers/" + recent, "clerk").json();
        assertEquals(TODAY.plusMonths(12).toString(), d.path("submissionDeadline").asText());
        assertEquals(400, s.get("/api/v1/dossiers/due?within=soon", "clerk").status());
    }

    @Test
    void submitting_a_closed_dossier_makes_it_submitted_and_ends_the_reminder() {
        var r = s.postJson("/api/v1/dossiers/" + overdue + "/submit", "clerk", Map.of());
        assertEquals(200, r.status(), r.text());
        assertEquals("SUBMITTED", r.json().path("status").asText());
        assertFalse(due("30d").contains(overdue));
        assertEquals(409, s.postJson("/api/v1/dossiers/" + overdue + "/submit", "clerk", Map.of()).status());
        String open = DossierPackages.open(s, "13.OPEN");
        assertEquals(409, s.postJson("/api/v1/dossiers/" + open + "/submit", "clerk", Map.of()).status());
    }

    @Test
    void export_pdf_has_the_table_of_contents_then_every_document() throws Exception {
        var r = s.get("/api/v1/dossiers/" + capital + "/export.pdf", "auditor");
        assertEquals(200, r.status(), r.text());
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("MỤC LỤC VĂN BẢN"), text);
            assertTrue(text.contains("15/QĐ-UBND"), text);
            assertTrue(text.contains("VĂN BẢN 11.XDCB"), text);
            assertEquals(2, pdf.getNumberOfPages());
        }
    }

    @Test
    void export_xml_has_the_appendix_vi_metadata_of_the_dossier_and_its_documents() {
        var r = s.get("/api/v1/dossiers/" + capital + "/export.xml", "auditor");
        assertEquals(200, r.status(), r.text());
        String xml = r.text();
        for (String field : List.of("<FileCode>", "<Title>Hồ sơ 11.XDCB</Title>", "<Maintenance>Vĩnh viễn</Maintenance>",
                "<DocTotal>1</DocTotal>", "<PageTotal>1</PageTotal>", "<CodeNumber>15</CodeNumber>",
                "<CodeNotation>QĐ-UBND</CodeNotation>", "<OrganName>UBND tỉnh Thái Bình</OrganName>", "<Action>CLOSED</Action>")) {
            assertTrue(xml.contains(field), field + " in\n" + xml);
        }
    }
}
