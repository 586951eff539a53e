package vn.vanthu.incoming;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Requests;
import vn.vanthu.web.Role;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.User;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * HTTP for incoming documents: receive (a file with metadata, or an edXML message), register, return, direct,
 * progress and completion, the lists, the deadlines and the incoming register.
 *
 * <pre>{@code r.add(POST, "/api/v1/incoming/{id}/register", Set.of(CLERK), …, NONE, incomingController::register);}</pre>
 */
public final class IncomingController {
    /** The JSON of receive (its metadata part), direct, progress, complete and return, from one declaration each. */
    public static final BodySpec RECEIVE = IncomingInput.METADATA_SPEC.withTexts(
            vn.vanthu.web.FieldSpec.text("digitizationId", 40), vn.vanthu.web.FieldSpec.oneOf("scanned", List.of("true", "false")),
            vn.vanthu.web.FieldSpec.oneOf("register", List.of("true", "false"))).withFiles(vn.vanthu.web.FilePart.one("file"));
    public static final BodySpec DIRECT = IncomingInput.DIRECTION_SPEC;
    public static final BodySpec PROGRESS = IncomingInput.PROGRESS_SPEC;
    public static final BodySpec COMPLETE = IncomingInput.COMPLETION_SPEC;
    public static final BodySpec RETURN = IncomingInput.RETURN_SPEC;

    private final IncomingService incoming;
    private final HandlingService handling;
    private final IncomingRegister register;
    private final Tracking tracking;
    private final DigitizedArrival digitized;

    IncomingController(IncomingService incoming, HandlingService handling, IncomingRegister register, Tracking tracking,
                       DigitizedArrival digitized) {
        this.digitized = digitized;
        this.incoming = incoming;
        this.handling = handling;
        this.register = register;
        this.tracking = tracking;
    }

    public void receive(Context ctx) throws Exception {
        String metadata = Uploads.text(ctx, "metadata", null);
        boolean scanned = flag(ctx, "scanned");
        boolean registerNow = flag(ctx, "register");
        String digitizationId = Uploads.text(ctx, "digitizationId", null);
        Arrival arrival = digitizationId == null ? uploaded(ctx, metadata, scanned) : fromDigitization(ctx, digitizationId, metadata);
        User caller = Auth.user(ctx);
        Incoming d = incoming.receive(caller, AuditTags.origin(ctx), arrival);
        if (registerNow) {
            d = incoming.register(caller, AuditTags.origin(ctx), d.id());
        }
        AuditTags.set(ctx, "INCOMING_RECEIVE", d.id(), d.origin().name()
                + (digitizationId == null ? "" : " digitization " + digitizationId));
        ctx.status(201).json(detail(d));
    }

