package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appendices sealed at issue, and the outgoing register as JSON, CSV and printable PDF. */
class RegisterAndAppendixTest {
    private static TestServer s;
    private static String id;
    private static String number;

    @BeforeAll
    static void issueOneWithAnAppendix() {
        s = TestServer.start(Databases.Kind.H2);
        id = DispatchFixtures.signedDraft(s, "KH");
        var attached = s.postMultipart("/api/v1/dispatches/" + id + "/attachments", "clerk", new Multipart()
                .file("file", "phu-luc.pdf", "application/pdf", DispatchPdf.appendix("PHỤ LỤC I")));
        assertEquals(201, attached.status(), attached.text());
        var issued = DispatchFixtures.issue(s, id);
        assertEquals(200, issued.status(), issued.text());
        number = issued.json().path("number").asText();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void the_appendix_is_sealed_top_right_of_page_one_without_image_and_validates() throws Exception {
        JsonNode detail = s.get("/api/v1/dispatches/" + id, "auditor").json();
        JsonNode a = detail.path("attachments").get(0);
        byte[] pdf = s.get("/api/v1/documents/" + a.path("sha256").asText(), "auditor").body();
        assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(pdf));
        assertTrue(DispatchFixtures.pdfsig(pdf).contains("Signature is Valid"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getSignatureDictionaries().get(0);
            assertTrue(sig.getReason().contains(number), sig.getReason());
            var widget = doc.getSignatureFields().get(0).getWidgets().get(0);
            PDRectangle r = widget.getRectangle();
            PDRectangle page = doc.getPage(0).getMediaBox();
            assertTrue(r.getLowerLeftX() > page.getWidth() / 2 && r.getLowerLeftY() > page.getHeight() * 0.8, r.toString());
        }
        assertTrue(detail.path("history").findValuesAsText("action").contains("ATTACHED"));
    }

    @Test
    void the_register_lists_the_issued_dispatch_as_json_csv_and_pdf() throws Exception {
        int year = Integer.parseInt(s.get("/api/v1/dispatches/" + id, "clerk").json().path("issuedDate").asText().substring(0, 4));
        JsonNode json = s.get("/api/v1/registers/outgoing?year=" + year, "auditor").json();
        JsonNode row = json.path("items").get(0);
        assertEquals(number, row.path("number").asText());
        assertEquals("Kế hoạch: V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính năm 2023", row.path("typeAndSubject").asText());
        assertEquals("PHÓ GIÁM ĐỐC Nguyễn Hữu Thắng", row.path("signer").asText());

        String csv = s.get("/api/v1/registers/outgoing?year=" + year + "&format=csv", "clerk").text();
        assertTrue(csv.contains("\"Số, ký hiệu\"") && csv.contains("\"" + number + "\""), csv);

        var pdf = s.get("/api/v1/registers/outgoing?year=" + year + "&format=pdf", "clerk");
        assertEquals("application/pdf", pdf.header("Content-Type"));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM " + year) && text.contains(number), text);
            assertTrue(text.contains("PHÓ GIÁM ĐỐC") && text.contains("Hữu Thắng"), text);
        }
        assertEquals(0, s.get("/api/v1/registers/outgoing?year=" + (year - 1), "clerk").json().path("items").size());
        assertEquals(400, s.get("/api/v1/registers/outgoing?year=" + year + "&format=xls", "clerk").status());
    }

    @Test
    void the_edxml_message_carries_the_header_the_pdf_and_appendix_and_a_valid_seal_signature() throws Exception {
        var r = s.get("/api/v1/dispatches/" + id + "/edxml", "auditor");
        assertEquals(200, r.status(), r.text());
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document xml = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(r.body()));
        String ns = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
        assertEquals("edXML", xml.getDocumentElement().getLocalName());
        assertEquals(ns, xml.getDocumentElement().getNamespaceURI());
        JsonNode d = s.get("/api/v1/dispatches/" + id, "auditor").json();
        var header = (org.w3c.dom.Element) xml.getElementsByTagNameNS(ns, "MessageHeader").item(0);
        assertEquals("edXMLHeader", header.getParentNode().getLocalName());
        assertEquals("edXMLEnvelope", header.getParentNode().getParentNode().getLocalName());
        assertEquals(d.path("documentId").asText(), header.getElementsByTagNameNS(ns, "DocumentId").item(0).getTextContent());
        assertEquals(d.path("codeNumber").asText(), header.getElementsByTagNameNS(ns, "CodeNumber").item(0).getTextContent());
        assertEquals("KH-SKHCN", header.getElementsByTagNameNS(ns, "CodeNotation").item(0).getTextContent());
        assertEquals("Nguyễn Hữu Thắng", header.getElementsByTagNameNS(ns, "FullName").item(0).getTextContent());
        var values = ((org.w3c.dom.Element) xml.getElementsByTagNameNS(ns, "AttachmentEncoded").item(0))
                .getElementsByTagNameNS(ns, "Value");
        assertEquals(2, values.getLength());
        byte[] pdf = s.get("/api/v1/dispatches/" + id + "/file", "auditor").body();
        assertTrue(java.util.Arrays.equals(pdf, java.util.Base64.getDecoder().decode(values.item(0).getTextContent())));
        assertEquals(1, xml.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").getLength());
        assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(r.body()));
        String draft = DispatchFixtures.create(s, "TB", DispatchPdf.draft("TB")).json().path("id").asText();
        assertEquals(409, s.get("/api/v1/dispatches/" + draft + "/edxml", "auditor").status());
    }

    @Test
    void xmlsec1_verifies_the_edxml_seal() throws Exception {
        OutsideTools.require("xmlsec1");
        byte[] message = s.get("/api/v1/dispatches/" + id + "/edxml", "auditor").body();
        Path file = Files.createTempFile("edxml", ".xml");
        try {
            Files.write(file, message);
            var result = OutsideTools.run(null, "xmlsec1", "--verify",
                    "--trusted-pem", Path.of("keystore-samples/root-ca.crt").toAbsolutePath().toString(),
                    "--untrusted-pem", Path.of("keystore-samples/issuing-ca.crt").toAbsolutePath().toString(),
                    "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", file.toString());
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.output().contains("SignedInfo References (ok/all): 2/2"), result.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void the_list_filters_by_status_and_pages() {
        JsonNode issued = s.get("/api/v1/dispatches?status=ISSUED", "official").json();
        assertEquals(1, issued.path("items").size());
        assertEquals(id, issued.path("items").get(0).path("id").asText());
        var created = DispatchFixtures.create(s, "GM", DispatchPdf.draft("GM"));
        assertEquals(201, created.status());
        JsonNode page1 = s.get("/api/v1/dispatches?limit=1", "official").json();
        assertEquals(1, page1.path("items").size());
        JsonNode page2 = s.get("/api/v1/dispatches?limit=1&cursor=" + page1.path("nextCursor").asText(), "official").json();
        assertEquals(1, page2.path("items").size());
        assertTrue(!page1.path("items").get(0).path("id").equals(page2.path("items").get(0).path("id")));
        assertEquals(400, s.get("/api/v1/dispatches?status=LOST", "official").status());
        assertTrue(new String(s.get("/api/v1/dispatches/" + id + "/file", "clerk").body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
    }
}
