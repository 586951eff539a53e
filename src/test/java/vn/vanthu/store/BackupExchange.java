package vn.vanthu.store;

import com.fasterxml.jackson.databind.JsonNode;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.exchange.Agencies;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.List;
import java.util.Map;

/**
 * The exchange's tables of a service {@code a} filled for a backup, with a partner agency B started for it: A
 * answers one of its incoming documents with a dispatch to B (the answer, the directory, the outbox, B's statuses
 * 01 and 03), and B answers that dispatch back (A's inbox takes a message that names what it answers).
 * {@code a} should poll its outbox often ({@code VANTHU_EXCHANGE_POLL_MILLIS}) for the test to be quick.
 */
final class BackupExchange {
    private static final String A_NAME = "Sở Khoa học và Công nghệ tỉnh Thái Bình";

    private BackupExchange() {}

    static void fill(TestServer a, String answeredIncomingId) {
        try (TestServer b = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_EXCHANGE_POLL_MILLIS", "100",
                "VANTHU_ORGAN_ID", Agencies.B_ID, "VANTHU_AGENCY_NAME", Agencies.B_NAME))) {
            Agencies.link(a, b);
            String sent = Agencies.signed(a, List.of(Agencies.B_NAME), vn.vanthu.dispatch.DispatchPdf.draft("CV"));
            Agencies.ok(Agencies.put(a, "/api/v1/dispatches/" + sent + "/response-for", "clerk",
                    Map.of("incomingId", answeredIncomingId)));
            Agencies.ok(DispatchFixtures.issue(a, sent));
            accepted(a.postJson("/api/v1/dispatches/" + sent + "/send", "clerk", Map.of()));
            String documentId = a.get("/api/v1/dispatches/" + sent, "clerk").json().path("documentId").asText();
            JsonNode atB = Agencies.await(() -> b.get("/api/v1/incoming?limit=200", "clerk").json().path("items"),
                    items -> items.findValuesAsText("senderDocumentId").contains(documentId), "A's dispatch to reach B");
            String incomingAtB = atB.path(atB.findValuesAsText("senderDocumentId").indexOf(documentId)).path("id").asText();
            Agencies.ok(b.postJson("/api/v1/incoming/" + incomingAtB + "/register", "clerk", Map.of()));
            Agencies.await(() -> a.get("/api/v1/dispatches/" + sent + "/deliveries", "clerk").json(),
                    v -> v.path("items").path(0).path("latestStatus").path("code").asText().equals("03"), "status 03 from B");

            String reply = Agencies.signed(b, List.of(A_NAME), vn.vanthu.dispatch.DispatchPdf.draft("CV"));
            Agencies.ok(Agencies.put(b, "/api/v1/dispatches/" + reply + "/response-for", "clerk",
                    Map.of("incomingId", incomingAtB)));
            Agencies.ok(DispatchFixtures.issue(b, reply));
            accepted(b.postJson("/api/v1/dispatches/" + reply + "/send", "clerk", Map.of()));
            Agencies.await(() -> a.get("/api/v1/incoming?status=RECEIVED", "clerk").json().path("items"),
                    v -> v.size() > 0, "B's answer to reach A");
        }
    }

    private static void accepted(TestServer.Response r) {
        if (r.status() != 202) {
            throw new AssertionError(r.status() + " " + r.text());
        }
    }
}