    /** An uploaded file with its metadata, or an edXML message alone. */
    private Arrival uploaded(Context ctx, String metadata, boolean scanned) throws java.io.IOException {
        UploadedFile file = Uploads.one(ctx, "file");
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        }
        Arrival arrival;
        if (metadata != null) {
            arrival = Arrival.upload(incoming.validation(), bytes, file.filename(), file.contentType(),
                    IncomingInput.metadata(metadata), scanned);
        } else if (EdXmlReader.looksLikeEdXml(bytes)) {
            arrival = Arrival.exchange(incoming.validation(), bytes, file.filename());
        } else {
            throw ApiException.badRequest("MISSING_FIELD", "The multipart part 'metadata' (JSON) is required unless "
                    + "the file is an edXML message", "metadata");
        }
        return arrival;
    }

    /** A digitized paper document instead of a file: scanned, its metadata the part's or the digitization's. */
    private Arrival fromDigitization(Context ctx, String digitizationId, String metadata) {
        if (!ctx.uploadedFiles("file").isEmpty()) {
            throw ApiException.badRequest("AMBIGUOUS_SOURCE", "Send either a file or a digitizationId, not both", "digitizationId");
        }
        return digitized.arrival(digitizationId, metadata);
    }

    public void list(Context ctx) {
        User caller = Auth.user(ctx);
        int limit = Paging.limit(ctx);
        Long cursor = Paging.longCursor(ctx);
        long offset = cursor == null ? 0 : Math.max(0, cursor);
        String status = ctx.queryParam("status");
        Incoming.Status st = status == null || status.isBlank() ? null
                : IncomingInput.parse(Incoming.Status.class, "status", status, null);
        List<Incoming> items = incoming.list(caller, st, assignee(ctx, caller), limit + 1, offset);
        String next = items.size() > limit ? String.valueOf(offset + limit) : null;
        var now = incoming.now();
        ctx.json(Paging.page(items.stream().limit(limit).map(d -> IncomingViews.summary(d, now)).toList(), next));
    }

    public void get(Context ctx) {
        ctx.json(detail(incoming.visible(Auth.user(ctx), ctx.pathParam("id"))));
    }

    public void file(Context ctx) throws Exception {
        int ordinal = 1;
        String v = ctx.queryParam("ordinal");
        if (v != null && !v.isBlank()) {
            if (!v.trim().matches("\\d{1,3}")) {
                throw ApiException.badRequest("INVALID_FIELD", "ordinal must be a file's ordinal (0: the edXML message)", "ordinal");
            }
            ordinal = Integer.parseInt(v.trim());
        }
        String id = ctx.pathParam("id");
        Path f = incoming.file(Auth.user(ctx), id, ordinal);
        try {
            int wanted = ordinal;
            Incoming.File meta = incoming.files(id).stream().filter(x -> x.ordinal() == wanted).findFirst().orElseThrow();
            ctx.contentType(meta.mediaType());
            ctx.header("Content-Disposition", "attachment; filename=\"incoming-" + ordinal + "\"; filename*=UTF-8''"
                    + java.net.URLEncoder.encode(meta.name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            ctx.result(Files.readAllBytes(f));
        } finally {
            TempFiles.delete(f);
        }
    }

    public void register(Context ctx) {
        Incoming d = incoming.register(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"));
        AuditTags.set(ctx, "INCOMING_REGISTER", d.id(), String.valueOf(d.registration().number()));
        ctx.json(detail(d));
    }

    public void giveBack(Context ctx) {
        var in = Requests.json(ctx, IncomingInput.Return.class, "{reason}");
        Incoming d = incoming.giveBack(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), in.reason());
        AuditTags.set(ctx, "INCOMING_RETURN", d.id(), null);
        ctx.json(detail(d));
    }

    public void direct(Context ctx) {
        var in = Requests.json(ctx, IncomingInput.NewDirection.class, "{leadUserId, leadUnit?, cooperatingUserIds, deadline, comment}");
        Incoming d = handling.direct(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), in);
        AuditTags.set(ctx, "INCOMING_DIRECT", d.id(), "lead " + d.direction().leadUserId());
        ctx.json(detail(d));
    }

    public void progress(Context ctx) {
        String note = ctx.body().isBlank() ? null : Requests.json(ctx, IncomingInput.Progress.class, "{note}").note();
        Incoming d = handling.progress(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), note);
        AuditTags.set(ctx, "INCOMING_PROGRESS", d.id(), null);
        ctx.json(detail(d));
    }

    public void complete(Context ctx) {
        var in = Requests.json(ctx, IncomingInput.Completion.class, "{result, dispatchId?, note}");
        Incoming d = handling.complete(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), in);
        AuditTags.set(ctx, "INCOMING_COMPLETE", d.id(), d.handling().result().name());
        ctx.json(detail(d));
    }

    public void due(Context ctx) {
        ctx.json(tracking.report(Auth.user(ctx), ctx.queryParam("within")));
    }

    public void incomingRegister(Context ctx) throws java.io.IOException {
        Integer y = Requests.year(ctx.queryParam("year"), 1900, 9999);
        int year = y == null ? register.currentYear() : y;
        boolean secret = "true".equalsIgnoreCase(ctx.queryParam("secret"));
        if (secret && !Auth.user(ctx).has(Role.CLERK)) {
            throw ApiException.forbidden("SECRET_REGISTER", "Only a clerk reads the register of secret documents");
        }
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        String name = "so-van-ban-den-" + (secret ? "mat-" : "") + year;
        switch (format) {
            case "json" -> {
                int limit = Paging.limit(ctx);
                Long cursor = Paging.longCursor(ctx);
                long offset = cursor == null ? 0 : Math.max(0, cursor);
                List<Map<String, Object>> rows = register.rows(year, secret, limit + 1, offset);
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("year", year);
                body.put("register", secret ? "SECRET" : "ORDINARY");
                body.putAll(Paging.page(rows.subList(0, Math.min(limit, rows.size())),
                        rows.size() > limit ? String.valueOf(offset + limit) : null));
                ctx.json(body);
            }
            case "csv" -> {
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
                register.csv(year, secret, ctx.outputStream());
            }
            case "pdf" -> {
                ctx.contentType("application/pdf");
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
                ctx.result(register.pdf(year, secret));
            }
            default -> throw ApiException.badRequest("INVALID_FORMAT", "format must be json, csv or pdf", "format");
        }
    }

    private Map<String, Object> detail(Incoming d) {
        Map<String, Object> v = IncomingViews.detail(d, incoming.now(), incoming.verdicts(d.id()), incoming.files(d.id()),
                incoming.history(d.id()));
        v.put("responseFor", incoming.responseFor(d.id()).orElse(null));
        return v;
    }

    /** "me", or (for clerks and officials, who track others) a user id. */
    private static String assignee(Context ctx, User caller) {
        String a = ctx.queryParam("assignee");
        if (a == null || a.isBlank()) {
            return null;
        }
        if (a.trim().equals("me")) {
            return caller.id();
        }
        if (!caller.has(Role.CLERK) && !caller.has(Role.OFFICIAL)) {
            throw ApiException.forbidden("ASSIGNEE_ME_ONLY", "Ask for assignee=me");
        }
        return IncomingInput.required("assignee", a, 40);
    }

    private static boolean flag(Context ctx, String part) {
        String v = Uploads.text(ctx, part, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw ApiException.badRequest("INVALID_FIELD", part + " must be true or false", part);
        }
        return v.equals("true");
    }
}
