package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import javax.xml.parsers.DocumentBuilderFactory;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A package of 200 files is sealed and verified while Santuario keeps its own secure-validation limits (30
 * references per manifest): nothing raises them JVM-wide. The seal signs METS.xml, which lists every file. A
 * package sealed by an earlier version with a ds:Manifest of every file verifies and renews while the manifest
 * stays within that limit; a larger one is refused as too complex, naming the limit.
 */
class LargePackageTest {
    private static final String MAX_REFERENCES = "org.apache.xml.security.maxReferences";
    private static final int FILES = 200;
    private static TestServer s;
    private static String id;
    private static byte[] zip;

    @BeforeAll
    static void closeALargeDossier() {
        s = TestServer.start(Databases.Kind.H2);
        id = DossierPackages.open(s, "07.LON");
        // METS.xml, three metadata files and the table of contents besides the documents
        for (int i = 0; i < FILES - 5; i++) {
            var r = DossierPackages.fileUpload(s, id, "ban-quet-" + i + ".pdf", DossierPackages.scan("BẢN QUÉT " + i), null);
            assertEquals(201, r.status(), r.text());
        }
        var closed = DossierPackages.close(s, id);
        assertEquals(200, closed.status(), closed.text());
        zip = s.get("/api/v1/dossiers/" + id + "/package", "auditor").body();
        assertEquals(FILES + 1, DossierPackages.unzip(zip).size(), "the files and the seal");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void santuario_keeps_its_own_reference_limit_while_the_service_runs() {
        assertNull(System.getProperty(MAX_REFERENCES), "no JVM-wide XML security limit is set");
        assertThrows(XMLSecurityException.class, () -> new Manifest(manifestOf(31), "", true),
                "Santuario's secure validation refuses a manifest of 31 references, as it does by default");
    }

    @Test
    void the_seal_of_200_files_references_mets_alone_and_our_validator_passes_it_and_every_file() {
        String seal = new String(DossierPackages.unzip(zip).get("META-INF/signatures.xml"), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, seal.split("<ds:Reference ", -1).length - 1, "METS.xml and the signed properties");
        JsonNode report = validate(zip);
        JsonNode sealVerdict = report.path("signatures").get(0);
        assertEquals("XAdES-BASELINE-LTA", sealVerdict.path("format").asText(), sealVerdict.toString());
        assertEquals("TOTAL_PASSED", sealVerdict.path("indication").asText(), sealVerdict.toString());
        assertEquals(FILES + 1, report.path("package").path("files").asInt());
        assertEquals(0, report.path("package").path("problems").size(), report.path("package").toString());
    }

    @Test
    void xmlsec1_verifies_the_seal_and_sha256sum_every_one_of_the_200_files() throws Exception {
        assertEquals(FILES - 1, DossierPackages.checkWithOutsideTools(zip), "every file but METS.xml, through METS.xml");
    }

    @Test
    void a_file_of_the_200_changed_fails_the_seal_and_is_named() {
        String doc = "representations/rep1/data/0150-ban-quet-149.pdf";
        JsonNode report = validate(DossierPackages.rezip(zip, files -> {
            assertTrue(files.containsKey(doc), files.keySet().toString());
            files.put(doc, DossierPackages.scan("ĐÃ SỬA"));
            return files;
        }));
        assertEquals("TOTAL_FAILED", report.path("signatures").get(0).path("indication").asText());
        assertEquals("HASH_FAILURE", report.path("signatures").get(0).path("subIndication").asText());
        assertEquals(doc, report.path("package").path("problems").get(0).path("name").asText());
    }

    @Test
    void a_package_sealed_earlier_with_a_manifest_of_a_few_files_still_validates_and_renews() throws Exception {
        String small = DossierPackages.open(s, "07.NHO");
        assertEquals(201, DossierPackages.fileUpload(s, small, "Công văn.pdf", DossierPackages.scan("CÔNG VĂN"), null).status());
        assertEquals(200, DossierPackages.close(s, small).status());
        JsonNode before = validate(resealWithAManifest(small));
        assertEquals("TOTAL_PASSED", before.path("signatures").get(0).path("indication").asText(), before.path("signatures").get(0).toString());

        var renewed = s.postJson("/api/v1/dossiers/" + small + "/renew", "clerk", Map.of());
        assertEquals(200, renewed.status(), renewed.text());
        JsonNode after = validate(s.get("/api/v1/dossiers/" + small + "/package", "auditor").body());
        JsonNode seal = after.path("signatures").get(0);
        assertEquals("XAdES-BASELINE-LTA", seal.path("format").asText(), seal.toString());
        assertEquals("TOTAL_PASSED", seal.path("indication").asText(), seal.toString());
        assertEquals(0, after.path("package").path("problems").size(), after.path("package").toString());
    }

    @Test
    void a_package_sealed_earlier_with_a_manifest_of_more_than_30_files_is_refused_as_too_complex_naming_the_limit() throws Exception {
        String large = DossierPackages.open(s, "07.CU");
        for (int i = 0; i < 40; i++) {
            assertEquals(201, DossierPackages.fileUpload(s, large, "cu-" + i + ".pdf", DossierPackages.scan("CŨ " + i), null).status());
        }
        assertEquals(200, DossierPackages.close(s, large).status());
        var r = DossierPackages.validate(s, "package.zip", resealWithAManifest(large));
        assertEquals(422, r.status(), r.text());
        assertEquals("TOO_COMPLEX", r.json().at("/errors/0/code").asText(), r.text());
        assertTrue(r.text().contains("at most 30"), r.text());
        var renewed = s.postJson("/api/v1/dossiers/" + large + "/renew", "clerk", Map.of());
        assertEquals(422, renewed.status(), renewed.text());
        assertEquals("TOO_COMPLEX", renewed.json().at("/errors/0/code").asText(), renewed.text());
    }

    /** The dossier's package with its seal replaced by one made as an earlier version made it; the package. */
    private static byte[] resealWithAManifest(String dossier) throws Exception {
        Map<String, byte[]> files = DossierPackages.unzip(s.get("/api/v1/dossiers/" + dossier + "/package", "clerk").body());
        var stored = s.postMultipart("/api/v1/documents", "clerk",
                new Multipart().file("file", "signatures.xml", "application/xml", OldPackageSeals.manifest(files)));
        assertEquals(201, stored.status(), stored.text());
        s.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE dossiers SET seal_sha256 = :s WHERE id = :id")
                .bind("s", stored.json().path("sha256").asText()).bind("id", dossier).execute());
        return s.get("/api/v1/dossiers/" + dossier + "/package", "auditor").body();
    }

    private static JsonNode validate(byte[] pkg) {
        var r = DossierPackages.validate(s, "package.zip", pkg);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static Element manifestOf(int references) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element manifest = doc.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:Manifest");
        doc.appendChild(manifest);
        for (int i = 0; i < references; i++) {
            manifest.appendChild(doc.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:Reference"));
        }
        return manifest;
    }
}
