package vn.vanthu.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Jetty refuses before any route runs still answers in the service's JSON error shape, with no internals. */
class JettyRefusalsTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends raw bytes and reads the whole answer (the server closes after a refusal). */
    private static String raw(byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(64 * 1024);
            return new String(answer, StandardCharsets.UTF_8);
        }
    }

    private static void assertJsonRefusal(String answer, String status, String code) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        assertTrue(answer.contains("{\"errors\":[{\"code\":\"" + code + "\""), answer);
        assertTrue(!answer.contains("<html") && !answer.contains("Exception"), answer);
    }

    @Test
    void a_nul_in_the_path_gets_a_json_400() throws Exception {
        String answer = raw("GET /api/v1/users/%00me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertJsonRefusal(answer, "400", "MALFORMED_REQUEST");
    }

    @Test
    void a_raw_nul_byte_in_the_request_line_gets_a_json_400() throws Exception {
        String answer = raw("GET /health\0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertJsonRefusal(answer, "400", "MALFORMED_REQUEST");
    }

    @Test
    void a_very_long_uri_gets_a_json_refusal() throws Exception {
        String answer = raw(("GET /health?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertJsonRefusal(answer, "414", "URI_TOO_LONG");
    }

    @Test
    void headers_too_large_get_a_json_431() throws Exception {
        String answer = raw(("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertJsonRefusal(answer, "431", "HEADERS_TOO_LARGE");
    }

    @Test
    void the_service_still_answers_after_the_refusals() throws Exception {
        raw("GET /\0 HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        String answer = raw("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
}
