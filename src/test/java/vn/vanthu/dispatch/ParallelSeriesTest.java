package vn.vanthu.dispatch;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fifty issues at once across two series of the year's layout (quyết định in its own legal-normative series,
 * kế hoạch in the administrative one), through two instances sharing one PostgreSQL: each series runs 01-25
 * without a gap and no two documents share a number + symbol or a document identifier.
 */
class ParallelSeriesTest {
    private static final int PER_SERIES = 25;

    @Test
    void fifty_parallel_issues_in_two_series_on_two_instances_leave_each_series_gapless_and_every_identifier_unique()
            throws Exception {
        TestClock clock = TestClock.at("2026-12-07T09:00");
        try (TestServer a = TestServer.start(Databases.Kind.POSTGRES, Map.of(), clock);
             TestServer b = TestServer.start(Files.createTempDirectory("vanthu-b"), a.database(),
                     Map.of("VANTHU_DEMO_USERS", "false"), clock)) {
            int year = 2026;
            TestServer.Response put = NumberingFixtures.put(a, year, "admin", NumberingFixtures.layout("HC", List.of("QĐ"), "M"));
            assertEquals(200, put.status(), put.text());
            List<String> ids = run(8, IntStream.range(0, 2 * PER_SERIES).mapToObj(i -> (Callable<String>) () -> {
                String type = i % 2 == 0 ? "KH" : "QĐ";
                return NumberingFixtures.signed(i % 4 < 2 ? a : b, a, type, false, "VP", "/" + type + "-SKHCN");
            }).toList());
            List<String> issued = run(16, IntStream.range(0, ids.size()).mapToObj(i -> (Callable<String>) () -> {
                TestServer s = i % 2 == 0 ? b : a;
                var r = s.postJson("/api/v1/dispatches/" + ids.get(i) + "/issue", a.token("clerk"),
                        Map.of("keyId", "seal", "pin", DispatchFixtures.PIN));
                assertEquals(200, r.status(), r.text());
                return r.json().path("number").asText() + " " + r.json().path("documentId").asText();
            }).toList());
            Map<String, List<String>> bySymbol = new TreeMap<>();
            Set<String> documentIds = new HashSet<>();
            for (String n : issued) {
                String number = n.substring(0, n.indexOf(' '));
                bySymbol.computeIfAbsent(number.substring(number.indexOf('/') + 1), k -> new ArrayList<>())
                        .add(number.substring(0, number.indexOf('/')));
                documentIds.add(n.substring(n.indexOf(' ') + 1));
            }
            List<String> expected = IntStream.rangeClosed(1, PER_SERIES).mapToObj(i -> String.format("%02d", i)).toList();
            assertEquals(Set.of("KH-SKHCN", "QĐ-SKHCN"), bySymbol.keySet());
            bySymbol.values().forEach(numbers -> assertEquals(expected, numbers.stream().sorted().toList()));
            assertEquals(2 * PER_SERIES, documentIds.size(), "every document identifier is unique");
        }
    }

    private static List<String> run(int threads, List<Callable<String>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> fs = new ArrayList<>();
            work.forEach(w -> fs.add(pool.submit(w)));
            List<String> out = new ArrayList<>();
            for (Future<String> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
