package vn.vanthu.incoming;

import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared steps of the incoming tests: a PDF signed by the development PKI, receiving it, registering it. */
final class IncomingFixtures {
    static final String PIN = "123456";

    private IncomingFixtures() {}

    /** A công văn signed by the official through the signing endpoint (PAdES-B, the development PKI). */
    static byte[] signedPdf(TestServer s) {
        var r = s.postMultipart("/api/v1/signatures", "official", new Multipart()
                .file("file", "cv.pdf", "application/pdf", DispatchPdf.congVan("GIÁM ĐỐC", "Nguyễn Hữu Thắng"))
                .field("format", "PAdES").field("level", "B").field("keyId", "official1").field("pin", PIN));
        assertEquals(200, r.status(), r.text());
        return r.body();
    }

    static String metadata(String numberSymbol, String urgency, boolean secret) {
        return "{\"sendingOrgan\":\"UBND tỉnh Thái Bình\",\"numberSymbol\":\"" + numberSymbol + "\","
                + "\"documentDate\":\"2026-12-01\",\"documentType\":\"Công văn\","
                + "\"subject\":\"V/v triển khai chuyển đổi số năm 2027\",\"urgency\":\"" + urgency + "\",\"secret\":" + secret + "}";
    }

    static TestServer.Response receive(TestServer s, byte[] file, String metadata) {
        Multipart m = new Multipart().file("file", "van-ban-den.pdf", "application/pdf", file);
        if (metadata != null) {
            m.field("metadata", metadata);
        }
        return s.postMultipart("/api/v1/incoming", "clerk", m);
    }

    /** Received and registered: its id. */
    static String registered(TestServer s, byte[] file, String metadata) {
        var r = receive(s, file, metadata);
        assertEquals(201, r.status(), r.text());
        String id = r.json().path("id").asText();
        var reg = s.postJson("/api/v1/incoming/" + id + "/register", "clerk", "");
        assertEquals(200, reg.status(), reg.text());
        return id;
    }

    static String userId(TestServer s, String user) {
        return s.get("/api/v1/users/me", user).json().path("id").asText();
    }
}
