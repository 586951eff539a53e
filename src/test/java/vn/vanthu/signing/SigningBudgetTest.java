package vn.vanthu.signing;

import org.junit.jupiter.api.Test;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every signing runs within the wall-clock budget validation has: one step, extension, the official's signature
 * on a dispatch and the seal at issue. Two instances share one database; the second spends a millisecond on any
 * file, so each of its signings is cut off with 422 TOO_COMPLEX, its slot freed (one slot: the next would be 503
 * otherwise) and the number it reserved released: the first instance then issues the same dispatch as 01.
 */
class SigningBudgetTest {
    private static final Map<String, String> TINY = Map.of("VANTHU_WORK_SECONDS_PER_MB", "0.001",
            "VANTHU_WORK_MIN_SECONDS", "0.001", "VANTHU_VALIDATION_MAX_CONCURRENT", "1");

    @Test
    void each_signing_past_its_budget_is_422_too_complex_and_frees_its_slot_and_its_number() {
        try (TestServer a = TestServer.start(Databases.Kind.POSTGRES);
             TestServer b = TestServer.start(a.dataDir(), a.database(), TINY)) {
            Multipart sign = SigningFixtures.form("PAdES", "B", "cv.pdf", "application/pdf", SigningFixtures.pdf())
                    .field("keyId", "official1").field("pin", "123456");
            for (int i = 0; i < 3; i++) {
                tooComplex(b.postMultipart("/api/v1/signatures", "official", sign));
            }
            TestServer.Response signed = a.postMultipart("/api/v1/signatures", "official", sign);
            assertEquals(200, signed.status(), signed.text());
            tooComplex(b.postMultipart("/api/v1/signatures/extend", "official", new Multipart()
                    .file("file", "cv.pdf", "application/pdf", signed.body()).field("level", "T")));

            String id = DispatchFixtures.create(a, "CV", DispatchPdf.draft("CV")).json().path("id").asText();
            Map<String, String> pin = Map.of("keyId", "official1", "pin", DispatchFixtures.PIN);
            tooComplex(b.postJson("/api/v1/dispatches/" + id + "/sign", "official", pin));
            assertEquals("DRAFT", a.get("/api/v1/dispatches/" + id, "clerk").json().path("status").asText());
            TestServer.Response official = a.postJson("/api/v1/dispatches/" + id + "/sign", "official", pin);
            assertEquals(200, official.status(), official.text());

            tooComplex(DispatchFixtures.issue(b, id));
            assertEquals("SIGNED", a.get("/api/v1/dispatches/" + id, "clerk").json().path("status").asText());
            TestServer.Response issued = DispatchFixtures.issue(a, id);
            assertEquals(200, issued.status(), issued.text());
            assertEquals("01", issued.json().path("codeNumber").asText(), "no number is skipped by the cut-off issue");
            assertEquals(200, b.get("/health", null).status());
        }
    }

    private static void tooComplex(TestServer.Response r) {
        assertEquals(422, r.status(), r.text());
        assertEquals("TOO_COMPLEX", r.errorCode());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
    }
}
