package vn.vanthu.validation;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that sends a long validation and closes its connection does not keep the service busy: the work is
 * cancelled within moments, its slot (the only one here) is free for the next client, and /metrics counts it.
 * The file is a signed PDF of 3,000 pages, which takes DSS several seconds to validate.
 */
class AbandonedWorkTest {
    private static TestServer server;
    private static byte[] heavy;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_VALIDATION_MAX_CONCURRENT", "1"));
        heavy = SignedFiles.pades(SignedFiles.pdf(3000), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_validation_whose_client_hangs_up_is_cancelled_at_once_and_frees_its_slot() throws Exception {
        Multipart form = new Multipart().file("file", "nghi-quyet.pdf", "application/pdf", heavy);
        byte[] body = form.bytes();
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/validations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.token("auditor")
                    + "\r\nContent-Type: " + form.contentType() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            assertTrue(await(m -> slotsInUse(m) == 1, 20_000), "the validation started: " + metrics());
        }
        long hungUp = System.nanoTime();
        assertTrue(await(m -> slotsInUse(m) == 0 && cancelled(m, "client_gone") == 1, 3_000),
                "cancelled within 3 s of the hang-up: " + metrics());
        assertTrue(System.nanoTime() - hungUp < 3_000_000_000L);
        assertEquals(0, cancelled(metrics(), "budget"));

        long next = System.nanoTime();
        TestServer.Response r = Validate.post(server, "auditor", "small.pdf",
                SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_B, new Date()));
        assertEquals(200, r.status(), r.text());
        assertTrue(System.nanoTime() - next < 5_000_000_000L, "the next client found the slot free");
    }

    private static boolean await(Predicate<String> condition, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (condition.test(metrics())) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String metrics() {
        return server.get("/metrics", null).text();
    }

    private static long slotsInUse(String metrics) {
        return value(metrics, "vanthu_work_slots_in_use{work=\"validation\"}");
    }

    private static long cancelled(String metrics, String reason) {
        return value(metrics, "vanthu_work_cancelled_total{work=\"validation\",reason=\"" + reason + "\"}");
    }

    private static long value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\d+)$").matcher(metrics);
        assertTrue(m.find(), series + " in " + metrics);
        return Long.parseLong(m.group(1));
    }
}
