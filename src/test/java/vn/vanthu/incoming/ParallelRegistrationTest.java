package vn.vanthu.incoming;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;
import vn.vanthu.validation.SignedFiles;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clerks on two instances sharing one PostgreSQL register at once: incoming numbers 1–N, each exactly once, and the
 * register's page on either instance counts N documents.
 */
class ParallelRegistrationTest {
    private static final int N = 30;

    @Test
    void two_instances_registering_at_once_give_numbers_1_to_n_each_exactly_once() throws Exception {
        try (TestServer a = TestServer.start(Databases.Kind.POSTGRES);
             TestServer b = TestServer.start(Files.createTempDirectory("vanthu-b"), a.database(),
                     Map.of("VANTHU_DEMO_USERS", "false"))) {
            String clerk = a.token("clerk");
            byte[] pdf = SignedFiles.pdf(1);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                var r = (i % 2 == 0 ? a : b).postMultipart("/api/v1/incoming", clerk, new Multipart()
                        .file("file", "scan.pdf", "application/pdf", pdf).field("scanned", "true")
                        .field("metadata", IncomingFixtures.metadata(i + "/UBND-VP", "NORMAL", false)));
                assertEquals(201, r.status(), r.text());
                ids.add(r.json().path("id").asText());
            }
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<Long>> numbers = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    TestServer s = i % 2 == 0 ? b : a;
                    String id = ids.get(i);
                    numbers.add(pool.submit(() -> {
                        var r = s.postJson("/api/v1/incoming/" + id + "/register", clerk, "");
                        assertEquals(200, r.status(), r.text());
                        return r.json().path("incomingNumber").asLong();
                    }));
                }
                List<Long> got = new ArrayList<>();
                for (Future<Long> f : numbers) {
                    got.add(f.get());
                }
                assertEquals(LongStream.rangeClosed(1, N).boxed().toList(), got.stream().sorted().toList());
            } finally {
                pool.shutdown();
            }
            var register = a.get("/api/v1/registers/incoming", clerk).json().path("items");
            assertEquals(N, register.size());
            for (int i = 0; i < N; i++) {
                assertEquals(i + 1, register.path(i).path("incomingNumber").asLong(), "in number order");
            }
            for (TestServer s : List.of(a, b)) {   // the register's total, kept as each registration committed
                String total = s.get("/registers/incoming", clerk).text();
                assertTrue(total.contains(N + " văn bản · trang 1/1"), total);
            }
            var page = b.get("/api/v1/incoming?limit=5&status=REGISTERED", clerk);
            assertEquals(5, page.json().path("items").size(), page.text());
            var due = b.get("/api/v1/incoming/due?within=3d", clerk);
            assertEquals(200, due.status(), due.text());
        }
    }
}
