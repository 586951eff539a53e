package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.dispatch.DispatchFixtures.PIN;

/** An outgoing dispatch from draft to issue through the HTTP API, as the official and the clerk do it. */
class DispatchFlowTest {
    private static TestServer s;

    @BeforeAll
    static void start() {
        // auditors inspect secret dispatches here; by default only clerks (and creator and signer) see them
        s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_SECRET_ROLES", "CLERK,AUDITOR"));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void official_signs_clerk_issues_and_both_signatures_stay_valid_with_number_and_date_on_page_one() throws Exception {
        String id = DispatchFixtures.signedDraft(s, "CV");
        assertEquals("SIGNED", s.get("/api/v1/dispatches/" + id, "clerk").json().path("status").asText());

        TestServer.Response issued = DispatchFixtures.issue(s, id);
        assertEquals(200, issued.status(), issued.text());
        JsonNode body = issued.json();
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertTrue(body.path("codeNumber").asText().matches("\\d{2,}"), body.toString());
        assertEquals(body.path("codeNumber").asText() + "/SKHCN-VP", body.path("number").asText());
        assertEquals("SKHCN-VP", body.path("codeNotation").asText());
        assertEquals(today, body.path("issuedDate").asText());
        assertTrue(body.path("documentId").asText().startsWith("000.00.12.H56," + today.replace('-', '/') + ","));

        byte[] pdf = s.get("/api/v1/dispatches/" + id + "/file", "auditor").body();
        assertEquals(List.of("TOTAL_PASSED", "TOTAL_PASSED"), DispatchFixtures.dssIndications(pdf));
        String pdfsig = DispatchFixtures.pdfsig(pdf);
        assertEquals(2, pdfsig.split("Signature is Valid", -1).length - 1, pdfsig);
        String page1 = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(pdf));
        assertTrue(page1.contains("Số:"), page1);

