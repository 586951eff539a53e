package vn.vanthu.store;

import vn.vanthu.digitization.Digitize;
import vn.vanthu.digitization.Scans;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Puts something in every table of a running service through its HTTP API, as its users would: a user and a
 * token, a stored document of several chunks, a two-step signing left half done, the year's catalogue approved by
 * the head (the server runs with VANTHU_AGENCY_HEADS=official), a coming year's numbering layout, a signed
 * and issued dispatch with an appendix and a copy, a closed dossier with its sealed package, a stored validation,
 * a registered and directed incoming document;
 * the audit trail records all of it. (Only number_reservations stays empty: a number leaves it once used.)
 */
final class BackupData {
    static final String PIN = DispatchFixtures.PIN;

    /** What the restored service must give back. */
    record Seeded(String userToken, String dispatchId, String number, String dossierId, String packageSha256) {}

    private BackupData() {}

    static Seeded fill(TestServer s) {
        String userId = created(s.postJson("/api/v1/users", "admin", Map.of("name", "hung",
                "displayName", "Đỗ Văn Hùng", "roles", List.of("CLERK", "AUDITOR")))).path("id").asText();
        String userToken = created(s.postJson("/api/v1/users/" + userId + "/tokens", "admin",
                Map.of("label", "laptop"))).path("token").asText();
        signIn(s, "clerk");   // a session of the pages in the copy

        byte[] scan = new byte[600 * 1024];   // three chunks
        new Random(7).nextBytes(scan);
        created(s.postMultipart("/api/v1/documents", "clerk",
                new Multipart().file("file", "scan.bin", "application/octet-stream", scan)));
        ok(s.postMultipart("/api/v1/signatures/prepare", "official", new Multipart()
                .file("file", "to-sign.pdf", "application/pdf", DispatchPdf.appendix("TỜ TRÌNH"))
                .field("format", "PAdES").field("level", "B").field("certificate", official1Chain())));
        catalogue(s);
        TestServer.Response digitized = Digitize.submit(s, Digitize.metadata(1),
                new Digitize.Scan("trang-1.png", "image/png", Scans.png(Scans.blank(210, 297, 200, true), 200)));
        assertEquals(202, digitized.status(), digitized.text());   // a digitization and its job (running or done) in the copy

        String halfSigned = DispatchFixtures.create(s, "CV", DispatchPdf.draft("CV"))
                .json().path("id").asText();
        ok(s.postJson("/api/v1/dispatches/" + halfSigned + "/sign/prepare", "official",
                Map.of("certificate", official1Chain())));
        String dispatchId = DispatchFixtures.signedDraft(s, "CV");
        created(s.postMultipart("/api/v1/dispatches/" + dispatchId + "/attachments", "clerk", new Multipart()
                .file("file", "phu-luc.pdf", "application/pdf", DispatchPdf.appendix("PHỤ LỤC I"))));
        String number = ok(DispatchFixtures.issue(s, dispatchId)).path("number").asText();
        TestServer.Response copy = s.postMultipart("/api/v1/copies", "clerk", new Multipart().field("source", dispatchId)
                .field("form", "TrS").field("pages", "1").field("keyId", "seal").field("pin", PIN));
        assertEquals(201, copy.status(), copy.text());

        String clerk = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
        String dossierId = created(s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", "01.VP",
                "title", "Hồ sơ về công tác cải cách hành chính năm 2026", "retention", "10Y",
                "responsibleUserId", clerk))).path("id").asText();
        created(s.postJson("/api/v1/dossiers/" + dossierId + "/documents", "clerk", Map.of("dispatchId", dispatchId)));
        ok(s.postJson("/api/v1/dossiers/" + dossierId + "/close", "clerk", Map.of("keyId", "seal", "pin", PIN)));
        TestServer.Response pkg = s.get("/api/v1/dossiers/" + dossierId + "/package", "auditor");
        assertEquals(200, pkg.status(), pkg.text());
        ok(s.postMultipart("/api/v1/validations", "auditor",
                new Multipart().file("file", "ho-so.zip", "application/zip", pkg.body())));
        BackupExchange.fill(s, incoming(s, s.get("/api/v1/dispatches/" + dispatchId + "/file", "clerk").body()));
        return new Seeded(userToken, dispatchId, number, dossierId, Hashes.sha256Hex(pkg.body()));
    }

    private static void signIn(TestServer s, String user) {
        try {
            String password = TestServer.JSON.readTree(s.dataDir().resolve("demo-passwords.json").toFile()).path(user).asText();
            String form = s.get("/signin", null).header("Set-Cookie");   // the sign-in form's token, in its cookie
            String token = form.substring(form.indexOf('=') + 1, form.indexOf(';'));
            TestServer.Response r = s.send(s.request("/signin", null).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", form.substring(0, form.indexOf(';')))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=" + user + "&password="
                            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8))).build());
            assertEquals(303, r.status(), r.text());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An incoming document with its signatures' verdicts, registered and directed to a lead and a cooperator. */
    private static String incoming(TestServer s, byte[] signedPdf) {
        String id = created(s.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .file("file", "den.pdf", "application/pdf", signedPdf).field("register", "true")
                .field("metadata", "{\"sendingOrgan\":\"UBND tỉnh Thái Bình\",\"numberSymbol\":\"125/UBND-VP\","
                        + "\"documentDate\":\"2026-12-01\",\"documentType\":\"Công văn\",\"subject\":\"V/v chuyển đổi số\"}")))
                .path("id").asText();
        ok(s.postJson("/api/v1/incoming/" + id + "/direct", "official", Map.of("leadUserId",
                s.get("/api/v1/users/me", "handler").json().path("id").asText(), "cooperatingUserIds",
                List.of(s.get("/api/v1/users/me", "official").json().path("id").asText()), "deadline", "2099-12-31")));
        return id;
    }

    private static void catalogue(TestServer s) {
        String clerk = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
        Map<String, Object> row = Map.of("symbol", "02.VP", "title", "Hồ sơ hội nghị cán bộ, công chức năm 2026",
                "retention", "PERMANENT", "responsibleUserId", clerk);
        try {
            String body = TestServer.JSON.writeValueAsString(Map.of("headings", List.of(
                    Map.of("numeral", "I", "title", "Văn phòng", "rows", List.of(row)))));
            ok(s.send(s.request("/api/v1/catalogues/2026", "clerk").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build()));
            created(s.postJson("/api/v1/catalogues/2026/approve", "official", Map.of("decisionNumber", "03/QĐ-SKHCN",
                    "decisionDate", "2026-01-05", "place", "Thái Bình", "position", "GIÁM ĐỐC", "keyId", "official1", "pin", PIN)));
            ok(s.send(s.request("/api/v1/numbering/2099", "admin").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(s.get("/api/v1/numbering/2099", "admin").text())).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** official1's certificate and its CA chain, PEM, as a client of two-step signing sends them. */
    private static String official1Chain() {
        try {
            StringBuilder pem = new StringBuilder();
            for (String name : List.of("official1.crt", "issuing-ca.crt", "root-ca.crt")) {
                pem.append(Files.readString(Path.of("keystore-samples", name)));
            }
            return pem.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode created(TestServer.Response r) {
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    private static com.fasterxml.jackson.databind.JsonNode ok(TestServer.Response r) {
        assertEquals(200, r.status(), r.text());
        return r.json();
    }
}
