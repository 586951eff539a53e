package vn.vanthu.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two agencies for the exchange tests: A (Sở Khoa học và Công nghệ, H2) and B (Sở Nội vụ, PostgreSQL), each with
 * the other in its directory (seal certificate and anchor of the development PKI), each holding the token the
 * other issued it for its inbox; plus the steps of a dispatch from A and a polling wait.
 */
public final class Agencies {
    public static final String A_ID = "000.00.12.H56";
    public static final String A_NAME = "Sở Khoa học và Công nghệ tỉnh Thái Bình";
    public static final String B_ID = "000.00.01.H56";
    public static final String B_NAME = "Sở Nội vụ tỉnh Thái Bình";
    /** The seal certificate followed by its issuing CA: the chain up to (not including) the anchor. */
    public static final String SEAL = read("keystore-samples/seal.crt") + read("keystore-samples/issuing-ca.crt");
    public static final String ROOT = read("keystore-samples/root-ca.crt");
    /** A person's certificate under the same root: a valid certificate, but not the key A seals with. */
    static final String OTHER_KEY = read("keystore-samples/official1.crt") + read("keystore-samples/issuing-ca.crt");

    private Agencies() {}

    static TestServer a() {
        return TestServer.start(Databases.Kind.H2, Map.of("VANTHU_EXCHANGE_POLL_MILLIS", "100",
                "VANTHU_AGENCY_ADDRESS", "Số 2 Lê Quý Đôn, TP Thái Bình", "VANTHU_AGENCY_EMAIL", "skhcn@thaibinh.gov.vn",
                "VANTHU_AGENCY_TELEPHONE", "0227 3831 611"));
    }

    static TestServer b() {
        return TestServer.start(Databases.Kind.POSTGRES, Map.of("VANTHU_EXCHANGE_POLL_MILLIS", "100",
                "VANTHU_ORGAN_ID", B_ID, "VANTHU_AGENCY_NAME", B_NAME));
    }

    /** Each side lists the other and holds the token the other issued it. Answers the token B accepts from A. */
    public static String link(TestServer a, TestServer b) {
        created(a.postJson("/api/v1/organs", "admin", organ(B_ID, B_NAME, b)));
        created(b.postJson("/api/v1/organs", "admin", organ(A_ID, A_NAME, a)));
        String forB = created(a.postJson("/api/v1/organs/" + B_ID + "/tokens", "admin", Map.of("expiresInDays", 30))).path("token").asText();
        String forA = created(b.postJson("/api/v1/organs/" + A_ID + "/tokens", "admin", Map.of())).path("token").asText();
        ok(put(b, "/api/v1/organs/" + A_ID, organ(A_ID, A_NAME, a, forB)));
        ok(put(a, "/api/v1/organs/" + B_ID, organ(B_ID, B_NAME, b, forA)));
        return forA;
    }

    public static Map<String, Object> organ(String id, String name, TestServer at) {
        return Map.of("organId", id, "name", name, "inboxUrl", at.base() + "/api/v1/exchange/inbox",
                "certificate", SEAL, "anchor", ROOT);
    }

    public static Map<String, Object> organ(String id, String name, TestServer at, String token) {
        return Map.of("organId", id, "name", name, "inboxUrl", at.base() + "/api/v1/exchange/inbox",
                "certificate", SEAL, "anchor", ROOT, "inboxToken", token);
    }

    /** A công văn signed by the official and issued by the clerk, to {@code recipients}. */
    public static String issued(TestServer s, List<String> recipients) {
        String id = signed(s, recipients);
        ok(DispatchFixtures.issue(s, id));
        return id;
    }

    /** A công văn signed by the official, not issued yet. */
    static String signed(TestServer s, List<String> recipients) {
        return signed(s, recipients, DispatchPdf.draft("CV"));
    }

    /** A công văn signed by the official, not issued yet, from the draft {@code pdf}. */
    public static String signed(TestServer s, List<String> recipients, byte[] pdf) {
        String official = s.get("/api/v1/users/me", "official").json().path("id").asText();
        String metadata;
        try {
            metadata = TestServer.JSON.writeValueAsString(Map.of("documentType", "CV", "subject", "V/v trao đổi văn bản điện tử",
                    "signerPosition", "PHÓ GIÁM ĐỐC", "signerName", "Nguyễn Hữu Thắng", "signerUserId", official,
                    "recipients", recipients, "draftingUnit", "VP", "priority", "URGENT", "secret", false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestServer.Response created = s.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "cong-van.pdf", "application/pdf", pdf).field("metadata", metadata));
        String id = created(created).path("id").asText();
        ok(s.postJson("/api/v1/dispatches/" + id + "/sign", "official", Map.of("keyId", "official1", "pin", DispatchFixtures.PIN)));
        return id;
    }

    public static TestServer.Response postXml(TestServer s, String token, byte[] xml) {
        return s.send(s.request("/api/v1/exchange/inbox", token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build());
    }

    public static TestServer.Response put(TestServer s, String path, Object body) {
        return put(s, path, "admin", body);
    }

    public static TestServer.Response put(TestServer s, String path, String user, Object body) {
        try {
            return s.send(s.request(path, user).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(TestServer.JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until {@code done} holds for what {@code read} answers (at most 60 s). */
    public static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("Waited in vain for " + what + "; last seen: " + last);
    }

    public static JsonNode created(TestServer.Response r) {
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    public static JsonNode ok(TestServer.Response r) {
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
