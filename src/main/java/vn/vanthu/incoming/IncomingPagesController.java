package vn.vanthu.incoming;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.dispatch.Dispatch;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.error.ApiException;
import vn.vanthu.users.UserService;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Forms;
import vn.vanthu.web.PageSlice;
import vn.vanthu.web.Requests;
import vn.vanthu.web.Role;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of incoming documents: the clerk receives (file and metadata) and registers; the official directs
 * (lead, cooperating people, deadline); the handler sees their documents by deadline (with the draft or dispatch
 * answering each, when one is named) and marks progress or completes; the incoming register with filters. The
 * same services as the API, so the same rules.
 */
public final class IncomingPagesController {
    /** The receive form (checkboxes: "on" when ticked): its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec RECEIVE = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("sendingOrgan", 500).required(), vn.vanthu.web.FieldSpec.text("numberSymbol", 100).required(),
            vn.vanthu.web.FieldSpec.text("documentDate", 20).required(), vn.vanthu.web.FieldSpec.text("documentType", 100).required(), vn.vanthu.web.FieldSpec.text("subject", 2000).required(),
            vn.vanthu.web.FieldSpec.text("urgency", 20), vn.vanthu.web.FieldSpec.text("secret", 5), vn.vanthu.web.FieldSpec.text("scanned", 5), vn.vanthu.web.FieldSpec.text("register", 5))
            .withFiles(vn.vanthu.web.FilePart.one("file"));
    /** The direct form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec DIRECT = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("leadUserId", 40).required(), vn.vanthu.web.FieldSpec.text("leadUnit", 200),
            vn.vanthu.web.FieldSpec.list("cooperatingUserIds", IncomingInput.MAX_COOPERATORS, 40), vn.vanthu.web.FieldSpec.text("deadline", 20), vn.vanthu.web.FieldSpec.text("comment", 4000));
    /** The progress form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec PROGRESS = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("note", 4000));
    /** The complete form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec COMPLETE = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("result", 20).required(), vn.vanthu.web.FieldSpec.text("dispatchId", 40), vn.vanthu.web.FieldSpec.text("note", 4000));
    /** The register form (its CSRF token only): its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec REGISTER = vn.vanthu.web.BodySpec.form();
    private static final int PAGE = 200;
    private final IncomingService incoming;
    private final HandlingService handling;
    private final IncomingRegister register;
    private final UserService users;
    private final Answered answered;

    /** Which draft or dispatch answers a document, and what the caller may see of it. */
    record Answered(AnswerLookup lookup, DispatchService dispatches) {}

    IncomingPagesController(IncomingService incoming, HandlingService handling, IncomingRegister register, UserService users,
                            Answered answered) {
        this.answered = answered;
        this.incoming = incoming;
        this.handling = handling;
        this.register = register;
        this.users = users;
    }

    public void receiveForm(Context ctx) {
        Views.render(ctx, "incoming-new", Map.of());
    }

