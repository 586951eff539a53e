package vn.vanthu.digitization;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;

import java.time.Duration;
import java.time.Instant;

/** The clerk's side of a digitization in the tests: send scans with metadata, wait for the job to end. */
public final class Digitize {
    private Digitize() {}

    /** A scan part: its file name, content type and bytes. */
    public record Scan(String name, String type, byte[] bytes) {}

    public static String metadata(int paperPages) {
        return "{\"numberSymbol\":\"125/SKHCN-VP\",\"documentDate\":\"2023-04-10\",\"issuingOrgan\":\"Sở Khoa học và Công nghệ\","
                + "\"documentType\":\"CV\",\"subject\":\"V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính năm 2023\","
                + "\"paperPages\":" + paperPages + "}";
    }

    public static TestServer.Response submit(TestServer server, String metadata, Scan... scans) {
        Multipart form = new Multipart();
        for (Scan s : scans) {
            form.file("scan", s.name(), s.type(), s.bytes());
        }
        if (metadata != null) {
            form.field("metadata", metadata);
        }
        return server.postMultipart("/api/v1/digitizations", "clerk", form);
    }

    /** Polls the job until it has ended (or {@code limit} has passed); answers its last state. */
    public static JsonNode awaitJob(TestServer server, String jobId, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        JsonNode job = server.get("/api/v1/jobs/" + jobId, "clerk").json();
        while (!job.path("state").asText().matches("DONE|FAILED") && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            job = server.get("/api/v1/jobs/" + jobId, "clerk").json();
        }
        return job;
    }

    /**
     * OCRmyPDF with Tesseract's Vietnamese model: a test that needs them fails under CI (which installs them) and
     * is skipped, loudly, elsewhere.
     */
    public static void requireOcr() {
        OutsideTools.require("ocrmypdf", "ocrmypdf tesseract-ocr-vie");
        OutsideTools.Result langs = OutsideTools.run(null, "tesseract", "--list-langs");
        boolean vie = langs.output().lines().anyMatch(l -> l.strip().equals("vie"));
        String message = "Tesseract's Vietnamese model is not installed (apt-get install -y tesseract-ocr-vie)";
        if (!vie && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + ": CI must run this test");
        }
        if (!vie) {
            System.err.println("\n*** SKIPPED: " + message + " ***\n");
        }
        Assumptions.assumeTrue(vie, message);
    }
}
