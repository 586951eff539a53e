package vn.vanthu.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two requests creating the same thing at the same moment both pass the check before the insert; the database's
 * unique index refuses the second, and that refusal is the client's 409 with the domain's code, never a 500.
 * Several rounds, each pair released together by a barrier, so the race really happens.
 */
class ConcurrentDuplicatesTest {
    private static final int ROUNDS = 6;

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void two_creations_of_the_same_user_give_one_201_and_one_409_user_exists(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind)) {
            for (int round = 0; round < ROUNDS; round++) {
                String name = "race" + round;
                List<TestServer.Response> answers = together(() -> s.postJson("/api/v1/users", "admin",
                        Map.of("name", name, "displayName", "Người dùng " + name, "roles", List.of("CLERK"))));
                assertOneCreatedOneConflict(answers, "USER_EXISTS");
            }
            assertEquals(ROUNDS, s.get("/api/v1/users", "admin").json().path("items").findValuesAsText("login")
                    .stream().filter(n -> n.startsWith("race")).count());
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void two_dossiers_with_the_same_symbol_give_one_201_and_one_409_duplicate_symbol(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind)) {
            String clerk = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
            for (int round = 0; round < ROUNDS; round++) {
                String symbol = "0" + round + ".RACE";
                List<TestServer.Response> answers = together(() -> s.postJson("/api/v1/dossiers", "clerk",
                        Map.of("symbol", symbol, "title", "Hồ sơ " + symbol, "retention", "10Y", "responsibleUserId", clerk)));
                assertOneCreatedOneConflict(answers, "DUPLICATE_SYMBOL");
            }
        }
    }

    private static void assertOneCreatedOneConflict(List<TestServer.Response> answers, String code) {
        List<Integer> statuses = answers.stream().map(TestServer.Response::status).sorted().toList();
        assertEquals(List.of(201, 409), statuses, answers.stream().map(TestServer.Response::text).toList().toString());
        TestServer.Response conflict = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertEquals(code, conflict.errorCode());
    }

    /** Sends the same request twice at the same moment. */
    private static List<TestServer.Response> together(Supplier<TestServer.Response> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestServer.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            List<TestServer.Response> out = new ArrayList<>();
            for (Future<TestServer.Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
