package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.store.Hashes;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work dossiers end to end: an issued dispatch, a signed incoming document and an unsigned scan are filed into a
 * dossier, which is closed and sealed; the package is checked by unzip + SHA-256 against METS.xml, by xmlsec1, and
 * by our own validator, then renewed.
 */
class DossierLifecycleTest {
    private static TestServer s;
    private static String dossierId;
    private static byte[] zip;

    @BeforeAll
    static void fileAndClose() {
        s = TestServer.start(Databases.Kind.H2);
        String dispatchId = DispatchFixtures.signedDraft(s, "KH");
        assertEquals(200, DispatchFixtures.issue(s, dispatchId).status());
        dossierId = DossierPackages.open(s, "01.VP");
        var filed = s.postJson("/api/v1/dossiers/" + dossierId + "/documents", "clerk", Map.of("dispatchId", dispatchId));
        assertEquals(201, filed.status(), filed.text());
        var signed = s.postMultipart("/api/v1/signatures", "official", new Multipart()
                .file("file", "cv-den.pdf", "application/pdf", DispatchPdf.congVan("GIÁM ĐỐC", "Trần Văn Bình"))
                .field("format", "PAdES").field("level", "LT").field("keyId", "official1").field("pin", DossierPackages.PIN));
        assertEquals(200, signed.status(), signed.text());
        var incoming = DossierPackages.fileUpload(s, dossierId, "Công văn đến số 12.pdf", signed.body(),
                "{\"numberSymbol\":\"12/UBND-VP\",\"documentDate\":\"2026-01-15\",\"issuingOrgan\":\"UBND tỉnh Thái Bình\","
                        + "\"documentType\":\"Công văn\",\"subject\":\"V/v triển khai văn bản điện tử\"}");
        assertEquals(201, incoming.status(), incoming.text());
        var scan = DossierPackages.fileUpload(s, dossierId, "../../etc/pass\twd.pdf", DossierPackages.scan("BẢN QUÉT"), null);
        assertEquals(201, scan.status(), scan.text());
        var closed = DossierPackages.close(s, dossierId);
        assertEquals(200, closed.status(), closed.text());
        var pkg = s.get("/api/v1/dossiers/" + dossierId + "/package", "auditor");
        assertEquals(200, pkg.status(), pkg.text());
        zip = pkg.body();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void filing_validates_each_document_and_orders_items_by_document_date() {
        JsonNode d = s.get("/api/v1/dossiers/" + dossierId, "clerk").json();
        JsonNode items = d.path("items");
        assertEquals(3, items.size(), d.toPrettyString());
        assertEquals("2026-01-15", items.get(0).path("documentDate").asText());
        assertEquals("12/UBND-VP", items.get(0).path("numberSymbol").asText());
        assertEquals("TOTAL_PASSED", items.get(0).path("verdict").asText());
        JsonNode dispatch = items.findParents("kind").stream().filter(i -> i.path("kind").asText().equals("DISPATCH")).findFirst().orElseThrow();
        assertEquals(2, dispatch.path("signaturesCount").asInt(), dispatch.toString());
        assertEquals("CLOSED", d.path("status").asText());
        assertEquals(3, d.path("docTotal").asInt());
        assertTrue(d.path("fileCode").asText().endsWith(".2026.01.VP") || d.path("fileCode").asText().contains(".01.VP"));
    }

    @Test
    void unzip_and_sha256_agree_with_mets() {
        Map<String, byte[]> files = DossierPackages.unzip(zip);
        int checked = 0;
        for (Map.Entry<String, String> listed : DossierPackages.metsChecksums(files.get("METS.xml")).entrySet()) {
            String name = listed.getKey();
            assertTrue(files.containsKey(name), name + " is listed in METS.xml but not in the package");
            assertEquals(listed.getValue(), Hashes.sha256Hex(files.get(name)), name);
            checked++;
        }
        assertEquals(files.size() - 2, checked, "every file but METS.xml and the seal is listed: " + files.keySet());
        String premis = new String(files.get("metadata/preservation/premis.xml"), java.nio.charset.StandardCharsets.UTF_8);
        for (String event : List.of("creation", "digital signature generation", "digital signature validation",
                "information package creation")) {
            assertTrue(premis.contains("<eventType>" + event + "</eventType>"), event);
        }
        assertTrue(premis.contains("Package sealed (XAdES-BASELINE-LTA)"), "the sealing event");
        assertTrue(files.containsKey("documentation/muc-luc-van-ban.pdf"));
        assertTrue(files.keySet().stream().anyMatch(n -> n.startsWith("metadata/preservation/validation/")), files.keySet().toString());
    }

    @Test
    void file_names_from_users_are_neutralised_in_the_package() {
        List<String> data = DossierPackages.unzip(zip).keySet().stream().filter(n -> n.startsWith("representations/")).toList();
        assertEquals(3, data.size(), data.toString());
        for (String n : data) {
            assertTrue(n.matches("representations/rep1/data/\\d{4}(-[a-z0-9._-]+)?(\\.[a-z0-9]+)?"), n);
            assertFalse(n.contains(".."), n);
        }
        assertTrue(data.stream().anyMatch(n -> n.endsWith("-cong-van-den-so-12.pdf")), data.toString());
    }

    @Test
    void xmlsec1_verifies_the_seal_over_mets_and_sha256sum_every_file_mets_lists() throws Exception {
        // The seal signs METS.xml; METS.xml lists every other file with its SHA-256, which sha256sum checks
        long files = DossierPackages.unzip(zip).keySet().stream()
                .filter(n -> !n.equals("METS.xml") && !n.startsWith("META-INF/")).count();
        assertEquals(files, DossierPackages.checkWithOutsideTools(zip));
    }

    @Test
    void our_validator_reports_the_seal_and_every_inner_signature_total_passed() {
        var r = DossierPackages.validate(s, "package.zip", zip);
        assertEquals(200, r.status(), r.text());
        JsonNode report = r.json();
        JsonNode seal = report.path("signatures").get(0);
        assertEquals("XAdES-BASELINE-LTA", seal.path("format").asText(), seal.toPrettyString());
        assertEquals("TOTAL_PASSED", seal.path("indication").asText(), seal.toPrettyString());
        assertEquals(4, report.path("signaturesCount").asInt(), "seal + official + seal of the dispatch + the incoming document");
        assertEquals(4, report.path("validSignaturesCount").asInt(), report.toPrettyString());
        assertEquals(0, report.path("package").path("problems").size(), report.path("package").toPrettyString());
        assertEquals(2, report.path("package").path("documents").size());
    }
}
