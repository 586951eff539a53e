package vn.vanthu.validation;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.Date;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.validation.Validate.post;

/** A validation past its wall-clock budget answers 422 TOO_COMPLEX and frees its slot for the next request. */
class ValidationBudgetTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_WORK_SECONDS_PER_MB", "0.001",
                "VANTHU_WORK_MIN_SECONDS", "0.001", "VANTHU_VALIDATION_MAX_CONCURRENT", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_validation_past_its_budget_is_422_too_complex_and_its_slot_is_free_again() {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(3), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        for (int i = 0; i < 3; i++) {   // one slot: a slot kept by the abandoned work would make the next 503
            long started = System.nanoTime();
            TestServer.Response r = post(server, "official", "a.pdf", signed);
            assertEquals(422, r.status(), r.text());
            assertEquals("TOO_COMPLEX", r.errorCode());
            assertTrue(System.nanoTime() - started < 5_000_000_000L, "answered at once");
        }
        assertEquals(200, server.get("/health", null).status());
    }
}
