package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Accounts;
import vn.vanthu.support.Databases;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The head of the agency approves the dossier catalogue by a decision (Decree 30 Art. 28, Appendix V): the signed
 * print carries the national title, the agency, the decision line, place and date and the approver's block;
 * a replacement needs a new approval, and every approved version stays downloadable.
 */
class CatalogueApprovalTest {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_AGENCY_HEADS", "official"), TestClock.at("2027-01-06T09:00"));
        for (int year : new int[]{2027, 2028}) {
            var r = CatalogueFixtures.put(s, year, "clerk", catalogue());
            assertEquals(200, r.status(), r.text());
        }
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void the_head_approves_the_catalogue_and_its_print_is_signed_with_the_decision_place_date_and_approver() throws IOException {
        assertFalse(s.get("/api/v1/catalogues/2027", "clerk").json().path("approved").asBoolean());
        assertTrue(text(s.get("/api/v1/catalogues/2027?format=pdf", "clerk").body()).contains("Dự thảo"));
        TestServer.Response a = approve("12/QĐ-SKHCN", "2027-01-05");
        assertEquals(201, a.status(), a.text());
        assertEquals(1, a.json().path("version").asInt());
        JsonNode c = s.get("/api/v1/catalogues/2027", "auditor").json();
        assertTrue(c.path("approved").asBoolean(), c.toString());
        assertEquals("12/QĐ-SKHCN", c.path("approval").path("decisionNumber").asText());
        byte[] pdf = s.get("/api/v1/catalogues/2027?format=pdf", "auditor").body();
        String sig = OutsideTools.pdfsig(pdf);
        assertEquals(1, sig.split("Signature is Valid", -1).length - 1, sig);
        String text = text(pdf).replaceAll("\\s+", " ");
        String official = s.get("/api/v1/users/me", "official").json().path("name").asText();
        for (String expected : new String[]{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Sở Khoa học và Công nghệ tỉnh Thái Bình", "DANH MỤC HỒ SƠ NĂM 2027",
                "Ban hành kèm theo Quyết định số 12/QĐ-SKHCN ngày 05 tháng 01 năm 2027",
                "Thái Bình, ngày 05 tháng 01 năm 2027", "GIÁM ĐỐC", official}) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertFalse(text.contains("Dự thảo"), text);
        TestServer.Response twice = approve("13/QĐ-SKHCN", "2027-01-05");
        assertEquals(409, twice.status(), twice.text());
        assertEquals("ALREADY_APPROVED", twice.errorCode());
    }

    @Test
    void a_replaced_catalogue_is_unapproved_until_approved_again_and_each_approved_version_is_kept() throws IOException {
        TestServer.Response first = approve(2028, "20/QĐ-SKHCN", "2027-01-04");
        assertEquals(201, first.status(), first.text());
        assertTrue(s.get("/api/v1/catalogues/2028", "clerk").json().path("approved").asBoolean());
        Map<String, Object> changed = CatalogueFixtures.withRow(catalogue(), 0, 0, r -> r.put("title", "Hồ sơ quy hoạch cán bộ (sửa đổi)"));
        assertEquals(200, CatalogueFixtures.put(s, 2028, "clerk", changed).status());
        JsonNode c = s.get("/api/v1/catalogues/2028", "clerk").json();
        assertFalse(c.path("approved").asBoolean(), c.toString());
        byte[] draft = s.get("/api/v1/catalogues/2028?format=pdf", "clerk").body();
        assertTrue(text(draft).contains("Dự thảo"));
        assertFalse(OutsideTools.pdfsig(draft).contains("Signature is Valid"), "an unapproved print carries no signature");
        TestServer.Response again = approve(2028, "21/QĐ-SKHCN", "2027-01-06");
        assertEquals(201, again.status(), again.text());
        JsonNode items = s.get("/api/v1/catalogues/2028/approvals", "auditor").json().path("items");
        assertEquals(2, items.size(), items.toString());
        JsonNode before = items.get(0), last = items.get(1);
        assertEquals(2, last.path("version").asInt());
        assertTrue(last.path("current").asBoolean());
        assertFalse(before.path("current").asBoolean());
        byte[] oldPdf = s.get(before.path("file").asText(), "auditor").body();
        byte[] newPdf = s.get(last.path("file").asText(), "auditor").body();
        assertEquals(1, OutsideTools.pdfsig(oldPdf).split("Signature is Valid", -1).length - 1);
        assertEquals(1, OutsideTools.pdfsig(newPdf).split("Signature is Valid", -1).length - 1);
        assertFalse(text(oldPdf).contains("(sửa đổi)"), "the earlier version as it was approved");
        assertTrue(text(newPdf).replaceAll("\\s+", " ").contains("(sửa đổi)"));
        assertTrue(text(newPdf).contains("21/QĐ-SKHCN"));
        assertEquals(404, s.get("/api/v1/catalogues/2028/approvals/99/file", "auditor").status());
    }

