package vn.vanthu.web;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpBasicsTest {

    @Test
    void an_upload_over_the_limit_gets_413_and_stores_nothing() {
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_MAX_UPLOAD_MB", "1"))) {
            var r = s.postMultipart("/api/v1/documents", "clerk",
                    new Multipart().file("file", "big.pdf", "application/pdf", new byte[1_200_000]));
            assertEquals(413, r.status());
            assertEquals("PAYLOAD_TOO_LARGE", r.errorCode());
            long rows = s.app().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM documents").mapTo(Long.class).one());
            assertEquals(0, rows);
        }
    }

    @Test
    void a_client_that_expects_100_continue_gets_413_without_sending_an_oversized_body() throws Exception {
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_MAX_UPLOAD_MB", "1"));
             Socket socket = new Socket("127.0.0.1", s.app().port())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + s.token("clerk")
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 1500000\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", answer);
        }
    }

    @Test
    void an_upload_refused_unread_still_gets_its_answer_on_a_connection_that_stays_usable() throws Exception {
        try (TestServer s = TestServer.start(Databases.Kind.H2);
             Socket socket = new Socket("127.0.0.1", s.app().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 3000000\r\n\r\n";
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[3_000_000]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            InputStream in = new BufferedInputStream(socket.getInputStream());
            assertTrue(readAnswer(in).startsWith("HTTP/1.1 401"));
            upload.get(10, TimeUnit.SECONDS);
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(readAnswer(in).startsWith("HTTP/1.1 200"));
        }
    }

    /** One HTTP/1.1 answer with a Content-Length body: its head. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The connection closed after: " + head);
            }
            head.append((char) b);
        }
        var length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return head.toString();
    }

    @Test
    void every_answer_carries_a_request_id_and_errors_have_the_json_shape() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            var r = s.get("/api/v1/nothing-here", "clerk");
            assertEquals(404, r.status());
            assertEquals("NOT_FOUND", r.errorCode());
            assertTrue(r.header("X-Request-Id").length() >= 8);
            var given = s.send(s.request("/health", null).header("X-Request-Id", "trace-12345678").GET().build());
            assertEquals("trace-12345678", given.header("X-Request-Id"));
            var notMultipart = s.send(s.request("/api/v1/documents", "clerk").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(415, notMultipart.status());
            var noFile = s.postMultipart("/api/v1/documents", "clerk", new Multipart().field("x", "y"));
            assertEquals(400, noFile.status());
            assertEquals("file", noFile.json().path("errors").get(0).path("field").asText());
            var empty = s.postMultipart("/api/v1/documents", "clerk", new Multipart().file("file", "e.pdf", "application/pdf", new byte[0]));
            assertEquals(422, empty.status());
            assertEquals("EMPTY_FILE", empty.errorCode());
        }
    }

    @Test
    void metrics_count_requests_by_route_and_status() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            s.get("/api/v1/users/me", "clerk");
            s.get("/api/v1/users/me", null);
            String metrics = s.get("/metrics", null).text();
            assertTrue(metrics.contains("vanthu_http_requests_total{method=\"GET\",route=\"/api/v1/users/me\",status=\"200\"} 1"), metrics);
            assertTrue(metrics.contains("vanthu_http_requests_total{method=\"GET\",route=\"/api/v1/users/me\",status=\"401\"} 1"));
            assertTrue(metrics.contains("vanthu_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/users/me\",status=\"200\",le=\"+Inf\"} 1"));
        }
    }

    @Test
    void health_is_up_with_its_checks_and_down_when_the_database_is_unusable() {
        TestServer s = TestServer.start(Databases.Kind.H2);
        try {
            var up = s.get("/health", null);
            assertEquals(200, up.status());
            assertEquals("UP", up.json().path("status").asText());
            assertEquals("UP", up.json().path("checks").path("database").path("status").asText());
            s.app().database().close();
            var down = s.get("/health", null);
            assertEquals(503, down.status());
            assertEquals("DOWN", down.json().path("checks").path("database").path("status").asText());
        } finally {
            s.close();
        }
    }
}
