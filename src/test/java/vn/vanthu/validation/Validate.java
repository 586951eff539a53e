package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Posts files to {@code POST /api/v1/validations} as a client would. */
final class Validate {
    private Validate() {}

    static TestServer.Response post(TestServer s, String user, String name, byte[] file, String... fields) {
        Multipart m = new Multipart().file("file", name, "application/octet-stream", file);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            m.field(fields[i], fields[i + 1]);
        }
        return s.postMultipart("/api/v1/validations", user, m);
    }

    /** The report of a request that must succeed (200). */
    static JsonNode ok(TestServer s, String name, byte[] file, String... fields) {
        TestServer.Response r = post(s, "auditor", name, file, fields);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    static JsonNode firstSignature(JsonNode report) {
        return report.path("signatures").path(0);
    }

    static String verdict(JsonNode report) {
        JsonNode sig = firstSignature(report);
        return sig.path("indication").asText() + "/" + sig.path("subIndication").asText(null);
    }
}