        JsonNode detail = s.get("/api/v1/dispatches/" + id, "auditor").json();
        assertEquals("ISSUED", detail.path("status").asText());
        assertEquals(List.of("CREATED", "SIGNED", "ISSUED"),
                detail.path("history").findValuesAsText("action"));
        assertEquals("Công văn", detail.path("metadata").path("TypeName").asText());
        assertEquals("Nguyễn Hữu Thắng", detail.path("metadata").path("SignerInfo").path("FullName").asText());
    }

    @Test
    void issuing_twice_gives_409_and_the_issued_bytes_never_change() {
        String id = DispatchFixtures.signedDraft(s, "KH");
        TestServer.Response first = DispatchFixtures.issue(s, id);
        assertEquals(200, first.status(), first.text());
        assertTrue(first.json().path("number").asText().endsWith("/KH-SKHCN"));
        byte[] before = s.get("/api/v1/dispatches/" + id + "/file", "clerk").body();
        TestServer.Response again = DispatchFixtures.issue(s, id);
        assertEquals(409, again.status());
        assertEquals("ALREADY_ISSUED", again.errorCode());
        assertEquals(409, s.postJson("/api/v1/dispatches/" + id + "/sign", "official",
                Map.of("keyId", "official1", "pin", PIN)).status());
        assertEquals(409, s.postMultipart("/api/v1/dispatches/" + id + "/attachments", "clerk", new Multipart()
                .file("file", "pl.pdf", "application/pdf", DispatchPdf.appendix("PHỤ LỤC"))).status());
        assertTrue(java.util.Arrays.equals(before, s.get("/api/v1/dispatches/" + id + "/file", "clerk").body()));
    }

    @Test
    void a_secret_dispatch_takes_its_number_from_the_secret_series() {
        String ordinary = DispatchFixtures.signedDraft(s, "TTr");
        assertEquals(200, DispatchFixtures.issue(s, ordinary).status());
        String meta = DispatchFixtures.metadata(s, "BC", "Báo cáo mật").replace("\"secret\":false", "\"secret\":true");
        String id = s.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "bc.pdf", "application/pdf", DispatchPdf.withSymbol("/BC-SKHCN-M"))
                .field("metadata", meta)).json().path("id").asText();
        assertEquals(200, s.postJson("/api/v1/dispatches/" + id + "/sign", "official",
                Map.of("keyId", "official1", "pin", PIN)).status());
        JsonNode issued = DispatchFixtures.issue(s, id).json();
        assertEquals("01/BC-SKHCN-M", issued.path("number").asText(), issued.toString());   // never 01/BC-SKHCN twice
        assertTrue(s.get("/api/v1/dispatches/" + id, "auditor").json().path("secret").asBoolean());
    }

    @Test
    void issuing_an_unsigned_dispatch_gives_409_and_takes_no_number() {
        String id = DispatchFixtures.create(s, "QĐ", DispatchPdf.draft("QĐ"))
                .json().path("id").asText();
        TestServer.Response r = DispatchFixtures.issue(s, id);
        assertEquals(409, r.status());
        assertEquals("NOT_SIGNED", r.errorCode());
    }

    @Test
    void only_the_official_named_as_signer_signs() {
        String id = DispatchFixtures.create(s, "TB", DispatchPdf.draft("TB"))
                .json().path("id").asText();
        String official2 = official2Token();
        TestServer.Response other = s.postJson("/api/v1/dispatches/" + id + "/sign", official2,
                Map.of("keyId", "official2", "pin", PIN));
        assertEquals(403, other.status(), other.text());
        assertEquals(403, s.postJson("/api/v1/dispatches/" + id + "/sign", "clerk",
                Map.of("keyId", "seal", "pin", PIN)).status());
        TestServer.Response wrongPin = s.postJson("/api/v1/dispatches/" + id + "/sign", "official",
                Map.of("keyId", "official1", "pin", "000000"));
        assertEquals(403, wrongPin.status());
        assertEquals("WRONG_PIN", wrongPin.errorCode());
        assertEquals("DRAFT", s.get("/api/v1/dispatches/" + id, "official").json().path("status").asText());
    }

    private static String official2Token() {
        for (JsonNode u : s.get("/api/v1/users", "admin").json().path("items")) {
            if (u.path("login").asText().equals("official2")) {
                return s.postJson("/api/v1/users/" + u.path("id").asText() + "/tokens", "admin", Map.of("label", "test"))
                        .json().path("token").asText();
            }
        }
        throw new IllegalStateException("no official2");
    }

    @Test
    void a_draft_without_a_findable_signer_block_needs_a_position_else_422() {
        String id = DispatchFixtures.create(s, "BC", DispatchPdf.withoutSignerBlock("BC")).json().path("id").asText();
        TestServer.Response r = s.postJson("/api/v1/dispatches/" + id + "/sign", "official",
                Map.of("keyId", "official1", "pin", PIN));
        assertEquals(422, r.status(), r.text());
        assertEquals("SIGNER_BLOCK_NOT_FOUND", r.errorCode());
        TestServer.Response placed = s.postJson("/api/v1/dispatches/" + id + "/sign", "official",
                Map.of("keyId", "official1", "pin", PIN,
                        "visible", Map.of("page", 1, "x", 330, "y", 600, "width", 160, "height", 60)));
        assertEquals(200, placed.status(), placed.text());
    }

    @Test
    void bad_drafts_are_refused_naming_the_field() {
        byte[] pdf = DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng");
        TestServer.Response unknownType = DispatchFixtures.create(s, "XX", pdf);
        assertEquals(400, unknownType.status());
        assertEquals("documentType", unknownType.json().path("errors").get(0).path("field").asText());
        TestServer.Response noSubject = s.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "a.pdf", "application/pdf", pdf)
                .field("metadata", DispatchFixtures.metadata(s, "KH", "")));
        assertEquals(400, noSubject.status());
        assertEquals("subject", noSubject.json().path("errors").get(0).path("field").asText());
        TestServer.Response notPdf = s.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "a.pdf", "application/pdf", "hello".getBytes(StandardCharsets.UTF_8))
                .field("metadata", DispatchFixtures.metadata(s, "KH", "Kế hoạch")));
        assertEquals(422, notPdf.status());
        assertEquals("file", notPdf.json().path("errors").get(0).path("field").asText());
    }
}
