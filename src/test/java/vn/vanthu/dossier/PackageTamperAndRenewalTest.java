package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A changed, removed or added file is named by validation; renewal keeps packages valid. */
class PackageTamperAndRenewalTest {
    private static final String DOC = "representations/rep1/data/0001-quyet-dinh.pdf";
    private static TestServer s;
    private static String id;
    private static byte[] zip;

    @BeforeAll
    static void closeOne() {
        s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_DOSSIER_RENEW_WINDOW_DAYS", "36500"));
        id = DossierPackages.open(s, "09.TAMPER");
        assertEquals(201, DossierPackages.fileUpload(s, id, "Quyết định.pdf", DossierPackages.scan("QUYẾT ĐỊNH"), null).status());
        assertEquals(200, DossierPackages.close(s, id).status());
        zip = s.get("/api/v1/dossiers/" + id + "/package", "clerk").body();
        assertTrue(DossierPackages.unzip(zip).containsKey(DOC), DossierPackages.unzip(zip).keySet().toString());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static JsonNode validate(byte[] pkg) {
        var r = DossierPackages.validate(s, "package.zip", pkg);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static JsonNode problem(JsonNode report, String name) {
        for (JsonNode p : report.path("package").path("problems")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(name + " is not named: " + report.path("package").toPrettyString());
    }

    @Test
    void one_byte_changed_in_a_document_is_named_and_the_seal_fails() {
        JsonNode r = validate(DossierPackages.rezip(zip, files -> {
            byte[] b = files.get(DOC).clone();
            b[b.length / 2] ^= 0x20;
            files.put(DOC, b);
            return files;
        }));
        assertEquals("CHECKSUM_MISMATCH", problem(r, DOC).path("problem").asText());
        assertEquals(1, r.path("package").path("problems").size(), r.path("package").toString());
        JsonNode seal = r.path("signatures").get(0);
        assertEquals("TOTAL_FAILED", seal.path("indication").asText(), seal.toString());
        assertEquals("HASH_FAILURE", seal.path("subIndication").asText(), seal.toString());
    }

    @Test
    void one_byte_changed_in_mets_is_named() {
        JsonNode r = validate(DossierPackages.rezip(zip, files -> {
            String mets = new String(files.get("METS.xml"), java.nio.charset.StandardCharsets.UTF_8);
            files.put("METS.xml", mets.replace("Hồ sơ về việc", "Hồ sơ vê việc").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return files;
        }));
        assertEquals("CHECKSUM_MISMATCH", problem(r, "METS.xml").path("problem").asText());
        assertNotEquals("TOTAL_PASSED", r.path("signatures").get(0).path("indication").asText());
    }

    @Test
    void a_removed_file_is_named_missing() {
        JsonNode r = validate(DossierPackages.rezip(zip, files -> {
            files.put("metadata/preservation/premis.xml", null);
            return files;
        }));
        assertEquals("MISSING", problem(r, "metadata/preservation/premis.xml").path("problem").asText());
        JsonNode seal = r.path("signatures").get(0);
        assertEquals("INDETERMINATE", seal.path("indication").asText(), seal.toString());
        assertEquals("SIGNED_DATA_NOT_FOUND", seal.path("subIndication").asText(), seal.toString());
    }

    @Test
    void an_added_file_is_named_not_listed() {
        JsonNode r = validate(DossierPackages.rezip(zip, files -> {
            files.put("representations/rep1/data/9999-them.pdf", DossierPackages.scan("THÊM"));
            return files;
        }));
        assertEquals("NOT_LISTED", problem(r, "representations/rep1/data/9999-them.pdf").path("problem").asText());
        assertEquals(1, r.path("package").path("problems").size());
    }

    @Test
    void renewal_on_request_adds_one_archive_timestamp_and_the_package_still_validates() {
        int before = archiveTimestamps(validate(zip));
        var renewed = s.postJson("/api/v1/dossiers/" + id + "/renew", "clerk", Map.of());
        assertEquals(200, renewed.status(), renewed.text());
        JsonNode after = validate(s.get("/api/v1/dossiers/" + id + "/package", "auditor").body());
        assertEquals("TOTAL_PASSED", after.path("signatures").get(0).path("indication").asText(), after.path("signatures").get(0).toString());
        assertEquals(before + 1, archiveTimestamps(after));
        assertTrue(s.get("/api/v1/dossiers/" + id, "clerk").json().path("history").findValuesAsText("action").contains("RENEWED"));
    }

    @Test
    void the_renewal_job_renews_packages_whose_timestamp_certificate_expires_within_the_window() {
        byte[] current = s.get("/api/v1/dossiers/" + id + "/package", "auditor").body();
        int before = archiveTimestamps(validate(current));
        assertTrue(s.app().packages().renewExpiring() >= 1, "the 100-year window covers every sealed package");
        JsonNode after = validate(s.get("/api/v1/dossiers/" + id + "/package", "auditor").body());
        assertEquals("TOTAL_PASSED", after.path("signatures").get(0).path("indication").asText());
        assertEquals(before + 1, archiveTimestamps(after));
    }

    @Test
    void a_package_sealed_with_a_reference_per_file_before_the_manifest_is_renewed_too() throws Exception {
        String old = DossierPackages.open(s, "09.OLD");
        assertEquals(201, DossierPackages.fileUpload(s, old, "Công văn.pdf", DossierPackages.scan("CÔNG VĂN"), null).status());
        assertEquals(200, DossierPackages.close(s, old).status());
        Map<String, byte[]> files = DossierPackages.unzip(s.get("/api/v1/dossiers/" + old + "/package", "clerk").body());
        // The seal as it was made before the manifest: one detached reference per file, METS.xml first (level B;
        // renewal takes it to LTA, which needs every file again).
        var stored = s.postMultipart("/api/v1/documents", "clerk",
                new Multipart().file("file", "signatures.xml", "application/xml", OldPackageSeals.referencePerFile(files)));
        assertEquals(201, stored.status(), stored.text());
        s.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE dossiers SET seal_sha256 = :s WHERE id = :id")
                .bind("s", stored.json().path("sha256").asText()).bind("id", old).execute());

        var renewed = s.postJson("/api/v1/dossiers/" + old + "/renew", "clerk", Map.of());
        assertEquals(200, renewed.status(), renewed.text());
        JsonNode after = validate(s.get("/api/v1/dossiers/" + old + "/package", "auditor").body());
        JsonNode seal = after.path("signatures").get(0);
        assertEquals("XAdES-BASELINE-LTA", seal.path("format").asText(), seal.toString());
        assertEquals("TOTAL_PASSED", seal.path("indication").asText(), seal.toString());
        assertEquals(0, after.path("package").path("problems").size(), after.path("package").toString());
    }

    private static int archiveTimestamps(JsonNode report) {
        int n = 0;
        for (JsonNode t : report.path("signatures").get(0).path("timestamps")) {
            if (t.path("type").asText().startsWith("ARCHIVE")) {
                n++;
            }
        }
        return n;
    }
}