    public void receive(Context ctx) throws Exception {
        UploadedFile file = Uploads.one(ctx, "file");
        var meta = new IncomingInput.NewIncoming(Forms.text(ctx, "sendingOrgan", 500, true),
                Forms.text(ctx, "numberSymbol", 100, true), Forms.text(ctx, "documentDate", 20, true),
                Forms.text(ctx, "documentType", 100, true), Forms.text(ctx, "subject", 2000, true),
                Forms.text(ctx, "urgency", 20, false), "on".equals(ctx.formParam("secret"))).checked();
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        }
        User caller = Auth.user(ctx);
        Incoming d = incoming.receive(caller, AuditTags.origin(ctx), Arrival.upload(incoming.validation(), bytes,
                file.filename(), file.contentType(), meta, "on".equals(ctx.formParam("scanned"))));
        if ("on".equals(ctx.formParam("register"))) {
            d = incoming.register(caller, AuditTags.origin(ctx), d.id());
        }
        AuditTags.set(ctx, "INCOMING_RECEIVE", d.id(), d.origin().name());
        list(ctx, d.status().name(), Views.text(ctx, "incoming.received") + " " + d.metadata().numberSymbol());
    }

    public void list(Context ctx) {
        String status = ctx.queryParam("status");
        list(ctx, status == null || status.isBlank() ? "RECEIVED" : status, null);
    }

    private void list(Context ctx, String status, String notice) {
        Incoming.Status st = IncomingInput.parse(Incoming.Status.class, "status", status, null);
        List<Incoming> items = incoming.list(Auth.user(ctx), st, null, PAGE, 0);
        Map<String, Object> model = new HashMap<>();
        model.put("status", st.name());
        model.put("rows", rows(items));
        model.put("people", assignable());
        if (notice != null) {
            model.put("notice", notice);
        }
        Views.render(ctx, "incoming", model);
    }

    public void register(Context ctx) {
        Incoming d = incoming.register(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"));
        AuditTags.set(ctx, "INCOMING_REGISTER", d.id(), String.valueOf(d.registration().number()));
        list(ctx, "REGISTERED", Views.text(ctx, "incoming.registered") + " " + d.registration().number());
    }

    /** The official: registered documents waiting for a direction. */
    public void directions(Context ctx) {
        list(ctx, "REGISTERED", null);
    }

    public void direct(Context ctx) {
        var in = new IncomingInput.NewDirection(Forms.text(ctx, "leadUserId", 40, true), Forms.text(ctx, "leadUnit", 200, false),
                ctx.formParams("cooperatingUserIds"), Forms.text(ctx, "deadline", 20, false), Forms.text(ctx, "comment", 4000, false));
        Incoming d = handling.direct(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), in);
        AuditTags.set(ctx, "INCOMING_DIRECT", d.id(), "lead " + d.direction().leadUserId());
        list(ctx, "REGISTERED", Views.text(ctx, "incoming.directed") + " " + d.metadata().numberSymbol());
    }

    /** The handler: the documents assigned to me, the nearest deadline first. */
    public void mine(Context ctx) {
        mine(ctx, null);
    }

    /** The handler's page with a notice on top (null for none). */
    public void mine(Context ctx, String notice) {
        User caller = Auth.user(ctx);
        List<Incoming> items = incoming.list(caller, null, caller.id(), PAGE, 0).stream()
                .sorted(Comparator.comparing((Incoming d) -> d.direction() == null || d.direction().deadline() == null
                        ? java.time.LocalDate.MAX : d.direction().deadline())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", withAnswers(caller, rows(items)));
        model.put("me", caller.id());
        if (notice != null) {
            model.put("notice", notice);
        }
        Views.render(ctx, "handling", model);
    }

    public void progress(Context ctx) {
        Incoming d = handling.progress(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), Forms.text(ctx, "note", 4000, false));
        AuditTags.set(ctx, "INCOMING_PROGRESS", d.id(), null);
        mine(ctx, Views.text(ctx, "incoming.progressed") + " " + d.metadata().numberSymbol());
    }

    public void complete(Context ctx) {
        var in = new IncomingInput.Completion(Forms.text(ctx, "result", 20, true), Forms.text(ctx, "dispatchId", 40, false),
                Forms.text(ctx, "note", 4000, false));
        Incoming d = handling.complete(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), in);
        AuditTags.set(ctx, "INCOMING_COMPLETE", d.id(), d.handling().result().name());
        mine(ctx, Views.text(ctx, "incoming.completed") + " " + d.metadata().numberSymbol());
    }

    public void incomingRegister(Context ctx) {
        Integer y = Requests.year(ctx.queryParam("year"), 1900, 9999);
        int year = y == null ? register.currentYear() : y;
        boolean secret = "true".equalsIgnoreCase(ctx.queryParam("secret"));
        if (secret && !Auth.user(ctx).has(Role.CLERK)) {
            throw ApiException.forbidden("SECRET_REGISTER", "Only a clerk reads the register of secret documents");
        }
        if ("pdf".equals(ctx.queryParam("format"))) {
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\"so-van-ban-den-" + (secret ? "mat-" : "") + year + ".pdf\"");
            ctx.result(register.pdf(year, secret));
            return;
        }
        String q = PageSlice.query(ctx);
        Map<String, Object> model = new HashMap<>(PageSlice.page(ctx, register.find(year, secret, q)));
        model.put("year", year);
        model.put("q", q);
        model.put("secret", secret);
        Views.render(ctx, "register-incoming", model);
    }

    private List<Map<String, Object>> rows(List<Incoming> items) {
        var now = incoming.now();
        return items.stream().map(d -> {
            Map<String, Object> m = IncomingViews.summary(d, now);
            m.put("verdicts", incoming.verdicts(d.id()).stream().map(v -> v.indication().name()).toList());
            return m;
        }).toList();
    }

    /** Each row's answering draft or dispatch, as far as the caller sees it: id, subject, status (ISSUED: offered at completion). */
    private List<Map<String, Object>> withAnswers(User caller, List<Map<String, Object>> rows) {
        Map<String, String> answers = answered.lookup().answers(rows.stream().map(r -> (String) r.get("id")).toList());
        for (Map<String, Object> row : rows) {
            String dispatchId = answers.get((String) row.get("id"));
            if (dispatchId != null && answered.dispatches().sees(caller, dispatchId)) {
                Dispatch d = answered.dispatches().get(dispatchId);
                row.put("answerId", d.id());
                row.put("answerSubject", d.subject());
                row.put("answerStatus", d.status().name());
                row.put("answerNumber", d.issued() == null ? null : d.issued().number());
            }
        }
        return rows;
    }

    /** The people an official may name as lead or cooperating: enabled handlers and officials. */
    private List<User> assignable() {
        return users.list().stream().filter(u -> !u.disabled() && (u.has(Role.HANDLER) || u.has(Role.OFFICIAL))).toList();
    }
}
