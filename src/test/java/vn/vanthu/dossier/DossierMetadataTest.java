package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dossier's Appendix VI metadata as the archive reads it: dates from its documents, people by name, Vietnamese
 * as the language, documents (not appendices) counted, the sealed dossier.xml CLOSED with its date, and the
 * filed dispatch knowing its FileCode and DocOrdinal.
 */
class DossierMetadataTest {
    private static TestServer s;
    private static String dossierId;
    private static String dispatchId;

    @BeforeAll
    static void fileThreeDocumentsOneWithAnAppendix() {
        s = TestServer.start(Databases.Kind.H2, java.util.Map.of(), TestClock.at("2026-12-07T09:00"));
        dispatchId = DispatchFixtures.signedDraft(s, "KH");
        var attached = s.postMultipart("/api/v1/dispatches/" + dispatchId + "/attachments", "clerk", new Multipart()
                .file("file", "phu-luc.pdf", "application/pdf", DispatchPdf.appendix("PHỤ LỤC I")));
        assertEquals(201, attached.status(), attached.text());
        assertEquals(200, DispatchFixtures.issue(s, dispatchId).status());
        dossierId = DossierPackages.open(s, "02.VP");
        upload("2026-11-20", "Công văn đến số 20");
        var filed = s.postJson("/api/v1/dossiers/" + dossierId + "/documents", "clerk", java.util.Map.of("dispatchId", dispatchId));
        assertEquals(201, filed.status(), filed.text());
        upload("2026-11-02", "Công văn đến số 02");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void the_metadata_takes_its_dates_from_the_documents_names_people_and_counts_documents_not_appendices() {
        String xml = s.get("/api/v1/dossiers/" + dossierId + "/export.xml", "clerk").text();
        String dossier = xml.substring(xml.indexOf("<Dossier"), xml.indexOf("</Dossier>"));
        assertEquals("2026-11-02", leaf(dossier, "StartDate"), "the earliest document, not the day it was opened");
        assertEquals("2026-12-07", leaf(dossier, "EndDate"));
        assertEquals("3", leaf(dossier, "DocTotal"), "four files: three documents, one appendix");
        String clerkName = s.get("/api/v1/users/me", "clerk").json().path("name").asText();
        String clerkId = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
        assertFalse(clerkName.isBlank());
        assertEquals(clerkName, leaf(dossier, "Creator"));
        assertEquals(clerkId, leaf(dossier, "CreatorId"));
        assertEquals(clerkName, leaf(dossier, "Responsible"));
        assertEquals(clerkId, leaf(dossier, "ResponsibleId"));
        assertEquals(3, s.get("/api/v1/dossiers/" + dossierId, "clerk").json().path("docTotal").asInt());
        assertEquals("Tiếng Việt", s.get("/api/v1/dossiers/" + dossierId, "clerk").json().path("language").asText());
        List<String> languages = all(xml, "Language");
        assertEquals(5, languages.size());
        assertTrue(languages.stream().allMatch("Tiếng Việt"::equals), languages.toString());
        String[] documents = xml.split("<Document ");
        assertEquals(5, documents.length, "four Document elements");
        for (int i = 1; i < documents.length; i++) {
            for (String field : List.of("FileCode", "DocOrdinal", "Mode", "ConfidenceLevel", "Format", "Keyword", "InforSign")) {
                assertFalse(leaf(documents[i], field).isBlank(), field + " in " + documents[i]);
            }
        }
        assertEquals(List.of("1", "2", "3", "3"), all(xml, "DocOrdinal"), "the appendix shares its document's ordinal");
        String sealed = java.util.Arrays.stream(documents).filter(d -> leaf(d, "TypeName").equals("Kế hoạch")).findFirst().orElseThrow();
        assertEquals("01", leaf(sealed, "ConfidenceLevel"), "the sealed dispatch: an electronic original whose signatures hold");
        assertEquals("application/pdf", leaf(sealed, "Format"));
        assertTrue(leaf(sealed, "InforSign").startsWith("2 chữ ký số"), sealed);
    }

    @Test
    void a_filed_dispatch_knows_its_file_code_and_document_ordinal() {
        JsonNode meta = s.get("/api/v1/dispatches/" + dispatchId, "clerk").json().path("metadata");
        String fileCode = s.get("/api/v1/dossiers/" + dossierId, "clerk").json().path("fileCode").asText();
        assertEquals(fileCode, meta.path("FileCode").asText(), meta.toString());
        assertEquals(3, meta.path("DocOrdinal").asInt(), "after the documents of 2 and 20 November: " + meta);
    }

    @Test
    void the_sealed_dossier_xml_says_closed_with_the_closing_date() {
        String other = DossierPackages.open(s, "03.VP");
        var r = DossierPackages.fileUpload(s, other, "to-trinh.pdf", DossierPackages.scan("TỜ TRÌNH"),
                "{\"numberSymbol\":\"05/TTr-VP\",\"documentDate\":\"2026-10-01\",\"issuingOrgan\":\"Văn phòng\","
                        + "\"documentType\":\"Tờ trình\",\"subject\":\"Tờ trình mua sắm\"}");
        assertEquals(201, r.status(), r.text());
        assertEquals(200, DossierPackages.close(s, other).status());
        byte[] zip = s.get("/api/v1/dossiers/" + other + "/package", "auditor").body();
        String xml = new String(DossierPackages.unzip(zip).get("metadata/descriptive/dossier.xml"), StandardCharsets.UTF_8);
        assertEquals("CLOSED", leaf(xml, "Status"), xml);
        assertEquals("2026-12-07", leaf(xml, "ClosedDate"), xml);
        assertEquals(s.get("/api/v1/users/me", "clerk").json().path("name").asText(), leaf(xml, "ClosedBy"));
        assertEquals("2026-10-01", leaf(xml, "StartDate"));
        assertEquals("2026-10-01", leaf(xml, "EndDate"));
    }

    private static void upload(String date, String subject) {
        var r = DossierPackages.fileUpload(s, dossierId, subject + ".pdf", DossierPackages.scan(subject),
                "{\"numberSymbol\":\"" + date.substring(8) + "/UBND-VP\",\"documentDate\":\"" + date + "\","
                        + "\"issuingOrgan\":\"UBND tỉnh Thái Bình\",\"documentType\":\"Công văn\",\"subject\":\"" + subject + "\"}");
        assertEquals(201, r.status(), r.text());
    }

    private static String leaf(String xml, String name) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + name + ">([^<]*)</").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    private static List<String> all(String xml, String name) {
        return Pattern.compile("<(?:\\w+:)?" + name + ">([^<]*)</").matcher(xml).results().map(r -> r.group(1)).toList();
    }
}
