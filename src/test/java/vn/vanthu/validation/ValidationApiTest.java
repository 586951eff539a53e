package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.validation.Validate.firstSignature;
import static vn.vanthu.validation.Validate.ok;
import static vn.vanthu.validation.Validate.post;

/** The validation endpoints as clients use them: options, stored results, roles, the sealed PDF report. */
class ValidationApiTest {
    static TestServer server;
    static byte[] signed;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
        signed = SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_pdf_without_signatures_gives_200_with_no_signatures() {
        JsonNode r = ok(server, "plain.pdf", SignedFiles.pdf(1));
        assertEquals(0, r.path("signaturesCount").asInt());
        assertEquals(0, r.path("signatures").size());
    }

    @Test
    void random_bytes_give_422_unsupported_document() {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        TestServer.Response r = post(server, "official", "noise.bin", noise);
        assertEquals(422, r.status(), r.text());
        assertEquals("UNSUPPORTED_DOCUMENT", r.errorCode());
    }

    @Test
    void requested_reports_come_back_as_xml_and_unknown_kinds_are_400() {
        JsonNode r = ok(server, "signed.pdf", signed, "reports", "etsi,simple,detailed,diagnostic");
        assertTrue(r.path("reports").path("etsi").asText().contains("ValidationReport"));
        assertTrue(r.path("reports").path("simple").asText().contains("SimpleReport"));
        assertTrue(r.path("reports").path("detailed").asText().contains("DetailedReport"));
        assertTrue(r.path("reports").path("diagnostic").asText().contains("DiagnosticData"));
        assertEquals("INVALID_REPORTS", post(server, "auditor", "signed.pdf", signed, "reports", "pretty").errorCode());
    }

    @Test
    void validation_time_in_the_past_is_used_and_a_bad_one_is_400() {
        JsonNode r = ok(server, "signed.pdf", signed, "validationTime", "2026-01-02T09:00:00+07:00");
        assertEquals("2026-01-02T02:00:00Z", r.path("validationTime").asText());
        TestServer.Response bad = post(server, "auditor", "signed.pdf", signed, "validationTime", "yesterday");
        assertEquals(400, bad.status());
        assertEquals("INVALID_VALIDATION_TIME", bad.errorCode());
    }

    @Test
    void an_unknown_policy_is_400_naming_the_field() {
        TestServer.Response r = post(server, "auditor", "signed.pdf", signed, "policy", "nope");
        assertEquals(400, r.status());
        assertEquals("UNKNOWN_POLICY", r.errorCode());
    }

    @Test
    void the_result_is_stored_with_who_asked_and_its_etsi_report_for_auditors_only() {
        JsonNode r = Validate.ok(server, "signed.pdf", signed);
        String id = r.path("validationId").asText();
        TestServer.Response stored = server.get("/api/v1/validations/" + id, "auditor");
        assertEquals(200, stored.status(), stored.text());
        assertEquals("TOTAL_PASSED", firstSignature(stored.json()).path("indication").asText());
        assertNotNull(stored.json().path("requestedBy").textValue());
        assertNotNull(stored.json().path("requestedAt").textValue());
        assertTrue(stored.json().path("reports").path("etsi").asText().contains("ValidationReport"));
        assertEquals(403, server.get("/api/v1/validations/" + id, "clerk").status());
        assertEquals(404, server.get("/api/v1/validations/val_missing", "auditor").status());

        JsonNode audit = server.get("/api/v1/audit?action=VALIDATE", "auditor").json();
        assertTrue(audit.toString().contains(id), audit.toString());
        assertTrue(audit.toString().contains("1 signatures, 1 valid"), audit.toString());
    }

    @Test
    void the_list_is_paged_newest_first() {
        String first = ok(server, "a.pdf", signed).path("validationId").asText();
        String second = ok(server, "b.pdf", signed).path("validationId").asText();
        JsonNode page = server.get("/api/v1/validations?limit=1", "auditor").json();
        assertEquals(second, page.path("items").path(0).path("validationId").asText());
        JsonNode next = server.get("/api/v1/validations?limit=1&cursor=" + page.path("nextCursor").asText(), "auditor").json();
        assertEquals(first, next.path("items").path(0).path("validationId").asText());
    }

    @Test
    void the_pdf_report_is_sealed_valid_for_pdfsig_and_shows_labels_and_verdict() throws Exception {
        String id = ok(server, "công văn.pdf", signed).path("validationId").asText();
        TestServer.Response pdf = server.get("/api/v1/validations/" + id + "/report.pdf", "auditor");
        assertEquals(200, pdf.status(), pdf.text());
        assertEquals("application/pdf", pdf.header("Content-Type"));
        Path file = Files.createTempFile("report", ".pdf");
        Files.write(file, pdf.body());
        String sig = run("pdfsig", file.toString());
        assertTrue(sig.contains("Signature is Valid"), sig);
        String text = run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
        assertTrue(text.contains("BÁO CÁO KIỂM TRA CHỮ KÝ SỐ"), text);
        assertTrue(text.contains("DIGITAL SIGNATURE VALIDATION REPORT"), text);
        assertTrue(text.contains("Kết luận / Verdict: TOTAL_PASSED"), text);
        assertTrue(text.contains("Nguyễn Hữu Thắng"), text);
    }

    static String run(String... cmd) {
        return vn.vanthu.support.OutsideTools.run(null, cmd).output();
    }
}
