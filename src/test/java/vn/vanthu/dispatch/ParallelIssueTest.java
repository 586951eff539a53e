package vn.vanthu.dispatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 50 clerks' issue requests at once: numbers 01–50, each exactly once; a wrong PIN takes no number. */
class ParallelIssueTest {
    private static final int N = 50;

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void fifty_parallel_issues_get_numbers_01_to_50_exactly_once(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind)) {
            List<String> ids = signedDrafts(s, s);
            assertEquals(expected(), issueAll(ids, s, s));
        }
    }

    @Test
    void two_instances_sharing_one_postgresql_never_give_the_same_number() throws Exception {
        try (TestServer a = TestServer.start(Databases.Kind.POSTGRES);
             TestServer b = TestServer.start(Files.createTempDirectory("vanthu-b"), a.database(),
                     Map.of("VANTHU_DEMO_USERS", "false"))) {
            List<String> ids = signedDrafts(a, b);
            assertEquals(expected(), issueAll(ids, a, b));
        }
    }

    private static List<String> signedDrafts(TestServer a, TestServer b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                TestServer s = i % 2 == 0 ? a : b;
                fs.add(pool.submit(() -> signedDraft(s, a)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : fs) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private static String signedDraft(TestServer s, TestServer tokens) {
        String id = s.postMultipart("/api/v1/dispatches", tokens.token("clerk"), new vn.vanthu.support.Multipart()
                        .file("file", "kh.pdf", "application/pdf", DispatchPdf.draft("KH"))
                        .field("metadata", DispatchFixtures.metadata(tokens, "KH", "Kế hoạch cải cách hành chính")))
                .json().path("id").asText();
        var r = s.postJson("/api/v1/dispatches/" + id + "/sign", tokens.token("official"),
                Map.of("keyId", "official1", "pin", DispatchFixtures.PIN));
        assertEquals(200, r.status(), r.text());
        return id;
    }

    /** Issues every id at once (half through each server), with a wrong-PIN attempt before two of them. */
    private static List<String> issueAll(List<String> ids, TestServer a, TestServer b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                TestServer s = i % 2 == 0 ? a : b;
                String id = ids.get(i);
                boolean wrongPinFirst = i % 25 == 0;
                fs.add(pool.submit(() -> {
                    String clerk = a.token("clerk");
                    if (wrongPinFirst) {
                        var wrong = s.postJson("/api/v1/dispatches/" + id + "/issue", clerk, Map.of("keyId", "seal", "pin", "999999"));
                        assertEquals(403, wrong.status(), wrong.text());
                    }
                    var r = s.postJson("/api/v1/dispatches/" + id + "/issue", clerk, Map.of("keyId", "seal", "pin", DispatchFixtures.PIN));
                    assertEquals(200, r.status(), r.text());
                    return r.json().path("codeNumber").asText();
                }));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : fs) {
                numbers.add(f.get());
            }
            return numbers.stream().sorted().toList();
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> expected() {
        return IntStream.rangeClosed(1, N).mapToObj(i -> String.format("%02d", i)).toList();
    }
}
