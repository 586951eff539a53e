package vn.vanthu.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.exchange.Agencies.A_ID;
import static vn.vanthu.exchange.Agencies.A_NAME;
import static vn.vanthu.exchange.Agencies.B_ID;
import static vn.vanthu.exchange.Agencies.B_NAME;

/**
 * Two vanthu instances of two agencies (A on H2, B on PostgreSQL) exchange a document through their inboxes:
 * A sends, B receives it once and registers it, and B's statuses come back to A's view of the delivery.
 */
class TwoAgenciesTest {
    private static TestServer a;
    private static TestServer b;
    private static String tokenAtB;

    @BeforeAll
    static void start() {
        a = Agencies.a();
        b = Agencies.b();
        tokenAtB = Agencies.link(a, b);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    @Test
    void a_dispatch_sent_by_a_is_received_once_by_b_and_b_s_statuses_come_back_to_a() {
        String id = Agencies.issued(a, List.of(B_NAME, "Báo Thái Bình"));
        String xml = new String(a.get("/api/v1/dispatches/" + id + "/edxml", "clerk").body(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<edXML:OrganId>" + B_ID + "</edXML:OrganId>"), "To carries B's organ id from the directory");
        assertTrue(xml.contains("<edXML:OrganizationInCharge>UBND tỉnh Thái Bình</edXML:OrganizationInCharge>"), xml.substring(0, 600));
        assertTrue(xml.contains("<edXML:Email>skhcn@thaibinh.gov.vn</edXML:Email>"), "contacts from configuration");
        assertTrue(xml.contains("<edXML:Place>Thái Bình</edXML:Place>"), "the place name, not the agency");
        assertTrue(xml.contains("<edXML:Priority>1</edXML:Priority>"), "URGENT as QCVN 102's code 1");

        String figures = "/api/v1/figures?period=year&year="
                + a.get("/api/v1/dispatches/" + id, "clerk").json().path("issuedAt").asText().substring(0, 4);
        JsonNode before = a.get(figures, "auditor").json().at("/periods/0/outgoing");
        TestServer.Response sent = a.postJson("/api/v1/dispatches/" + id + "/send", "clerk", Map.of());
        assertEquals(202, sent.status(), sent.text());
        assertEquals(List.of(B_ID), list(sent.json().path("queued")));
        assertEquals(List.of("Báo Thái Bình"), list(sent.json().path("otherMeans")));
        TestServer.Response again = a.postJson("/api/v1/dispatches/" + id + "/send", "clerk", Map.of());
        assertEquals(List.of(), list(again.json().path("queued")), "sending again queues nothing twice");

        JsonNode delivered = Agencies.await(() -> a.get("/api/v1/dispatches/" + id + "/deliveries", "clerk").json(),
                v -> v.path("items").path(0).path("state").asText().equals("DELIVERED"), "B to acknowledge");
        assertEquals("01", delivered.path("items").path(0).path("latestStatus").path("code").asText());
        JsonNode after = a.get(figures, "auditor").json().at("/periods/0/outgoing");
        assertEquals(before.path("sentElectronically").asLong() + 1, after.path("sentElectronically").asLong(),
                "the figures count B, reached through the exchange, and not the newspaper: " + after);
        assertEquals(before.path("recipients").asLong(), after.path("recipients").asLong());
        assertEquals(List.of("Báo Thái Bình"), list(delivered.path("otherMeans")));
        List<List<String>> otherMeans = new java.util.ArrayList<>();
        a.get("/api/v1/registers/outgoing?format=json", "clerk").json().path("items").forEach(row -> {
            if (row.path("id").asText().equals(id)) {
                otherMeans.add(list(row.path("otherMeans")));
            }
        });
        assertEquals(List.of(List.of("Báo Thái Bình")), otherMeans, "the register names the recipients to send by other means");

        String documentId = a.get("/api/v1/dispatches/" + id, "clerk").json().path("documentId").asText();
        List<JsonNode> received = incomingOf(documentId);
        assertEquals(1, received.size(), received.toString());
        String incomingId = received.get(0).path("id").asText();
        JsonNode detail = b.get("/api/v1/incoming/" + incomingId, "clerk").json();
        assertEquals("EXCHANGE", detail.path("origin").asText(), detail.toString());
        assertTrue(detail.path("responseFor").isNull(), "A's dispatch answers nothing: " + detail);
        assertEquals(List.of("0 TOTAL_PASSED " + A_NAME, "1 TOTAL_PASSED Nguyễn Hữu Thắng", "1 TOTAL_PASSED " + A_NAME),
                java.util.stream.StreamSupport.stream(detail.path("signatures").spliterator(), false).map(v -> v.path("file").asText()
                        + " " + v.path("indication").asText() + " " + v.path("signedBy").asText()).toList(),
                "the message's seal by A, then the PDF's signature and seal, each with its verdict");

        TestServer.Response replay = Agencies.postXml(b, tokenAtB, xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(409, replay.status(), replay.text());
        assertEquals("ALREADY_RECEIVED", replay.errorCode());
        assertEquals(1, incomingOf(documentId).size(), "a message delivered twice is kept once");

        Agencies.ok(b.postJson("/api/v1/incoming/" + incomingId + "/register", "clerk", Map.of()));
        JsonNode statuses = Agencies.await(() -> a.get("/api/v1/dispatches/" + id + "/deliveries", "official").json(),
                v -> v.path("items").path(0).path("latestStatus").path("code").asText().equals("03"), "status 03 from B");
        assertEquals(List.of("01", "03"), statuses.path("items").path(0).path("statuses").findValuesAsText("code"));

        String reply = Agencies.signed(b, List.of(A_NAME));
        JsonNode named = Agencies.ok(Agencies.put(b, "/api/v1/dispatches/" + reply + "/response-for", "clerk",
                Map.of("incomingId", incomingId)));
        assertEquals(documentId, named.path("documentId").asText(), named.toString());
        Agencies.ok(vn.vanthu.dispatch.DispatchFixtures.issue(b, reply));
        assertEquals(409, Agencies.put(b, "/api/v1/dispatches/" + reply + "/response-for", "clerk",
                Map.of("incomingId", incomingId)).status(), "the sealed edXML cannot change");
        assertEquals(202, b.postJson("/api/v1/dispatches/" + reply + "/send", "clerk", Map.of()).status());
        JsonNode answer = Agencies.await(() -> a.get("/api/v1/incoming?status=RECEIVED", "clerk").json().path("items"),
                v -> v.size() > 0, "B's answer to reach A").path(0);
        String message = new String(a.get("/api/v1/incoming/" + answer.path("id").asText() + "/file?ordinal=0", "clerk").body(),
                StandardCharsets.UTF_8);
        assertTrue(message.contains("<edXML:ResponseFor><edXML:OrganId>" + A_ID + "</edXML:OrganId>"), "the answer names A's document");
        assertTrue(message.contains("<edXML:DocumentId>" + documentId + "</edXML:DocumentId></edXML:ResponseFor>"), message.substring(0, 1500));
        JsonNode answered = a.get("/api/v1/incoming/" + answer.path("id").asText(), "clerk").json().path("responseFor");
        assertEquals(Map.of("organId", A_ID, "documentId", documentId, "dispatchId", id),
                TestServer.JSON.convertValue(answered, Map.class), "A sees which of its dispatches B answers");
    }

    @Test
    void the_inbox_refuses_a_message_not_addressed_to_it_a_changed_one_and_one_from_an_unknown_account() {
        String id = Agencies.issued(a, List.of("Các phòng, đơn vị thuộc Sở"));
        byte[] xml = a.get("/api/v1/dispatches/" + id + "/edxml", "clerk").body();
        TestServer.Response elsewhere = Agencies.postXml(b, tokenAtB, xml);
        assertEquals(422, elsewhere.status(), elsewhere.text());
        assertEquals("NOT_ADDRESSED_TO_US", elsewhere.errorCode());

        String toB = new String(a.get("/api/v1/dispatches/" + Agencies.issued(a, List.of(B_ID)) + "/edxml", "clerk").body(),
                StandardCharsets.UTF_8);
        String changed = toB.replace("V/v trao đổi văn bản điện tử", "V/v trao đổi văn bản đã sửa");
        TestServer.Response tampered = Agencies.postXml(b, tokenAtB, changed.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, tampered.status(), tampered.text());
        assertEquals("SEAL_INVALID", tampered.errorCode());

        String doctype = toB.replaceFirst("<edXML:edXML", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><edXML:edXML");
        assertEquals("DTD_REFUSED", Agencies.postXml(b, tokenAtB, doctype.getBytes(StandardCharsets.UTF_8)).errorCode());
        String namespace = toB.replace("http://www.mic.gov.vn/TBT/QCVN_102_2016", "urn:other");
        assertEquals("WRONG_NAMESPACE", Agencies.postXml(b, tokenAtB, namespace.getBytes(StandardCharsets.UTF_8)).errorCode());
        assertEquals(401, Agencies.postXml(b, "vt_unknown", toB.getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(403, Agencies.postXml(b, b.token("clerk"), toB.getBytes(StandardCharsets.UTF_8)).status(),
                "a person's token does not open the inbox");

        JsonNode refused = b.get("/api/v1/audit?action=EXCHANGE_INBOX", "auditor").json().path("items");
        assertTrue(refused.size() >= 4, "each refusal is an audit event: " + refused);
        refused.forEach(e -> assertEquals("FAILED", e.path("outcome").asText(), e.toString()));
        assertFalse(b.get("/api/v1/incoming", "clerk").json().path("items").toString().contains("đã sửa"), "nothing kept");
    }

    @Test
    void the_inbox_refuses_a_message_sealed_by_another_key_than_the_one_pinned_for_its_sender_or_with_a_changed_seal() {
        String id = Agencies.issued(a, List.of(B_ID));
        String documentId = a.get("/api/v1/dispatches/" + id, "clerk").json().path("documentId").asText();
        String xml = new String(a.get("/api/v1/dispatches/" + id + "/edxml", "clerk").body(), StandardCharsets.UTF_8);
        Map<String, Object> otherKey = new java.util.HashMap<>(Agencies.organ(A_ID, A_NAME, a));
        otherKey.put("certificate", Agencies.OTHER_KEY);
        Agencies.ok(Agencies.put(b, "/api/v1/organs/" + A_ID, otherKey));
        TestServer.Response sealedByAnother;
        try {
            sealedByAnother = Agencies.postXml(b, tokenAtB, xml.getBytes(StandardCharsets.UTF_8));
        } finally {
            Agencies.ok(Agencies.put(b, "/api/v1/organs/" + A_ID, Agencies.organ(A_ID, A_NAME, a)));
        }
        assertEquals(422, sealedByAnother.status(), sealedByAnother.text());
        assertEquals("SEAL_INVALID", sealedByAnother.errorCode());

        java.util.regex.Matcher value = java.util.regex.Pattern.compile("<ds:SignatureValue[^>]*>(.)").matcher(xml);
        assertTrue(value.find(), xml.substring(xml.length() - 3000));
        String changed = xml.substring(0, value.start(1)) + (value.group(1).equals("A") ? "B" : "A") + xml.substring(value.end(1));
        TestServer.Response changedSeal = Agencies.postXml(b, tokenAtB, changed.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, changedSeal.status(), changedSeal.text());
        assertEquals("SEAL_INVALID", changedSeal.errorCode());
        assertEquals(List.of(), incomingOf(documentId), "nothing kept");
        Agencies.ok(Agencies.postXml(b, tokenAtB, xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, incomingOf(documentId).size(), "the message as sealed is taken once A's own certificate is pinned again");
    }

    @Test
    void the_directory_never_answers_a_partner_s_inbox_token_and_refuses_a_certificate_outside_its_anchor() {
        JsonNode organs = Agencies.ok(a.get("/api/v1/organs", "admin"));
        assertTrue(organs.path("items").path(0).path("hasInboxToken").asBoolean(), organs.toString());
        assertFalse(organs.toString().contains("vt_"), "the token is never answered");
        Map<String, Object> wrong = new java.util.HashMap<>(Agencies.organ("000.00.99.H56", "Cơ quan khác", b));
        wrong.put("certificate", Agencies.ROOT);   // the root is not issued by the seal
        wrong.put("anchor", Agencies.SEAL);
        TestServer.Response r = a.postJson("/api/v1/organs", "admin", wrong);
        assertEquals(422, r.status(), r.text());
        assertEquals("UNTRUSTED_CERTIFICATE", r.errorCode());
    }

    @Test
    void a_recall_returns_b_s_copy_that_is_not_handled_yet_and_b_accepts_it_with_15() {
        String id = Agencies.issued(a, List.of(B_ID));
        assertEquals(202, a.postJson("/api/v1/dispatches/" + id + "/send", "clerk", Map.of()).status());
        Agencies.await(() -> a.get("/api/v1/dispatches/" + id + "/deliveries", "clerk").json(),
                v -> v.path("items").path(0).path("state").asText().equals("DELIVERED"), "B to acknowledge");
        TestServer.Response recall = a.postJson("/api/v1/dispatches/" + id + "/recall", "clerk", Map.of("reason", "Ban hành nhầm"));
        assertEquals(202, recall.status(), recall.text());
        assertEquals(List.of(B_ID), list(recall.json().path("recalled")));
        JsonNode view = Agencies.await(() -> a.get("/api/v1/dispatches/" + id + "/deliveries", "clerk").json(),
                v -> v.path("items").path(0).path("latestStatus").path("code").asText().equals("15"), "B to accept the recall");
        assertEquals("DELIVERED", view.path("items").path(0).path("recall").path("state").asText(), view.toString());
        String documentId = a.get("/api/v1/dispatches/" + id, "clerk").json().path("documentId").asText();
        JsonNode atB = incomingOf(documentId).get(0);
        assertEquals("RETURNED", atB.path("status").asText(), atB.toString());
        assertTrue(atB.path("returnReason").asText().contains("Ban hành nhầm"), atB.toString());
        TestServer.Response notSent = a.postJson("/api/v1/dispatches/" + Agencies.issued(a, List.of("Báo Thái Bình"))
                + "/recall", "clerk", Map.of("reason", "x"));
        assertEquals(409, notSent.status(), notSent.text());
    }

    @Test
    void a_recall_of_a_copy_b_has_handled_already_is_refused_with_16() {
        String id = Agencies.issued(a, List.of(B_ID));
        assertEquals(202, a.postJson("/api/v1/dispatches/" + id + "/send", "clerk", Map.of()).status());
        String documentId = a.get("/api/v1/dispatches/" + id, "clerk").json().path("documentId").asText();
        Agencies.await(() -> a.get("/api/v1/dispatches/" + id + "/deliveries", "clerk").json(),
                v -> v.path("items").path(0).path("state").asText().equals("DELIVERED"), "B to acknowledge");
        String atB = incomingOf(documentId).get(0).path("id").asText();
        String handler = b.get("/api/v1/users/me", "handler").json().path("id").asText();
        Agencies.ok(b.postJson("/api/v1/incoming/" + atB + "/register", "clerk", Map.of()));
        Agencies.ok(b.postJson("/api/v1/incoming/" + atB + "/direct", "official", Map.of("leadUserId", handler,
                "cooperatingUserIds", List.of(), "comment", "Xử lý")));
        Agencies.ok(b.postJson("/api/v1/incoming/" + atB + "/complete", "handler", Map.of("result", "FILED", "note", "Lưu để biết")));
        assertEquals(202, a.postJson("/api/v1/dispatches/" + id + "/recall", "clerk", Map.of("reason", "Ban hành nhầm")).status());
        JsonNode view = Agencies.await(() -> a.get("/api/v1/dispatches/" + id + "/deliveries", "clerk").json(),
                v -> v.path("items").path(0).path("statuses").findValuesAsText("code").contains("16"), "B to refuse the recall");
        assertEquals(List.of("01", "03", "04", "06", "16"), view.path("items").path(0).path("statuses").findValuesAsText("code"));
        assertEquals("DONE", b.get("/api/v1/incoming/" + atB, "clerk").json().path("status").asText(), "a handled document stays done");
    }

    @Test
    void a_status_about_a_document_never_sent_through_the_outbox_is_refused_and_audited_by_its_receiver() {
        String id = Agencies.issued(a, List.of(B_ID));   // issued, never sent: B gets it by hand below
        String documentId = a.get("/api/v1/dispatches/" + id, "clerk").json().path("documentId").asText();
        Agencies.ok(Agencies.postXml(b, tokenAtB, a.get("/api/v1/dispatches/" + id + "/edxml", "clerk").body()));
        Agencies.ok(b.postJson("/api/v1/incoming/" + incomingOf(documentId).get(0).path("id").asText() + "/register", "clerk", Map.of()));
        JsonNode refused = Agencies.await(() -> a.get("/api/v1/audit?action=EXCHANGE_INBOX", "auditor").json().path("items"),
                v -> v.toString().contains("UNKNOWN_DOCUMENT"), "A to refuse B's status 03");
        assertTrue(refused.toString().contains("FAILED"), refused.toString());
        assertEquals(0, a.get("/api/v1/dispatches/" + id + "/deliveries", "clerk").json().path("items").size());
    }

    /** B's incoming documents that came as A's message {@code documentId}. */
    private static List<JsonNode> incomingOf(String documentId) {
        List<JsonNode> out = new java.util.ArrayList<>();
        b.get("/api/v1/incoming?limit=200", "clerk").json().path("items").forEach(i -> {
            if (documentId.equals(i.path("senderDocumentId").asText())) {
                out.add(i);
            }
        });
        return out;
    }

    private static List<String> list(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
