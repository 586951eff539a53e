package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a dossier refuses, and what it still does, one case each; on a real PostgreSQL. */
class DossierRulesTest {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.POSTGRES);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void closing_an_empty_dossier_is_409() {
        String id = DossierPackages.open(s, "02.EMPTY");
        var r = DossierPackages.close(s, id);
        assertEquals(409, r.status(), r.text());
        assertEquals("DOSSIER_EMPTY", r.errorCode());
        assertEquals("OPEN", s.get("/api/v1/dossiers/" + id, "clerk").json().path("status").asText());
    }

    @Test
    void filing_into_or_removing_from_a_closed_dossier_is_409() {
        String id = DossierPackages.open(s, "03.CLOSED");
        String item = DossierPackages.fileUpload(s, id, "scan.pdf", DossierPackages.scan("BẢN QUÉT"), null).json().path("id").asText();
        assertEquals(200, DossierPackages.close(s, id).status());
        var filed = DossierPackages.fileUpload(s, id, "late.pdf", DossierPackages.scan("MUỘN"), null);
        assertEquals(409, filed.status(), filed.text());
        assertEquals("DOSSIER_NOT_OPEN", filed.errorCode());
        var removed = s.delete("/api/v1/dossiers/" + id + "/documents/" + item, "clerk");
        assertEquals(409, removed.status(), removed.text());
        assertEquals(1, s.get("/api/v1/dossiers/" + id, "clerk").json().path("items").size());
    }

    @Test
    void a_duplicate_symbol_in_the_same_year_is_409_and_another_year_may_reuse_it() {
        DossierPackages.open(s, "04.DUP");
        String clerk = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
        var again = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "04.DUP", "title", "Khác", "retention", "PERMANENT",
                "responsibleUserId", clerk));
        assertEquals(409, again.status(), again.text());
        assertEquals("DUPLICATE_SYMBOL", again.errorCode());
        var nextYear = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "04.DUP", "title", "Năm sau", "retention",
                "PERMANENT", "responsibleUserId", clerk, "year", 2027, "startDate", "2027-01-05"));
        assertEquals(201, nextYear.status(), nextYear.text());
        assertTrue(nextYear.json().path("fileCode").asText().endsWith(".2027.04.DUP"), nextYear.text());
    }

    @Test
    void removing_an_item_while_open_takes_it_out_of_the_dossier() {
        String id = DossierPackages.open(s, "05.REMOVE");
        String item = DossierPackages.fileUpload(s, id, "nhap.pdf", DossierPackages.scan("DỰ THẢO"), null).json().path("id").asText();
        assertEquals(204, s.delete("/api/v1/dossiers/" + id + "/documents/" + item, "clerk").status());
        assertEquals(0, s.get("/api/v1/dossiers/" + id, "clerk").json().path("items").size());
        assertEquals(404, s.delete("/api/v1/dossiers/" + id + "/documents/" + item, "clerk").status());
    }

    @Test
    void a_failing_item_refuses_closing_naming_it_unless_forced_with_a_reason_which_is_recorded() {
        String id = DossierPackages.open(s, "06.FORCE");
        var signed = s.postMultipart("/api/v1/signatures", "official", new Multipart()
                .file("file", "cv.pdf", "application/pdf", DispatchPdf.congVan("GIÁM ĐỐC", "Trần Văn Bình"))
                .field("format", "PAdES").field("level", "B").field("keyId", "official1").field("pin", DossierPackages.PIN));
        byte[] tampered = signed.body().clone();
        tampered[11] ^= 0x01;   // inside the binary comment of the header: still a PDF, no longer the signed bytes
        var filed = DossierPackages.fileUpload(s, id, "bi-sua.pdf", tampered, null);
        assertEquals(201, filed.status(), filed.text());
        assertTrue(filed.json().path("verdict").asText().startsWith("TOTAL_FAILED"), filed.text());
        DossierPackages.fileUpload(s, id, "scan.pdf", DossierPackages.scan("BẢN QUÉT"), null);

        var refused = DossierPackages.close(s, id);
        assertEquals(409, refused.status(), refused.text());
        JsonNode error = refused.json().path("errors").get(0);
        assertEquals("ITEMS_FAIL_VALIDATION", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("bi-sua.pdf"), error.toString());
        assertEquals(List.of("bi-sua.pdf"), error.path("details").path("failingItems").findValuesAsText("fileName"));

        var noReason = s.postJson("/api/v1/dossiers/" + id + "/close", "clerk", Map.of("keyId", "seal", "pin", DossierPackages.PIN, "force", true));
        assertEquals(400, noReason.status(), noReason.text());
        var forced = s.postJson("/api/v1/dossiers/" + id + "/close", "clerk", Map.of("keyId", "seal", "pin", DossierPackages.PIN,
                "force", true, "reason", "Bản gốc đã thất lạc; lưu bản hiện có theo chỉ đạo của Chánh Văn phòng"));
        assertEquals(200, forced.status(), forced.text());
        JsonNode d = s.get("/api/v1/dossiers/" + id, "clerk").json();
        assertEquals("CLOSED", d.path("status").asText());
        assertTrue(d.path("forcedReason").asText().contains("thất lạc"));
        assertTrue(d.path("history").findValuesAsText("action").contains("CLOSED_FORCED"), d.toPrettyString());
    }

    @Test
    void a_wrong_pin_or_a_personal_key_does_not_close_the_dossier() {
        String id = DossierPackages.open(s, "07.PIN");
        DossierPackages.fileUpload(s, id, "scan.pdf", DossierPackages.scan("BẢN QUÉT"), null);
        var wrong = s.postJson("/api/v1/dossiers/" + id + "/close", "clerk", Map.of("keyId", "seal", "pin", "000000"));
        assertEquals(403, wrong.status(), wrong.text());
        assertEquals("WRONG_PIN", wrong.errorCode());
        assertEquals("OPEN", s.get("/api/v1/dossiers/" + id, "clerk").json().path("status").asText());
    }

    @Test
    void a_dossier_opened_from_a_catalogue_row_takes_its_symbol_title_retention_and_responsible_user() {
        String official = CatalogueFixtures.userId(s, "official");
        var put = CatalogueFixtures.put(s, 2026, "clerk", Map.of("headings", List.of(CatalogueFixtures.heading("I", "Tổng hợp",
                List.of(CatalogueFixtures.row("01.TH", "Hồ sơ báo cáo tổng kết năm 2026", "20Y", official, null))))));
        assertEquals(200, put.status(), put.text());
        var r = s.postJson("/api/v1/dossiers", "official", Map.of("catalogueSymbol", "01.TH", "year", 2026));
        assertEquals(201, r.status(), r.text());
        JsonNode d = r.json();
        assertEquals("01.TH", d.path("symbol").asText());
        assertEquals("Hồ sơ báo cáo tổng kết năm 2026", d.path("title").asText());
        assertEquals("20Y", d.path("maintenance").asText());
        assertEquals("20 năm", d.path("maintenanceLabel").asText());
        assertEquals(official, d.path("responsibleUserId").asText());
        assertTrue(s.get("/api/v1/dossiers?year=2026&status=OPEN&limit=100", "auditor").json().path("items")
                .findValuesAsText("symbol").contains("01.TH"));
    }

    @Test
    void bad_metadata_is_a_400_naming_the_field() {
        var r = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "08.BAD", "title", "X", "retention", "FOREVER"));
        assertEquals(400, r.status(), r.text());
        assertEquals("retention", r.json().path("errors").get(0).path("field").asText());
        var unknown = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "08.BAD", "title", "X", "retention", "10Y", "colour", "red"));
        assertEquals("UNKNOWN_FIELD", unknown.errorCode());
        var notInCatalogue = s.postJson("/api/v1/dossiers", "clerk", Map.of("catalogueSymbol", "99.NONE"));
        assertEquals(422, notInCatalogue.status(), notInCatalogue.text());
    }
}
