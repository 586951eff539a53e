package vn.vanthu.digitization;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paper dossier of two one-page documents digitized in one job and filed into a work dossier: the items carry
 * the CSV's metadata and the origin DIGITIZED (code 02) in the dossier, its export.xml and its sealed package.
 * A digitization is also filed on its own; a dossier holding both kinds is mixed (03). A batch naming a dossier
 * that does not take documents is refused before any job starts.
 */
class DigitizedDossierTest {
    private static final String ORIGIN_SCANNED = "<Origin>02</Origin>";
    private static TestServer server;
    private static String dossierId;
    private static JsonNode accepted;
    private static JsonNode job;

    @BeforeAll
    static void digitizeIntoDossier() throws Exception {
        Digitize.requireOcr();
        server = TestServer.start(Databases.Kind.H2);
        dossierId = open("01.SOHOA");
        TestServer.Response r = batch(dossierId);
        assertEquals(202, r.status(), r.text());
        accepted = r.json();
        job = Digitize.awaitJob(server, accepted.path("jobId").asText(), Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static TestServer.Response batch(String dossier) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("trang-1.png", Scans.png(Scans.samplePage(1, 200, 0.5, 7), 200));
        entries.put("trang-2.png", Scans.png(Scans.samplePage(2, 200, -0.5, 8), 200));
        String csv = BatchRefusalsTest.HEADER
                + "trang-1.png,125/SKHCN-VP,2023-04-10,Sở Khoa học và Công nghệ,CV,Đôn đốc cải cách hành chính,1\n"
                + "trang-2.png,,2023-04-11,,Tờ trình,Trang 2 của hồ sơ giấy,1\n";
        return server.postMultipart("/api/v1/digitizations/batches", "clerk", new Multipart()
                .file("archive", "ho-so.zip", "application/zip", BatchRefusalsTest.zip(entries))
                .file("documents", "ho-so.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .field("dossierId", dossier));
    }

    private static String open(String symbol) {
        String clerk = server.get("/api/v1/users/me", "clerk").json().path("id").asText();
        TestServer.Response r = server.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", symbol, "title",
                "Hồ sơ số hóa từ tài liệu giấy", "retention", "10Y", "responsibleUserId", clerk));
        assertEquals(201, r.status(), r.text());
        return r.json().path("id").asText();
    }

    private static void uploadBornDigital(String dossier) {
        TestServer.Response r = server.postMultipart("/api/v1/dossiers/" + dossier + "/documents", "clerk",
                new Multipart().file("file", "phu-luc.pdf", "application/pdf", DispatchPdf.appendix("Phụ lục điện tử")));
        assertEquals(201, r.status(), r.text());
        assertEquals("DIGITAL", r.json().path("origin").asText(), r.text());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void a_batch_naming_a_dossier_files_every_document_with_its_metadata_and_the_origin_digitized() {
        assertEquals("DONE", job.path("state").asText(), job.toString());
        JsonNode d = server.get("/api/v1/dossiers/" + dossierId, "auditor").json();
        assertEquals("02", d.path("originCode").asText(), d.toString());
        JsonNode items = d.path("items");
        assertEquals(2, items.size(), d.toString());
        Set<String> ids = new HashSet<>();
        accepted.path("digitizationIds").forEach(id -> ids.add(id.asText()));
        for (JsonNode item : items) {
            assertEquals("DIGITIZED", item.path("origin").asText(), item.toString());
            assertEquals("02", item.path("originCode").asText(), item.toString());
            assertTrue(ids.remove(item.path("digitizationId").asText()), item.toString());
            assertEquals(1, item.path("pageCount").asInt(), item.toString());
        }
        assertEquals("125/SKHCN-VP", items.path(0).path("numberSymbol").asText());
        assertEquals("INCOMING", items.path(0).path("kind").asText());
        assertEquals("Sở Khoa học và Công nghệ", items.path(0).path("issuingOrgan").asText());
        assertEquals("2023-04-11", items.path(1).path("documentDate").asText());
        assertEquals("Tờ trình", items.path(1).path("documentType").asText());
        assertEquals("OTHER", items.path(1).path("kind").asText());
    }

    @Test
    void the_dossier_is_filed_as_scanned_in_its_export_and_in_its_sealed_package() throws IOException {
        assertEquals("DONE", job.path("state").asText(), job.toString());
        String xml = server.get("/api/v1/dossiers/" + dossierId + "/export.xml", "clerk").text();
        assertEquals(3, count(xml, ORIGIN_SCANNED), xml);   // the dossier and each of its two documents
        TestServer.Response closed = server.postJson("/api/v1/dossiers/" + dossierId + "/close", "clerk",
                Map.of("keyId", "seal", "pin", "123456"));
        assertEquals(200, closed.status(), closed.text());
        TestServer.Response pkg = server.get("/api/v1/dossiers/" + dossierId + "/package", "clerk");
        assertEquals(200, pkg.status(), pkg.text());
        Map<String, String> metadata = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pkg.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().contains("metadata/descriptive/")) {
                    metadata.put(e.getName().substring(e.getName().lastIndexOf('/') + 1),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(1, count(metadata.getOrDefault("dossier.xml", ""), ORIGIN_SCANNED), metadata.toString());
        assertEquals(2, count(metadata.getOrDefault("documents.xml", ""), ORIGIN_SCANNED), metadata.toString());
    }

    @Test
    void a_digitization_filed_on_its_own_keeps_its_origin_and_a_dossier_of_both_kinds_is_mixed() {
        assertEquals("DONE", job.path("state").asText(), job.toString());
        String mixed = open("02.HONHOP");
        uploadBornDigital(mixed);
        String digitization = accepted.path("digitizationIds").path(0).asText();
        TestServer.Response r = server.postJson("/api/v1/dossiers/" + mixed + "/documents", "clerk",
                Map.of("digitizationId", digitization));
        assertEquals(201, r.status(), r.text());
        assertEquals("DIGITIZED", r.json().path("origin").asText());
        assertEquals(digitization, r.json().path("digitizationId").asText());
        assertEquals("125/SKHCN-VP", r.json().path("numberSymbol").asText());
        assertEquals("03", server.get("/api/v1/dossiers/" + mixed, "clerk").json().path("originCode").asText());
        String xml = server.get("/api/v1/dossiers/" + mixed + "/export.xml", "clerk").text();
        assertTrue(xml.contains("<Origin>03</Origin>"), xml);
    }

    @Test
    void only_the_responsible_person_or_a_clerk_files_a_digitization_and_an_unknown_one_is_404() {
        assertEquals("DONE", job.path("state").asText(), job.toString());
        String digitization = accepted.path("digitizationIds").path(1).asText();
        String target = open("03.KHAC");
        TestServer.Response intruder = server.postJson("/api/v1/dossiers/" + target + "/documents", "official",
                Map.of("digitizationId", digitization));
        assertEquals(403, intruder.status(), intruder.text());
        assertEquals("NOT_RESPONSIBLE", intruder.errorCode());
        TestServer.Response unknown = server.postJson("/api/v1/dossiers/" + target + "/documents", "clerk",
                Map.of("digitizationId", "khong-co"));
        assertEquals(404, unknown.status(), unknown.text());
        TestServer.Response both = server.postJson("/api/v1/dossiers/" + target + "/documents", "clerk",
                Map.of("digitizationId", digitization, "dispatchId", "x"));
        assertEquals(400, both.status(), both.text());
        assertEquals("AMBIGUOUS_SOURCE", both.errorCode());
        assertEquals(0, server.get("/api/v1/dossiers/" + target, "clerk").json().path("items").size());
    }

    @Test
    void a_batch_naming_a_closed_or_unknown_dossier_is_refused_before_any_job_starts() {
        String closedDossier = open("04.DADONG");
        uploadBornDigital(closedDossier);
        TestServer.Response closed = server.postJson("/api/v1/dossiers/" + closedDossier + "/close", "clerk",
                Map.of("keyId", "seal", "pin", "123456"));
        assertEquals(200, closed.status(), closed.text());
        TestServer.Response refused = batch(closedDossier);
        assertEquals(409, refused.status(), refused.text());
        assertEquals("DOSSIER_NOT_OPEN", refused.errorCode());
        assertFalse(refused.text().contains("jobId"), refused.text());
        assertEquals(1, server.get("/api/v1/dossiers/" + closedDossier, "clerk").json().path("items").size());
        TestServer.Response unknown = batch("khong-co-ho-so-nay");
        assertEquals(404, unknown.status(), unknown.text());
        assertFalse(unknown.text().contains("jobId"), unknown.text());
    }

    @Test
    void a_digitization_is_received_and_registered_as_a_scanned_incoming_document_with_its_own_metadata() {
        assertEquals("DONE", job.path("state").asText(), job.toString());
        String digitization = accepted.path("digitizationIds").path(0).asText();
        TestServer.Response r = server.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .field("digitizationId", digitization).field("register", "true"));
        assertEquals(201, r.status(), r.text());
        assertEquals("PAPER", r.json().path("origin").asText(), r.text());
        assertTrue(r.json().path("scanned").asBoolean(), r.text());
        assertEquals("REGISTERED", r.json().path("status").asText(), r.text());
        assertEquals("Sở Khoa học và Công nghệ", r.json().path("sendingOrgan").asText());
        assertEquals("125/SKHCN-VP", r.json().path("numberSymbol").asText());
        String id = r.json().path("id").asText();
        byte[] kept = server.get("/api/v1/incoming/" + id + "/file", "clerk").body();
        byte[] digitized = server.get("/api/v1/digitizations/" + digitization + "/file", "clerk").body();
        assertTrue(java.util.Arrays.equals(digitized, kept), "the incoming file is the searchable PDF/A itself");
        TestServer.Response noNumber = server.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .field("digitizationId", accepted.path("digitizationIds").path(1).asText()));
        assertEquals(400, noNumber.status(), noNumber.text());
        assertEquals("MISSING_FIELD", noNumber.errorCode(), noNumber.text());
        TestServer.Response unknown = server.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .field("digitizationId", "khong-co"));
        assertEquals(404, unknown.status(), unknown.text());
    }
}
