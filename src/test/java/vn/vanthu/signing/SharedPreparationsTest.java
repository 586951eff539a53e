package vn.vanthu.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.vanthu.signing.SigningFixtures.*;

/** Two instances on one PostgreSQL: a preparation made on one is completed on the other, exactly once. */
class SharedPreparationsTest {

    @Test
    void a_preparation_made_on_one_instance_completes_once_on_another() throws Exception {
        Key official1 = key("official1");
        try (TestServer a = TestServer.start(Databases.Kind.POSTGRES);
             TestServer b = TestServer.start(a.dataDir(), a.database(), Map.of())) {
            JsonNode p = TwoStepSigningTest.prepare(a, "official", form("PAdES", "LT", "cv.pdf", "application/pdf", pdf()), official1);
            byte[] value = official1.sign(Base64.getDecoder().decode(p.get("dataToSign").asText()));
            String id = p.get("preparationId").asText();
            var first = CompletableFuture.supplyAsync(() -> TwoStepSigningTest.complete(b, "official", id, value));
            var second = CompletableFuture.supplyAsync(() -> TwoStepSigningTest.complete(a, "official", id, value));
            List<TestServer.Response> both = List.of(first.get(), second.get());
            long ok = both.stream().filter(r -> r.status() == 200).count();
            long gone = both.stream().filter(r -> r.status() == 410).count();
            assertEquals(1, ok, both.get(0).status() + " / " + both.get(1).status());
            assertEquals(1, gone);
            byte[] signed = both.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().body();
            assertAllPassed(validate(signed, List.of(), false), "PAdES-BASELINE-LT");
        }
    }
}
