package vn.vanthu.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sends garbage to every endpoint, as a user who may call it: never a 5xx, never a stack trace in the body. */
class GarbageInputTest {
    private static TestServer server;
    /** The token of a partner organ's account: the exchange inbox is called as a partner. */
    private static String partner;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.start(Databases.Kind.H2);
        java.nio.file.Path pki = java.nio.file.Path.of("keystore-samples");
        server.postJson("/api/v1/organs", "admin", java.util.Map.of("organId", "000.00.01.H56", "name", "Sở Nội vụ",
                "inboxUrl", "http://127.0.0.1:9/api/v1/exchange/inbox",
                "certificate", java.nio.file.Files.readString(pki.resolve("seal.crt")) + java.nio.file.Files.readString(pki.resolve("issuing-ca.crt")),
                "anchor", java.nio.file.Files.readString(pki.resolve("root-ca.crt"))));
        partner = server.postJson("/api/v1/organs/000.00.01.H56/tokens", "admin", java.util.Map.of()).json().path("token").asText();
        assertTrue(partner.startsWith("vt_"), "a partner token for the inbox");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void garbage_to_every_endpoint_gets_a_clean_answer_and_never_a_5xx() {
        Random random = new Random(42);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        List<String> bad = new ArrayList<>();
        for (String route : AccessMatrixTest.describedRoutes(server)) {
            Set<String> allowed = AccessMatrixTest.EXPECTED.getOrDefault(route, Set.of());
            String user = allowed.isEmpty() ? null : allowed.contains("admin") ? "admin" : allowed.iterator().next();
            user = "partner".equals(user) ? partner : user;
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            for (String param : List.of("x0", "..%2F..%2Fetc%2Fpasswd", "%C3%28%FF", "0".repeat(300))) {
                String path = template.replaceAll("\\{[^}]+}", param) + "?limit=-1&cursor=%00zz&from=yesterday&year=abc";
                for (String type : List.of("application/json", "multipart/form-data; boundary=zzz",
                        "multipart/form-data", "text/plain", "application/x-www-form-urlencoded")) {
                    HttpRequest.Builder b = server.request(path, user).header("Content-Type", type);
                    HttpRequest req = method.equals("GET") ? b.GET().build()
                            : b.method(method, HttpRequest.BodyPublishers.ofByteArray(noise)).build();
                    TestServer.Response r = server.send(req);
                    String body = r.text();
                    if (r.status() >= 500 || body.contains("Exception") || body.contains("\tat ")
                            || body.contains("java.") || body.contains("org.eclipse")) {
                        bad.add(route + " [" + param + ", " + type + "] → " + r.status() + ": "
                                + body.substring(0, Math.min(200, body.length())));
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
