package vn.vanthu.digitization;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page whose text recognition takes longer than its limit (here 1 s: no full page at 300 dpi is read that fast)
 * fails the job cleanly: FAILED, naming the page, no document stored, and the file answers 409.
 */
class OcrTimeoutTest {
    private static TestServer server;
    private static JsonNode accepted;
    private static JsonNode job;

    @BeforeAll
    static void digitize() throws Exception {
        Digitize.requireOcr();
        server = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_OCR_PAGE_TIMEOUT_SECONDS", "1"));
        TestServer.Response r = Digitize.submit(server, Digitize.metadata(1),
                new Digitize.Scan("trang-1.png", "image/png", Scans.png(Scans.samplePage(1, 300, 1.0, 7), 300)));
        assertEquals(202, r.status(), r.text());
        accepted = r.json();
        job = Digitize.awaitJob(server, accepted.path("jobId").asText(), Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_page_over_its_time_limit_fails_the_job_naming_the_page() {
        assertEquals("FAILED", job.path("state").asText(), job.toString());
        assertEquals("OCR_PAGE_TIMEOUT", job.path("errors").path(0).path("code").asText(), job.toString());
        assertTrue(job.path("errors").path(0).path("message").asText().startsWith("Page 1:"), job.toString());
    }

    @Test
    void the_failed_digitization_stores_no_document_and_its_file_is_409() {
        TestServer.Response file = server.get("/api/v1/digitizations/" + accepted.path("digitizationId").asText() + "/file", "clerk");
        assertEquals(409, file.status());
        assertEquals("DIGITIZATION_FAILED", file.errorCode());
        int documents = server.app().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM documents")
                .mapTo(Integer.class).one());
        assertEquals(0, documents);
    }
}
