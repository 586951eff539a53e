package vn.vanthu.incoming;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;
import vn.vanthu.validation.SignedFiles;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.incoming.IncomingFixtures.metadata;
import static vn.vanthu.incoming.IncomingFixtures.receive;

/** Receiving (Art. 21): verdicts kept with the document, returning, registering in order, edXML from the exchange. */
class IncomingReceiveTest {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void a_signed_pdf_keeps_its_total_passed_verdict_and_registers_as_the_next_number_with_its_arrival_time() {
        var r = receive(s, IncomingFixtures.signedPdf(s), metadata("125/UBND-VP", "NORMAL", false));
        assertEquals(201, r.status(), r.text());
        JsonNode d = r.json();
        assertEquals("RECEIVED", d.path("status").asText());
        assertEquals("UPLOAD", d.path("origin").asText());
        assertEquals("TOTAL_PASSED", d.path("signatures").path(0).path("indication").asText(), r.text());
        assertEquals("Nguyễn Hữu Thắng", d.path("signatures").path(0).path("signedBy").asText());
        String id = d.path("id").asText();
        assertEquals("TOTAL_PASSED", s.get("/api/v1/incoming/" + id, "clerk").json().path("signatures").path(0)
                .path("indication").asText(), "the verdict is kept, not recomputed");

