package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dossier of 1,000 documents, odd file names, and one document in two dossiers stored once. */
class LargeDossierTest {
    private static TestServer s;
    private static final byte[] SCAN = DossierPackages.scan("BẢN QUÉT");

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** A different small PDF each time: the same scan with a numbered comment after its end. */
    private static byte[] scan(int n) {
        byte[] tail = ("\n% copy " + n + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(SCAN, SCAN.length + tail.length);
        System.arraycopy(tail, 0, out, SCAN.length, tail.length);
        return out;
    }

    @Test
    void a_dossier_of_1000_documents_closes_and_its_package_validates() throws Exception {
        String id = DossierPackages.open(s, "20.LARGE");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                uploads.add(pool.submit(() -> DossierPackages.fileUpload(s, id, "ban-quet-" + n + ".pdf", scan(n), null).status()));
            }
            for (Future<Integer> f : uploads) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdown();
        }
        var closed = DossierPackages.close(s, id);
        assertEquals(200, closed.status(), closed.text());
        assertEquals(1000, closed.json().path("docTotal").asInt());
        byte[] zip = s.get("/api/v1/dossiers/" + id + "/package", "auditor").body();
        assertEquals(1000, DossierPackages.unzip(zip).keySet().stream().filter(n -> n.startsWith("representations/")).count());
        JsonNode report = DossierPackages.validate(s, "large.zip", zip).json();
        assertEquals("TOTAL_PASSED", report.path("signatures").get(0).path("indication").asText(), report.path("signatures").get(0).toString());
        assertEquals(0, report.path("package").path("problems").size());
    }

    @Test
    void traversal_absolute_and_control_character_names_are_neutralised_in_the_package() {
        String id = DossierPackages.open(s, "21.NAMES");
        List<String> names = List.of("../../../etc/passwd.pdf", "/var/lib/x.pdf", "C:\\Windows\\system32\\evil.pdf",
                "tab\tand\tcontrol.pdf", "..", "Quyết định số 5.PDF");
        for (int i = 0; i < names.size(); i++) {
            var r = DossierPackages.fileUpload(s, id, names.get(i), scan(5000 + i), null);
            assertEquals(201, r.status(), names.get(i) + ": " + r.text());
        }
        assertEquals(200, DossierPackages.close(s, id).status());
        List<String> inPackage = DossierPackages.unzip(s.get("/api/v1/dossiers/" + id + "/package", "clerk").body()).keySet()
                .stream().filter(n -> n.startsWith("representations/")).sorted().toList();
        assertEquals(List.of("representations/rep1/data/0001-passwd.pdf", "representations/rep1/data/0002-x.pdf",
                "representations/rep1/data/0003-evil.pdf", "representations/rep1/data/0004-tab-and-control.pdf",
                "representations/rep1/data/0005", "representations/rep1/data/0006-quyet-dinh-so-5.pdf"), inPackage);
    }

    @Test
    void one_document_in_two_dossiers_is_stored_once() {
        byte[] shared = scan(9000);
        String a = DossierPackages.open(s, "22.A");
        String b = DossierPackages.open(s, "22.B");
        String sha = DossierPackages.fileUpload(s, a, "chung.pdf", shared, null).json().path("sha256").asText();
        assertEquals(sha, DossierPackages.fileUpload(s, b, "chung.pdf", shared, null).json().path("sha256").asText());
        int rows = s.app().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM documents WHERE sha256 = :s")
                .bind("s", sha).mapTo(Integer.class).one());
        assertEquals(1, rows);
        assertFalse(sha.isEmpty());
        assertTrue(s.get("/api/v1/dossiers/" + b, "clerk").json().path("items").get(0).path("sha256").asText().equals(sha));
    }
}
