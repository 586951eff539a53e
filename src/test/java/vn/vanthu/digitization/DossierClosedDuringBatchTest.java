package vn.vanthu.digitization;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dossier closed while the batch meant for it is being digitized: filing at the end of the job finds it CLOSED,
 * so the job fails naming the dossier, no document is filed into it and none of the batch counts as digitized.
 * The OCR program is wrapped so that it waits for a gate file the test creates once the dossier is closed. On
 * PostgreSQL (the other digitized-dossier tests run on H2).
 */
class DossierClosedDuringBatchTest {
    private static Path dir;
    private static TestServer server;
    private static String dossierId;
    private static JsonNode accepted;
    private static JsonNode job;

    @BeforeAll
    static void closeWhileDigitizing() throws Exception {
        Digitize.requireOcr();
        dir = Files.createTempDirectory("vanthu-gated-ocr");
        Path gate = dir.resolve("gate");
        Path wrapper = dir.resolve("ocrmypdf-gated");
        Files.writeString(wrapper, "#!/bin/sh\ni=0\nwhile [ ! -f '" + gate + "' ] && [ $i -lt 1200 ]; do sleep 0.1; "
                + "i=$((i+1)); done\nexec ocrmypdf \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        server = TestServer.start(Databases.Kind.POSTGRES, Map.of("VANTHU_OCRMYPDF", wrapper.toString()));
        String clerk = server.get("/api/v1/users/me", "clerk").json().path("id").asText();
        TestServer.Response opened = server.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "05.DONGSOM",
                "title", "Hồ sơ đóng trước khi số hóa xong", "retention", "10Y", "responsibleUserId", clerk));
        assertEquals(201, opened.status(), opened.text());
        dossierId = opened.json().path("id").asText();
        TestServer.Response filed = server.postMultipart("/api/v1/dossiers/" + dossierId + "/documents", "clerk",
                new Multipart().file("file", "phu-luc.pdf", "application/pdf", DispatchPdf.appendix("Phụ lục")));
        assertEquals(201, filed.status(), filed.text());
        String csv = BatchRefusalsTest.HEADER + "trang-1.png,125/SKHCN-VP,2023-04-10,Sở Khoa học và Công nghệ,CV,"
                + "Đôn đốc cải cách hành chính,1\n";
        TestServer.Response r = server.postMultipart("/api/v1/digitizations/batches", "clerk", new Multipart()
                .file("archive", "ho-so.zip", "application/zip", BatchRefusalsTest.zip(Map.of("trang-1.png",
                        Scans.png(Scans.samplePage(1, 200, 0.5, 9), 200))))
                .file("documents", "ho-so.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .field("dossierId", dossierId));
        assertEquals(202, r.status(), r.text());
        accepted = r.json();
        TestServer.Response closed = server.postJson("/api/v1/dossiers/" + dossierId + "/close", "clerk",
                Map.of("keyId", "seal", "pin", "123456"));
        assertEquals(200, closed.status(), closed.text());
        Files.createFile(gate);
        job = Digitize.awaitJob(server, accepted.path("jobId").asText(), Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("gate"));
            Files.deleteIfExists(dir.resolve("ocrmypdf-gated"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void the_job_fails_naming_the_dossier_and_nothing_is_filed_into_it() {
        assertEquals("FAILED", job.path("state").asText(), job.toString());
        assertEquals("DOSSIER_FILING_FAILED", job.path("errors").path(0).path("code").asText(), job.toString());
        assertTrue(job.path("errors").path(0).path("message").asText().contains(dossierId), job.toString());
        JsonNode items = server.get("/api/v1/dossiers/" + dossierId, "clerk").json().path("items");
        assertEquals(1, items.size(), items.toString());
        assertEquals("DIGITAL", items.path(0).path("origin").asText());
    }

    @Test
    void the_batch_is_not_recorded_as_digitized() {
        TestServer.Response file = server.get("/api/v1/digitizations/" + accepted.path("digitizationIds").path(0).asText()
                + "/file", "clerk");
        assertEquals(409, file.status(), file.text());
        assertEquals("DIGITIZATION_FAILED", file.errorCode());
    }
}
