package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.config.AppConfig;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.dossier.CatalogueFixtures.catalogue;
import static vn.vanthu.dossier.CatalogueFixtures.heading;
import static vn.vanthu.dossier.CatalogueFixtures.put;
import static vn.vanthu.dossier.CatalogueFixtures.row;
import static vn.vanthu.dossier.CatalogueFixtures.withRow;

/** The dossier catalogue through the HTTP API, on H2: replace, read as JSON and PDF, refusals. */
class CatalogueApiTest {
    private static TestServer s;
    private static String clerkId;
    private static String officialId;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2);
        clerkId = CatalogueFixtures.userId(s, "clerk");
        officialId = CatalogueFixtures.userId(s, "official");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void a_catalogue_put_comes_back_from_get_with_its_vietnamese_text() {
        var put = put(s, 2026, "clerk", catalogue(clerkId, officialId));
        assertEquals(200, put.status(), put.text());
        JsonNode got = s.get("/api/v1/catalogues/2026", "auditor").json();
        assertEquals(put.json(), got, "PUT answers the catalogue as GET returns it");

        assertEquals(2026, got.path("year").asInt());
        assertEquals(clerkId, got.path("updatedBy").asText());
        assertTrue(got.path("updatedAt").asText().endsWith("+07:00"), got.path("updatedAt").asText());
        JsonNode first = got.path("headings").get(0);
        assertEquals("I", first.path("numeral").asText());
        assertEquals("Tổ chức, cán bộ", first.path("title").asText());
        JsonNode r = first.path("rows").get(0);
        assertEquals("01.TCCB", r.path("symbol").asText());
        assertEquals("Hồ sơ quy hoạch cán bộ lãnh đạo, quản lý giai đoạn 2026–2031", r.path("title").asText());
        assertEquals("PERMANENT", r.path("retention").asText());
        assertEquals("Vĩnh viễn", r.path("retentionLabel").asText());
        assertEquals(clerkId, r.path("responsibleUserId").asText());
        assertEquals("Lê Thị Hoa", r.path("responsibleName").asText());
        assertEquals("Lưu tại phòng Tổ chức", r.path("notes").asText());
        JsonNode second = first.path("rows").get(1);
        assertEquals("10 năm", second.path("retentionLabel").asText());
        assertEquals("Nguyễn Hữu Thắng", second.path("responsibleName").asText());
        assertTrue(second.path("notes").isNull());
        assertEquals("II", got.path("headings").get(1).path("numeral").asText());
        assertEquals("20 năm", got.path("headings").get(1).path("rows").get(0).path("retentionLabel").asText());
    }

    @Test
    void the_pdf_is_a_portrait_a4_pdf_with_the_title_the_agency_the_columns_and_the_rows() throws Exception {
        assertEquals(200, put(s, 2027, "admin", catalogue(clerkId, officialId)).status());
        var pdf = s.get("/api/v1/catalogues/2027?format=pdf", "official");
        assertEquals(200, pdf.status(), pdf.text());
        assertEquals("application/pdf", pdf.header("Content-Type"));
        assertTrue(pdf.header("Content-Disposition").contains("danh-muc-ho-so-2027.pdf"));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            PDRectangle page = doc.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), page.getWidth(), 1);
            assertEquals(PDRectangle.A4.getHeight(), page.getHeight(), 1);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("DANH MỤC HỒ SƠ NĂM 2027"), text);
            assertTrue(text.contains(AppConfig.Agency.DEFAULT.name()), text);
            for (String column : List.of("Số và ký hiệu", "Tên đề mục và tiêu đề hồ sơ", "Thời hạn bảo quản",
                    "Người lập hồ sơ", "Ghi chú")) {
                assertTrue(text.contains(column), column + " in\n" + text);
            }
            assertTrue(text.contains("I. Tổ chức, cán bộ") && text.contains("II. Khoa học và công nghệ"), text);
            assertTrue(text.contains("Hồ sơ đánh giá, xếp loại công chức năm 2026"), text);
            assertTrue(text.contains("01.TCCB") && text.contains("Vĩnh viễn") && text.contains("10 năm"), text);
            assertTrue(text.contains("Lê Thị Hoa"), text);
        }
    }

    @Test
    void a_long_catalogue_prints_on_several_pages_with_the_column_headers_on_each() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(row(String.format("%02d.VP", i), "Hồ sơ công việc số " + i + " của Văn phòng Sở về cải cách "
                    + "hành chính, chuyển đổi số và thi đua khen thưởng", i % 3 == 0 ? "PERMANENT" : "5Y", clerkId,
                    "Ghi chú " + "rất dài ".repeat(i % 7)));
        }
        assertEquals(200, put(s, 2031, "clerk", Map.of("headings", List.of(heading("I", "Văn phòng", rows)))).status());
        try (PDDocument doc = Loader.loadPDF(s.get("/api/v1/catalogues/2031?format=pdf", "clerk").body())) {
            assertTrue(doc.getNumberOfPages() > 2, "pages: " + doc.getNumberOfPages());
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages());
            last.setEndPage(doc.getNumberOfPages());
            String text = last.getText(doc);
            assertTrue(text.contains("Thời hạn bảo quản") && text.contains("120.VP"), text);
            assertTrue(text.contains("có 120 hồ sơ, bao gồm: 40 hồ sơ bảo quản vĩnh viễn"), text);
        }
    }

    @Test
    void a_duplicate_symbol_is_refused_with_409_and_the_previous_catalogue_stays() {
        assertEquals(200, put(s, 2028, "clerk", catalogue(clerkId, officialId)).status());
        JsonNode before = s.get("/api/v1/catalogues/2028", "clerk").json();
        var dup = put(s, 2028, "clerk", withRow(catalogue(clerkId, officialId), 1, 0, r -> r.put("symbol", "02.TCCB")));
        assertEquals(409, dup.status(), dup.text());
        assertEquals("DUPLICATE_SYMBOL", dup.errorCode());
        assertTrue(dup.json().path("errors").get(0).path("message").asText().contains("02.TCCB"), dup.text());
        assertEquals(before, s.get("/api/v1/catalogues/2028", "clerk").json());
    }

    @Test
    void a_bad_retention_is_refused_with_400_naming_retention() {
        for (String bad : new String[]{"5 năm", "0Y", "100Y", "10", "Y", "05Y", "", "FOREVER"}) {
            var r = put(s, 2029, "clerk", withRow(catalogue(clerkId, officialId), 0, 1, row -> row.put("retention", bad)));
            assertEquals(400, r.status(), bad + ": " + r.text());
            assertEquals("INVALID_RETENTION", r.errorCode());
            assertEquals("retention", r.json().path("errors").get(0).path("field").asText());
        }
        var missing = put(s, 2029, "clerk", withRow(catalogue(clerkId, officialId), 0, 1, row -> row.remove("retention")));
        assertEquals("retention", missing.json().path("errors").get(0).path("field").asText(), missing.text());
        assertEquals(404, s.get("/api/v1/catalogues/2029", "clerk").status(), "nothing was stored");
    }

    @Test
    void an_unknown_responsible_user_is_refused_naming_responsibleUserId_and_changes_nothing() {
        assertEquals(200, put(s, 2030, "clerk", catalogue(clerkId, officialId)).status());
        JsonNode before = s.get("/api/v1/catalogues/2030", "clerk").json();
        var r = put(s, 2030, "clerk", withRow(catalogue(clerkId, officialId), 1, 0,
                row -> row.put("responsibleUserId", "no-such-user")));
        assertEquals(422, r.status(), r.text());
        assertEquals("UNKNOWN_USER", r.errorCode());
        assertEquals("responsibleUserId", r.json().path("errors").get(0).path("field").asText());
        assertTrue(r.json().path("errors").get(0).path("message").asText().contains("no-such-user"));
        assertEquals(before, s.get("/api/v1/catalogues/2030", "clerk").json());
    }

    @Test
    void a_year_without_a_catalogue_answers_404_as_json_and_as_pdf() {
        var json = s.get("/api/v1/catalogues/2099", "official");
        assertEquals(404, json.status());
        assertEquals("NOT_FOUND", json.errorCode());
        assertEquals(404, s.get("/api/v1/catalogues/2099?format=pdf", "official").status());
    }

    @Test
    void an_official_may_read_the_catalogue_but_gets_403_on_replacing_it() {
        var r = put(s, 2032, "official", catalogue(clerkId, officialId));
        assertEquals(403, r.status(), r.text());
        assertEquals(404, s.get("/api/v1/catalogues/2032", "official").status());
        assertEquals(401, put(s, 2032, null, catalogue(clerkId, officialId)).status());
    }

    @Test
    void unknown_fields_are_refused_but_a_catalogue_read_with_get_may_be_sent_back_as_next_years() throws Exception {
        var top = put(s, 2033, "clerk", "{\"headings\":[],\"approvedBy\":\"x\"}");
        assertEquals(400, top.status());
        assertEquals("UNKNOWN_FIELD", top.errorCode());
        assertEquals("approvedBy", top.json().path("errors").get(0).path("field").asText());
        var nested = put(s, 2033, "clerk", withRow(catalogue(clerkId, officialId), 0, 0, row -> row.put("retentionYears", 10)));
        assertEquals("UNKNOWN_FIELD", nested.errorCode(), nested.text());
        assertEquals("retentionYears", nested.json().path("errors").get(0).path("field").asText());

        assertEquals(200, put(s, 2034, "clerk", catalogue(clerkId, officialId)).status());
        ObjectNode read = (ObjectNode) s.get("/api/v1/catalogues/2034", "clerk").json();
        var copied = put(s, 2035, "admin", read.toString());
        assertEquals(200, copied.status(), copied.text());
        assertEquals(2035, copied.json().path("year").asInt());
        assertEquals(read.path("headings"), copied.json().path("headings"));
    }

    @Test
    void numerals_must_be_roman_years_in_range_and_the_body_json() {
        for (String bad : new String[]{"A", "IIII", "1", "", "VX", "I."}) {
            var r = put(s, 2036, "clerk", Map.of("headings", List.of(heading(bad, "Tổng hợp", List.of()))));
            assertEquals(400, r.status(), bad + ": " + r.text());
            assertEquals("INVALID_NUMERAL", r.errorCode(), bad);
            assertEquals("numeral", r.json().path("errors").get(0).path("field").asText());
        }
        var same = put(s, 2036, "clerk", Map.of("headings", List.of(heading("I", "A", List.of()), heading("I", "B", List.of()))));
        assertEquals("DUPLICATE_NUMERAL", same.errorCode());
        assertEquals("MISSING_FIELD", put(s, 2036, "clerk", Map.of("headings", List.of())).errorCode());
        for (String year : new String[]{"1999", "2101", "abc", "20260"}) {
            var r = s.send(s.request("/api/v1/catalogues/" + year, "clerk").header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(400, r.status(), year);
            assertEquals("INVALID_YEAR", r.errorCode());
            assertEquals(400, s.get("/api/v1/catalogues/" + year, "clerk").status());
        }
        assertEquals("MALFORMED_JSON", put(s, 2036, "clerk", "{\"headings\":").errorCode());
        assertEquals("MALFORMED_JSON", put(s, 2036, "clerk", "{\"headings\":{}}").errorCode());
        var symbol = put(s, 2036, "clerk", withRow(catalogue(clerkId, officialId), 0, 0, row -> row.put("symbol", "01\u0007TCCB")));
        assertEquals("symbol", symbol.json().path("errors").get(0).path("field").asText(), symbol.text());
        var title = put(s, 2036, "clerk", withRow(catalogue(clerkId, officialId), 0, 0, row -> row.put("title", "x".repeat(501))));
        assertEquals("title", title.json().path("errors").get(0).path("field").asText(), title.text());
        assertEquals(400, s.get("/api/v1/catalogues/2026?format=xls", "clerk").status());
        assertEquals(404, s.get("/api/v1/catalogues/2036", "clerk").status());
    }

    @Test
    void a_row_is_found_by_year_and_symbol_with_its_heading_for_opening_a_dossier() {
        assertEquals(200, put(s, 2037, "clerk", catalogue(clerkId, officialId)).status());
        CatalogueService service = new CatalogueService(s.app().database(), AppConfig.Agency.DEFAULT, java.time.Clock.systemUTC());
        CatalogueRow r = service.row(2037, "01.KHCN").orElseThrow();
        assertEquals("Hồ sơ xét duyệt nhiệm vụ khoa học cấp tỉnh đặt hàng năm 2027", r.title());
        assertEquals("20Y", r.retention());
        assertEquals(20, r.retentionYears().getAsInt());
        assertEquals(officialId, r.responsibleUserId());
        assertEquals("Đề tài về chuyển đổi số", r.notes());
        assertEquals(new CatalogueRow.Heading("II", "Khoa học và công nghệ"), r.heading());
        assertTrue(service.row(2037, "01.TCCB").orElseThrow().permanent());
        assertTrue(service.row(2037, "09.XX").isEmpty());
        assertTrue(service.row(2038, "01.KHCN").isEmpty());
    }
}
