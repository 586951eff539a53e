package vn.vanthu.keys;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.support.Accounts;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.keys.KeysApiTest.verify;

/**
 * PIN guesses that race: every attempt is counted before its PIN is tried, so however many arrive at once, on
 * one instance or two sharing the database, at most {@code pin.attempts} PINs are tried. The shared seal locks
 * per clerk, and its wrong PINs are counted in /metrics.
 */
class PinRaceTest {

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void eight_concurrent_wrong_pins_on_two_instances_try_at_most_pin_attempts(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind);
             TestServer other = TestServer.start(s.dataDir(), s.database(), Map.of())) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<TestServer.Response>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    TestServer target = i % 2 == 0 ? s : other;
                    String pin = "99990" + i;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return verify(target, "official", "official1", pin);
                    }));
                }
                start.countDown();
                int tried = 0;
                int refused = 0;
                for (Future<TestServer.Response> a : answers) {
                    String code = a.get().errorCode();
                    if ("WRONG_PIN".equals(code)) {
                        tried++;
                    } else if ("KEY_LOCKED".equals(code)) {
                        refused++;
                    }
                }
                assertTrue(tried <= 5, tried + " PINs were tried; pin.attempts is 5");
                assertEquals(8, tried + refused);
            } finally {
                pool.shutdownNow();
            }
            assertEquals("KEY_LOCKED", verify(s, "official", "official1", "123456").errorCode(), "the lock holds");
            assertEquals("KEY_LOCKED", verify(other, "official", "official1", "123456").errorCode());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Databases.Kind.class, names = "H2")
    void a_clerk_locking_the_seal_does_not_lock_it_for_another_clerk(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            String clerkB = Accounts.create(s, "clerk-b", "CLERK");
            for (int i = 0; i < 5; i++) {
                assertEquals("WRONG_PIN", verify(s, "clerk", "seal", "00000" + i).errorCode());
            }
            assertEquals("KEY_LOCKED", verify(s, "clerk", "seal", "123456").errorCode(), "locked for clerk A");
            TestServer.Response b = verify(s, clerkB, "seal", "123456");
            assertEquals(200, b.status(), b.text());
            assertEquals("ACTIVE", KeysApiTest.find(s.get("/api/v1/keys", clerkB).json(), "seal").path("status").asText());
            assertEquals("LOCKED", KeysApiTest.find(s.get("/api/v1/keys", "clerk").json(), "seal").path("status").asText());
            assertTrue(s.get("/metrics", null).text().contains("vanthu_seal_pin_failures_total 5"),
                    "the seal's wrong PINs are counted for an alert");
        }
    }
}