    @Test
    void only_the_head_approves_with_a_decision_dated_up_to_today() {
        TestServer.Response notHead = s.postJson("/api/v1/catalogues/2027/approve", Accounts.token(s, "official2"), body("30/QĐ-SKHCN", "2027-01-05"));
        assertEquals(403, notHead.status(), notHead.text());
        assertEquals("NOT_AGENCY_HEAD", notHead.errorCode());
        assertEquals(403, s.postJson("/api/v1/catalogues/2027/approve", "clerk", body("30/QĐ-SKHCN", "2027-01-05")).status());
        assertEquals("INVALID_DECISION_DATE", approve("30/QĐ-SKHCN", "2027-01-07").errorCode(), "tomorrow");
        assertEquals("INVALID_DECISION_DATE", approve("30/QĐ-SKHCN", "2020-01-07").errorCode());
        assertEquals("INVALID_DATE", approve("30/QĐ-SKHCN", "05/01/2027").errorCode());
        assertEquals("INVALID_DECISION_NUMBER", approve("<script>", "2027-01-05").errorCode());
        TestServer.Response tooLong = approve("1".repeat(51), "2027-01-05");   // over the documented limit
        assertEquals(400, tooLong.status(), tooLong.text());
        assertEquals("FIELD_TOO_LONG", tooLong.errorCode());
        assertEquals("decisionNumber", tooLong.json().path("errors").get(0).path("field").asText());
        assertEquals(200, CatalogueFixtures.put(s, 2026, "clerk", catalogue()).status());
        Map<String, Object> wrongPin = body("30/QĐ-SKHCN", "2026-12-30");
        wrongPin.put("pin", "000000");
        assertEquals(403, s.postJson("/api/v1/catalogues/2026/approve", "official", wrongPin).status());
        assertFalse(s.get("/api/v1/catalogues/2026", "clerk").json().path("approved").asBoolean());
        assertEquals(0, s.get("/api/v1/catalogues/2026/approvals", "clerk").json().path("items").size());
        assertEquals(404, approveYear(2031).status(), "a year without a catalogue");
        assertEquals(400, s.postJson("/api/v1/catalogues/2027/approve", "official", "{\"decisionNumber\":1,\"x\":2}").status());
    }

    private static TestServer.Response approve(String number, String date) {
        return approve(2027, number, date);
    }

    private static TestServer.Response approve(int year, String number, String date) {
        return s.postJson("/api/v1/catalogues/" + year + "/approve", "official", body(number, date));
    }

    private static TestServer.Response approveYear(int year) {
        return s.postJson("/api/v1/catalogues/" + year + "/approve", "official", body("31/QĐ-SKHCN", "2027-01-05"));
    }

    private static Map<String, Object> body(String number, String date) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decisionNumber", number);
        m.put("decisionDate", date);
        m.put("place", "Thái Bình");
        m.put("position", "GIÁM ĐỐC");
        m.put("keyId", "official1");
        m.put("pin", DossierPackages.PIN);
        return m;
    }

    private static Map<String, Object> catalogue() {
        return CatalogueFixtures.catalogue(CatalogueFixtures.userId(s, "clerk"), CatalogueFixtures.userId(s, "official"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
