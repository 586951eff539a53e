package vn.vanthu.signing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.signing.SigningFixtures.form;

/** Hostile signing requests get a 4xx JSON error quickly, fetch nothing from outside, and the service stays up. */
class BoundedSigningTest {
    static TestServer server;
    static ServerSocket listener;
    static final AtomicInteger connections = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(Databases.Kind.H2);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void stop() throws IOException {
        listener.close();
        server.close();
    }

    @AfterEach
    void service_is_still_up_and_fetched_nothing() {
        assertEquals(200, server.get("/health", null).status());
        assertEquals(0, connections.get(), "outbound connections");
    }

    static TestServer.Response post(String path, Multipart m) {
        long started = System.nanoTime();
        TestServer.Response r = server.postMultipart(path, "official", m);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms < 10_000, path + " took " + ms + " ms");
        return r;
    }

    static byte[] doc() {
        return "<doc><so>12/UBND</so></doc>".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_client_chain_that_leads_to_no_trust_anchor_is_422_before_any_revocation_fetch() {
        String pem = StrangerChain.pem("http://127.0.0.1:" + listener.getLocalPort() + "/ocsp");
        TestServer.Response r = post("/api/v1/signatures/prepare",
                form("XAdES", "B", "a.xml", "application/xml", doc()).field("certificate", pem));
        assertEquals(422, r.status(), r.text());
        assertEquals("CERTIFICATE_NOT_TRUSTED", r.errorCode());
    }

    @Test
    void a_chain_of_thirty_one_certificates_is_400() {
        String pem = StrangerChain.pem("http://127.0.0.1:" + listener.getLocalPort() + "/ocsp");
        String one = pem.substring(0, pem.indexOf("-----END CERTIFICATE-----") + 26);
        TestServer.Response r = post("/api/v1/signatures/prepare",
                form("XAdES", "B", "a.xml", "application/xml", doc()).field("certificate", one.repeat(31)));
        assertEquals(400, r.status(), r.text());
        assertEquals("INVALID_CERTIFICATE", r.errorCode());
    }

    @Test
    void a_reason_of_six_hundred_characters_is_400() {
        TestServer.Response r = post("/api/v1/signatures", form("PAdES", "B", "a.pdf", "application/pdf", SigningFixtures.pdf())
                .field("keyId", "official1").field("pin", "123456").field("reason", "x".repeat(600)));
        assertEquals(400, r.status(), r.text());
        assertEquals("FIELD_TOO_LONG", r.errorCode());
    }

    @Test
    void xml_nested_ten_thousand_levels_is_422_too_complex_for_xades() {
        byte[] deep = ("<a>".repeat(10_000) + "</a>".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        TestServer.Response r = post("/api/v1/signatures", form("XAdES", "B", "deep.xml", "application/xml", deep)
                .field("packaging", "ENVELOPED").field("keyId", "official1").field("pin", "123456"));
        assertEquals(422, r.status(), r.text());
        assertEquals("TOO_COMPLEX", r.errorCode());
    }

    @Test
    void an_asic_e_of_a_hundred_and_twenty_files_is_400_too_many_files() {
        Multipart m = new Multipart().field("format", "ASiC-E").field("level", "B").field("keyId", "official1").field("pin", "123456");
        for (int i = 0; i < 120; i++) {
            m.file("file", "f" + i + ".txt", "text/plain", ("file " + i).getBytes(StandardCharsets.UTF_8));
        }
        TestServer.Response r = post("/api/v1/signatures", m);
        assertEquals(400, r.status(), r.text());
        assertEquals("TOO_MANY_FILES", r.errorCode());
    }

    @Test
    void a_file_name_of_three_hundred_and_one_characters_is_400() {
        TestServer.Response r = post("/api/v1/signatures", form("XAdES", "B", "a".repeat(297) + ".xml", "application/xml", doc())
                .field("keyId", "official1").field("pin", "123456"));
        assertEquals(400, r.status(), r.text());
        assertEquals("FIELD_TOO_LONG", r.errorCode());
    }

    @Test
    void a_part_content_type_of_two_hundred_characters_is_400() {
        TestServer.Response r = post("/api/v1/signatures", form("XAdES", "B", "a.xml", "application/" + "x".repeat(188), doc())
                .field("keyId", "official1").field("pin", "123456"));
        assertEquals(400, r.status(), r.text());
        assertEquals("FIELD_TOO_LONG", r.errorCode());
    }

    @Test
    void a_cms_signature_nested_fifty_thousand_levels_is_422_too_complex_for_extension() {
        byte[] der = new byte[15 + 4 * 50_000 + 4];
        byte[] head = {0x30, (byte) 0x80, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02,
            (byte) 0xA0, (byte) 0x80};
        System.arraycopy(head, 0, der, 0, head.length);
        for (int i = 0; i < 50_000; i++) {
            der[15 + 2 * i] = 0x30;
            der[16 + 2 * i] = (byte) 0x80;
        }
        TestServer.Response r = post("/api/v1/signatures/extend", new Multipart()
                .file("file", "deep.p7s", "application/pkcs7-signature", der).field("level", "T"));
        assertEquals(422, r.status(), r.text());
        assertEquals("TOO_COMPLEX", r.errorCode());
    }

    @Test
    void a_token_label_of_ten_thousand_characters_is_400() {
        String official = server.get("/api/v1/users/me", "official").json().path("id").asText();
        TestServer.Response r = server.postJson("/api/v1/keys", "admin", java.util.Map.of("id", "hsm-long", "owner", official,
                "library", "/usr/lib/softhsm/libsofthsm2.so", "tokenLabel", "t".repeat(10_000), "alias", "k"));
        assertEquals(400, r.status(), r.text());
        assertEquals("FIELD_TOO_LONG", r.errorCode());
    }
}