        long before = registerNumbers();
        var reg = s.postJson("/api/v1/incoming/" + id + "/register", "clerk", "");
        assertEquals(200, reg.status(), reg.text());
        assertEquals("REGISTERED", reg.json().path("status").asText());
        assertEquals(before + 1, reg.json().path("incomingNumber").asLong());
        assertTrue(reg.json().path("receivedAt").asText().endsWith("+07:00"), reg.text());
        String next = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("7/SXD-KH", "URGENT", false));
        assertEquals(before + 2, s.get("/api/v1/incoming/" + next, "clerk").json().path("incomingNumber").asLong());
        assertEquals(409, s.postJson("/api/v1/incoming/" + id + "/register", "clerk", "").status(), "registered once only");
        var events = s.get("/api/v1/audit?action=INCOMING_REGISTER&object=" + id, "auditor").json().path("items");
        assertEquals(1, events.size(), "one event, written with the change: " + events);
        assertEquals("SUCCESS", events.path(0).path("outcome").asText());
    }

    @Test
    void a_tampered_pdf_is_kept_as_total_failed_returned_with_its_reason_and_then_cannot_be_registered() {
        byte[] tampered = IncomingFixtures.signedPdf(s).clone();
        tampered[11] ^= 0x01;   // inside the header's binary comment: still a PDF, no longer the signed bytes
        var r = receive(s, tampered, metadata("9/STC-NS", "NORMAL", false));
        assertEquals(201, r.status(), r.text());
        assertEquals("TOTAL_FAILED", r.json().path("signatures").path(0).path("indication").asText(), r.text());
        String id = r.json().path("id").asText();

        var returned = s.postJson("/api/v1/incoming/" + id + "/return", "clerk", Map.of("reason", "Chữ ký số không hợp lệ"));
        assertEquals(200, returned.status(), returned.text());
        assertEquals("RETURNED", returned.json().path("status").asText());
        assertEquals("Chữ ký số không hợp lệ", returned.json().path("returnReason").asText());
        var again = s.postJson("/api/v1/incoming/" + id + "/register", "clerk", "");
        assertEquals(409, again.status(), again.text());
        assertEquals("RETURNED", again.errorCode());
        assertEquals("TOTAL_FAILED", s.get("/api/v1/incoming/" + id, "clerk").json().path("signatures").path(0)
                .path("indication").asText());
    }

    @Test
    void an_edxml_message_of_an_issued_dispatch_is_received_with_its_header_as_metadata_and_every_signature_checked() {
        String dispatch = DispatchFixtures.signedDraft(s, "CV");
        assertEquals(200, DispatchFixtures.issue(s, dispatch).status());
        var issued = s.get("/api/v1/dispatches/" + dispatch, "clerk").json();
        byte[] edxml = s.get("/api/v1/dispatches/" + dispatch + "/edxml", "clerk").body();

        var r = s.postMultipart("/api/v1/incoming", "clerk", new Multipart().file("file", "edxml.xml", "application/xml", edxml));
        assertEquals(201, r.status(), r.text());
        JsonNode d = r.json();
        assertEquals("EXCHANGE", d.path("origin").asText());
        assertEquals("Sở Khoa học và Công nghệ tỉnh Thái Bình", d.path("sendingOrgan").asText());
        assertEquals(issued.path("number").asText(), d.path("numberSymbol").asText());
        assertEquals(issued.path("subject").asText(), d.path("subject").asText());
        assertFalse(d.path("senderDocumentId").asText().isBlank(), "the sender's DocumentId is kept for the exchange");
        assertTrue(d.path("signatures").size() >= 2, "the message's seal and the document's signatures: " + d);
        for (JsonNode sig : d.path("signatures")) {
            assertEquals("TOTAL_PASSED", sig.path("indication").asText(), d.toString());
        }
        var pdf = s.get("/api/v1/incoming/" + d.path("id").asText() + "/file", "clerk");
        assertEquals(200, pdf.status());
        assertTrue(pdf.text().startsWith("%PDF"), "file 1 is the carried document");
        var twice = s.postMultipart("/api/v1/incoming", "clerk", new Multipart().file("file", "edxml.xml", "application/xml", edxml));
        assertEquals(409, twice.status(), twice.text());
        assertEquals("ALREADY_RECEIVED", twice.errorCode());
    }

    @Test
    void a_paper_document_arrives_as_a_scanned_pdf_without_signatures_and_registers_in_the_same_call() {
        var r = s.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .file("file", "scan.pdf", "application/pdf", SignedFiles.pdf(1))
                .field("metadata", metadata("15/QĐ-UBND", "NORMAL", false)).field("scanned", "true")
                .field("register", "true"));
        assertEquals(201, r.status(), r.text());
        assertEquals("PAPER", r.json().path("origin").asText());
        assertEquals("REGISTERED", r.json().path("status").asText());
        assertTrue(r.json().path("incomingNumber").asLong() >= 1, "one series with the electronic documents");
        assertTrue(r.json().path("scanned").asBoolean());
        assertEquals(0, r.json().path("signatures").size());
    }

    @Test
    void an_edxml_with_a_doctype_is_refused_and_nothing_is_kept() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLEnvelope><edXMLHeader><MessageHeader>"
                + "<Subject>&x;</Subject></MessageHeader></edXMLHeader></edXMLEnvelope></edXML>";
        int before = s.get("/api/v1/incoming?limit=500", "clerk").json().path("items").size();
        var r = s.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .file("file", "edxml.xml", "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, r.status(), r.text());
        assertEquals("INVALID_EDXML", r.errorCode());
        assertFalse(r.text().contains("root:"), "no entity was expanded");
        assertEquals(before, s.get("/api/v1/incoming?limit=500", "clerk").json().path("items").size());
    }

    @Test
    void an_edxml_answering_a_document_shows_what_it_answers_and_one_naming_half_of_it_is_refused() {
        String both = "<ResponseFor><OrganId>000.00.99.H56</OrganId><DocumentId>000.00.99.H56,2026/12/01,7/UBND-VP"
                + "</DocumentId></ResponseFor>";
        var r = s.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .file("file", "edxml.xml", "application/xml", answer("71", both)));
        assertEquals(201, r.status(), r.text());
        JsonNode rf = s.get("/api/v1/incoming/" + r.json().path("id").asText(), "clerk").json().path("responseFor");
        assertEquals("000.00.99.H56", rf.path("organId").asText(), rf.toString());
        assertEquals("000.00.99.H56,2026/12/01,7/UBND-VP", rf.path("documentId").asText());
        assertTrue(rf.path("dispatchId").isNull(), "another organ's document is none of our dispatches: " + rf);

        int before = s.get("/api/v1/incoming?limit=500", "clerk").json().path("items").size();
        var half = s.postMultipart("/api/v1/incoming", "clerk", new Multipart().file("file", "edxml.xml",
                "application/xml", answer("72", "<ResponseFor><OrganId>000.00.99.H56</OrganId></ResponseFor>")));
        assertEquals(422, half.status(), half.text());
        assertEquals("INVALID_EDXML", half.errorCode());
        assertEquals(before, s.get("/api/v1/incoming?limit=500", "clerk").json().path("items").size());
    }

    private static byte[] answer(String number, String responseFor) {
        return ("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLEnvelope><edXMLHeader><MessageHeader>"
                + "<From><OrganId>000.00.99.H56</OrganId><OrganName>UBND huyện Vũ Thư</OrganName></From>"
                + "<Code><CodeNumber>" + number + "</CodeNumber><CodeNotation>UBND-VP</CodeNotation></Code>"
                + "<PromulgationInfo><PromulgationDate>2026-12-02</PromulgationDate></PromulgationInfo>"
                + "<DocumentType><TypeName>Công văn</TypeName></DocumentType><Subject>V/v trả lời</Subject>"
                + "<DocumentId>000.00.99.H56,2026/12/02," + number + "/UBND-VP</DocumentId>" + responseFor
                + "</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deeply_nested_edxml_is_refused() {
        String xml = "<edXML>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</edXML>";
        var r = s.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .file("file", "edxml.xml", "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, r.status(), r.text());
        assertEquals("INVALID_EDXML", r.errorCode());
    }

    @Test
    void bad_metadata_is_a_json_error_naming_the_field() {
        byte[] pdf = SignedFiles.pdf(1);
        var noMetadata = receive(s, pdf, null);
        assertEquals(400, noMetadata.status(), noMetadata.text());
        assertEquals("metadata", noMetadata.json().path("errors").path(0).path("field").asText());
        var longSubject = receive(s, pdf, metadata("1/X", "NORMAL", false).replace("V/v triển khai", "x".repeat(1200)));
        assertEquals(422, longSubject.status(), longSubject.text());
        assertEquals("subject", longSubject.json().path("errors").path(0).path("field").asText());
        var urgency = receive(s, pdf, metadata("1/X", "SOON", false));
        assertEquals(400, urgency.status());
        assertEquals("urgency", urgency.json().path("errors").path(0).path("field").asText());
        var date = receive(s, pdf, metadata("1/X", "NORMAL", false).replace("2026-12-01", "2026-02-30"));
        assertEquals(400, date.status());
        assertEquals("documentDate", date.json().path("errors").path(0).path("field").asText());
        var unknown = receive(s, pdf, "{\"sendingOrgan\":\"A\",\"colour\":\"red\"}");
        assertEquals("UNKNOWN_FIELD", unknown.errorCode());
        var longReason = s.postJson("/api/v1/incoming/" + receive(s, pdf, metadata("3/X", "NORMAL", false))
                .json().path("id").asText() + "/return", "clerk", Map.of("reason", "x".repeat(2001)));
        assertEquals(422, longReason.status(), longReason.text());
        var returnWithoutReason = s.postJson("/api/v1/incoming/" + receive(s, pdf, metadata("2/X", "NORMAL", false))
                .json().path("id").asText() + "/return", "clerk", Map.of());
        assertEquals(400, returnWithoutReason.status());
        assertEquals("reason", returnWithoutReason.json().path("errors").path(0).path("field").asText());
    }

    private static long registerNumbers() {
        return s.get("/api/v1/registers/incoming", "clerk").json().path("items").size();
    }
}
