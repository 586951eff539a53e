package vn.vanthu.trust;

import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one outbound loader: what a certificate's URL can and cannot make the service fetch, and the bounds. */
class OutboundFetchTest {
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;
    private final OutboundFetches fetches = new OutboundFetches();

    /** A local listener that counts connections and answers each with {@code answer}. */
    private String listen(Consumer<OutputStream> answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[4096];
                    in.read(buf);
                    answer.accept(s.getOutputStream());
                } catch (IOException ignored) {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static void http(OutputStream out, String status, String headers, byte[] body) {
        try {
            out.write(("HTTP/1.1 " + status + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n" + headers
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private GuardedDataLoader loader(OutboundPolicy.Kind kind, List<String> allow, Duration total) {
        OutboundPolicy p = new OutboundPolicy(true, false, allow, Duration.ofSeconds(2), Duration.ofSeconds(2), total);
        return new GuardedDataLoader(kind, p, fetches, new LdapLoader(1000, 1000));
    }

    @Test
    void a_crl_url_on_a_loopback_host_is_refused_without_any_connection() throws IOException {
        String base = listen(out -> http(out, "200 OK", "", "crl".getBytes(StandardCharsets.US_ASCII)));
        var e = assertThrows(DSSExternalResourceException.class,
                () -> loader(OutboundPolicy.Kind.CRL, List.of(), Duration.ofSeconds(5)).get(base + "/ca.crl"));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        assertEquals(0, connections.get(), "no connection was made");
        assertEquals(1, fetches.count(OutboundPolicy.Kind.CRL, "refused"));
        assertTrue(fetches.render().contains("vanthu_outbound_fetches_total{kind=\"CRL\",outcome=\"refused\"} 1"));
    }

    @Test
    void an_allow_listed_range_is_fetched_and_counted() throws IOException {
        String base = listen(out -> http(out, "200 OK", "", "crl-bytes".getBytes(StandardCharsets.US_ASCII)));
        byte[] got = loader(OutboundPolicy.Kind.CRL, List.of("127.0.0.0/8"), Duration.ofSeconds(5)).get(base + "/ca.crl");
        assertArrayEquals("crl-bytes".getBytes(StandardCharsets.US_ASCII), got);
        assertEquals(1, connections.get());
        assertEquals(1, fetches.count(OutboundPolicy.Kind.CRL, "fetched"));
    }

    @Test
    void file_ldap_and_other_schemes_are_refused_before_anything_is_opened() {
        GuardedDataLoader l = loader(OutboundPolicy.Kind.CERTIFICATE, List.of("127.0.0.0/8"), Duration.ofSeconds(5));
        for (String url : List.of("file:///dev/zero", "ldap://127.0.0.1/cn=ca?cACertificate", "ftp://127.0.0.1/x",
                "jar:file:/x.jar!/a", "gopher://h/")) {
            var e = assertThrows(DSSExternalResourceException.class, () -> l.get(url), url);
            assertTrue(e.getMessage().contains("not allowed"), url + ": " + e.getMessage());
        }
    }

    @Test
    void a_redirect_is_not_followed() throws IOException {
        String base = listen(out -> http(out, "302 Found", "Location: file:///etc/passwd\r\n", new byte[0]));
        assertThrows(DSSExternalResourceException.class,
                () -> loader(OutboundPolicy.Kind.OCSP, List.of("127.0.0.1"), Duration.ofSeconds(5)).post(base + "/ocsp", new byte[] {1}));
        assertEquals(1, connections.get(), "the redirect target was not fetched");
        assertEquals(1, fetches.count(OutboundPolicy.Kind.OCSP, "failed"));
    }

    @Test
    void an_answer_over_the_kind_s_cap_is_dropped() throws IOException {
        byte[] big = new byte[(int) OutboundPolicy.Kind.OCSP.maxBytes() + 1];
        String base = listen(out -> http(out, "200 OK", "", big));
        assertThrows(DSSExternalResourceException.class,
                () -> loader(OutboundPolicy.Kind.OCSP, List.of("127.0.0.1"), Duration.ofSeconds(5)).post(base + "/ocsp", new byte[] {1}));
    }

    @Test
    void a_peer_that_drips_its_answer_is_cut_at_the_total_timeout() throws IOException {
        String base = listen(out -> {
            try {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException ignored) {
                // the client gave up
            }
        });
        long t0 = System.nanoTime();
        assertThrows(DSSExternalResourceException.class,
                () -> loader(OutboundPolicy.Kind.CRL, List.of("127.0.0.1"), Duration.ofMillis(1500)).get(base + "/slow.crl"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5000, "cut after " + ms + " ms");
    }

    @Test
    void internal_addresses_are_recognised() throws IOException {
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "::1", "fd00::1", "fe80::1")) {
            assertNotNull(OutboundPolicy.internal(InetAddress.getByName(a)), a);
        }
        for (String a : List.of("8.8.8.8", "203.113.1.1", "2001:4860::1")) {
            assertNull(OutboundPolicy.internal(InetAddress.getByName(a)), a);
        }
        OutboundPolicy off = new OutboundPolicy(false, false, List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals("online fetching is switched off", off.refusal(URI.create("http://8.8.8.8/x.crl")));
        assertNull(OutboundPolicy.DEFAULT.refusal(URI.create("http://8.8.8.8/x.crl")));
    }
}
