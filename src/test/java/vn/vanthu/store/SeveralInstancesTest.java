package vn.vanthu.store;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two instances behind a (pretend) load balancer share one PostgreSQL and nothing else. */
class SeveralInstancesTest {
    @Test
    void two_instances_on_one_postgresql_share_users_documents_and_one_intact_audit_chain() throws Exception {
        try (TestServer a = TestServer.start(Databases.Kind.POSTGRES);
             TestServer b = TestServer.start(Files.createTempDirectory("vanthu-b"), a.database(),
                     Map.of("VANTHU_DEMO_USERS", "false"))) {
            String clerk = a.token("clerk");
            assertEquals(200, b.get("/api/v1/users/me", clerk).status(), "a token issued via one works on the other");

            byte[] data = "Công văn số 385/SNV-CCHCVTLT".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String sha = a.postMultipart("/api/v1/documents", clerk,
                    new Multipart().file("file", "cv.txt", "text/plain", data)).json().path("sha256").asText();
            assertArrayEquals(data, b.get("/api/v1/documents/" + sha, clerk).body());

            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            // 39 more documents: with the store and the audited read above, 41 events in all
            for (int i = 0; i < 39; i++) {
                TestServer target = i % 2 == 0 ? a : b;
                int n = i;
                results.add(pool.submit(() -> target.postMultipart("/api/v1/documents", clerk,
                        new Multipart().file("file", "f" + n, "text/plain", ("doc " + n).getBytes())).status()));
            }
            for (Future<Integer> f : results) {
                assertEquals(201, f.get());
            }
            pool.shutdown();
            var verify = b.get("/api/v1/audit/verify", a.token("auditor")).json();
            assertTrue(verify.path("intact").asBoolean(), verify.toString());
            assertEquals(41, verify.path("events").asLong());
        }
    }
}
