package vn.vanthu.exchange;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Requests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP for the exchange: name the incoming document a dispatch answers, send an issued dispatch, follow its
 * deliveries, recall it, and the inbox partners
 * deliver to (a raw {@code application/xml} body: the sealed edXML message).
 *
 * <pre>{@code r.add(POST, "/api/v1/exchange/inbox", Set.of(PARTNER), "exchange", "…", BINARY, exchange::inbox);}</pre>
 */
public final class ExchangeController {
    private final Deliveries deliveries;
    private final Inbox inbox;
    private final Answers answers;

    ExchangeController(Deliveries deliveries, Inbox inbox, Answers answers) {
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.answers = answers;
    }

    /** The body naming the answered document. */
    record Answered(String incomingId) {}

    public void responseFor(Context ctx) {
        Answered a = Requests.json(ctx, Answered.class, "{incomingId}");
        ctx.json(answers.name(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), a.incomingId()));
    }

    public void send(Context ctx) {
        Deliveries.Sent s = deliveries.send(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dispatchId", ctx.pathParam("id"));
        m.put("queued", s.queued());
        m.put("queuedBefore", s.queuedBefore());
        m.put("otherMeans", s.otherMeans());
        ctx.status(202).json(m);
    }

    public void deliveries(Context ctx) {
        ctx.json(deliveries.view(Auth.user(ctx), ctx.pathParam("id")));
    }

    /** The body of a recall. */
    record Recall(String reason) {}

    /** The longest recall reason. */
    static final int REASON = 2_000;
    public static final BodySpec ANSWERED = BodySpec.json(FieldSpec.text("incomingId", Answers.INCOMING_ID));
    public static final BodySpec RECALL = BodySpec.json(FieldSpec.text("reason", REASON));

    public void recall(Context ctx) {
        Recall r = Requests.json(ctx, Recall.class, "{reason}");
        if (r.reason() == null || r.reason().isBlank() || r.reason().length() > REASON) {
            throw ApiException.badRequest("MISSING_FIELD", "reason (1-" + REASON + " characters) is required", "reason");
        }
        var organs = deliveries.recall(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), r.reason().strip());
        ctx.status(202).json(Map.of("dispatchId", ctx.pathParam("id"), "recalled", organs));
    }

    public void inbox(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!(type.startsWith("application/xml") || type.startsWith("text/xml"))) {
            throw ApiException.unsupportedMediaType("The inbox takes an edXML message as application/xml");
        }
        byte[] body = ctx.bodyAsBytes();
        AuditTags.set(ctx, "EXCHANGE_INBOX", null, body.length + " bytes");
        try {
            ctx.json(inbox.receive(Auth.user(ctx), AuditTags.origin(ctx), body));
        } catch (ApiException e) {
            AuditTags.set(ctx, "EXCHANGE_INBOX", null, body.length + " bytes refused: " + e.code());   // why, in the audit trail
            throw e;
        }
    }
}
