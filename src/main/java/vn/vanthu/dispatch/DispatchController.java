package vn.vanthu.dispatch;

import vn.vanthu.web.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.signing.VisibleSignature;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Json;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Requests;
import vn.vanthu.web.Uploads;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP for outgoing dispatches: drafts, the official's signature, issue by a clerk, appendices, the register.
 *
 * <pre>{@code r.add(POST, "/api/v1/dispatches/{id}/issue", Set.of(CLERK), …, JSON, dispatchController::issue);}</pre>
 */
public final class DispatchController {
    /** An appendix: one file part: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec ATTACH = vn.vanthu.web.BodySpec.form().withFiles(vn.vanthu.web.FilePart.one("file"));
    /** The JSON fields of create (its metadata part), sign and issue, checked and documented from one place. */
    public static final BodySpec CREATE = DraftFields.METADATA.withFiles(vn.vanthu.web.FilePart.one("file"));
    public static final BodySpec SIGN = DraftFields.SIGN;
    public static final BodySpec ISSUE = DraftFields.ISSUE;
    public static final BodySpec PREPARE = DraftFields.PREPARE;

    private final DispatchService dispatches;
    private final Sending sending;
    private final Issuing issuing;
    private final Register register;
    private final DispatchTwoStep twoStep;
    private final EdXmlMessages messages;

    public DispatchController(DispatchService dispatches, Sending sending, Issuing issuing, Register register,
                              DispatchTwoStep twoStep, EdXmlMessages messages) {
        this.dispatches = dispatches;
        this.sending = sending;
        this.issuing = issuing;
        this.register = register;
        this.twoStep = twoStep;
        this.messages = messages;
    }

    public void create(Context ctx) throws Exception {
        UploadedFile file = Uploads.one(ctx, "file");
        String metadata = Uploads.text(ctx, "metadata", null);
        if (metadata == null) {
            throw ApiException.badRequest("MISSING_FIELD", "The multipart part 'metadata' (JSON) is required", "metadata");
        }
        NewDispatch meta;
        try {
            meta = Json.MAPPER.readValue(metadata, NewDispatch.class);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("UNKNOWN_FIELD", "metadata has an unknown field '" + e.getPropertyName() + "'", e.getPropertyName());
        } catch (Exception e) {
            throw ApiException.badRequest("MALFORMED_METADATA", "metadata must be a JSON object", "metadata");
        }
        if (meta == null) {
            throw ApiException.badRequest("MALFORMED_METADATA", "metadata must be a JSON object", "metadata");
        }
        Path pdf = upload(file);
        try {
            Dispatch d = dispatches.create(Auth.user(ctx), AuditTags.origin(ctx), meta, pdf, file.filename());
            AuditTags.set(ctx, "DISPATCH_CREATE", d.id(), d.type().code());
            ctx.status(201).json(DispatchViews.summary(d));
        } finally {
            TempFiles.delete(pdf);
        }
    }

    public void list(Context ctx) {
        int limit = Paging.limit(ctx);
        Long cursor = Paging.longCursor(ctx);
        long offset = cursor == null ? 0 : Math.max(0, cursor);
        Integer year = year(ctx, false);
        User caller = Auth.user(ctx);
        List<Dispatch> items = overdue(ctx)
                ? sending.overdue(limit + 1, offset).stream().filter(d -> dispatches.visible(caller, d)).toList()
                : dispatches.list(caller, ctx.queryParam("status"), year, limit + 1, offset);
        String next = items.size() > limit ? String.valueOf(offset + limit) : null;
        ctx.json(Paging.page(items.stream().limit(limit).map(DispatchViews::summary).toList(), next));
    }

    /** {@code overdue=true}: the SIGNED dispatches past their sending deadline (with status=SIGNED or alone). */
    private static boolean overdue(Context ctx) {
        String overdue = ctx.queryParam("overdue");
        if (overdue == null || overdue.equals("false")) {
            return false;
        }
        String status = ctx.queryParam("status");
        if (!overdue.equals("true") || (status != null && !status.equals("SIGNED"))) {
            throw ApiException.badRequest("INVALID_FILTER", "overdue=true lists SIGNED dispatches only (status=SIGNED)", "overdue");
        }
        return true;
    }

    public void get(Context ctx) {
        Dispatch d = dispatches.get(Auth.user(ctx), ctx.pathParam("id"));
        AuditTags.read(ctx, "DISPATCH_READ", d.id());
        Map<String, Object> detail = DispatchViews.detail(d, dispatches.history(d.id()), dispatches.attachments(d.id()),
                dispatches.agency(), d.issued() == null ? Optional.empty() : dispatches.filed(d.id()));
        detail.put("responseFor", messages.answered(d.id()).map(DispatchViews::responseFor).orElse(null));
        ctx.json(detail);
    }

    public void file(Context ctx) throws Exception {
        Dispatch d = dispatches.get(Auth.user(ctx), ctx.pathParam("id"));
        AuditTags.read(ctx, "DISPATCH_READ", d.id());
        Path f = dispatches.file(Auth.user(ctx), d.id());
        try {
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\"dispatch.pdf\"; filename*=UTF-8''"
                    + java.net.URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
            ctx.result(Files.readAllBytes(f));
        } finally {
            TempFiles.delete(f);
        }
    }

    public void edxml(Context ctx) throws Exception {
        Path f = messages.message(Auth.user(ctx), ctx.pathParam("id"));
        AuditTags.read(ctx, "DISPATCH_READ", ctx.pathParam("id"));
        try {
            ctx.contentType("application/xml");
            ctx.header("Content-Disposition", "attachment; filename=\"edxml-" + ctx.pathParam("id") + ".xml\"");
            ctx.result(Files.readAllBytes(f));
        } finally {
            TempFiles.delete(f);
        }
    }

    public void sign(Context ctx) {
        Map<String, String> p = params(ctx);
        Dispatch d = dispatches.sign(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), p.get("keyId"), p.get("pin"),
                VisibleSignature.parse(p.get("visible")));
        AuditTags.set(ctx, "DISPATCH_SIGN", d.id(), "key=" + p.get("keyId"));
        ctx.json(DispatchViews.summary(d));
    }

    public void prepare(Context ctx) {
        JsonNode n = Requests.jsonObject(ctx, "{certificate, visible?}");
        String visible = n.hasNonNull("visible") ? n.get("visible").toString() : null;
        var p = twoStep.prepare(Auth.user(ctx), ctx.pathParam("id"), n.path("certificate").asText(null),
                VisibleSignature.parse(visible));
        AuditTags.set(ctx, "DISPATCH_SIGN_PREPARE", ctx.pathParam("id"), "preparation " + p.preparationId());
        ctx.json(p.answer());
    }

    public void complete(Context ctx) {
        byte[] value = Requests.signatureValue(ctx);
        Dispatch d = twoStep.complete(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), ctx.pathParam("preparationId"), value);
        AuditTags.set(ctx, "DISPATCH_SIGN", d.id(), "client-held key, preparation " + ctx.pathParam("preparationId"));
        ctx.json(DispatchViews.summary(d));
    }

    public void issue(Context ctx) {
        Map<String, String> p = params(ctx);
        Dispatch d = issuing.issue(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), p.get("keyId"), p.get("pin"));
        AuditTags.set(ctx, "DISPATCH_ISSUE", d.id(), d.issued().number());
        Map<String, Object> body = new java.util.LinkedHashMap<>(DispatchViews.issued(d));
        body.put("id", d.id());
        body.put("status", d.status().name());
        ctx.json(body);
    }

    public void attach(Context ctx) throws Exception {
        UploadedFile file = Uploads.one(ctx, "file");
        Path pdf = upload(file);
        try {
            Dispatch.Attachment a = dispatches.attach(Auth.user(ctx), ctx.pathParam("id"), pdf, file.filename());
            AuditTags.set(ctx, "DISPATCH_ATTACH", ctx.pathParam("id"), a.fileName());
            ctx.status(201).json(Map.of("id", a.id(), "ordinal", a.ordinal(), "fileName", a.fileName(), "sha256", a.sha256()));
        } finally {
            TempFiles.delete(pdf);
        }
    }

    public void outgoingRegister(Context ctx) throws java.io.IOException {
        int year = year(ctx, true);
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        switch (format) {
            case "json" -> {
                int limit = Paging.limit(ctx);
                Long cursor = Paging.longCursor(ctx);
                long offset = cursor == null ? 0 : Math.max(0, cursor);
                List<Map<String, Object>> rows = register.rows(year, limit + 1, offset);
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("year", year);
                body.putAll(Paging.page(rows.subList(0, Math.min(limit, rows.size())),
                        rows.size() > limit ? String.valueOf(offset + limit) : null));
                ctx.json(body);
            }
            case "csv" -> {
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"so-van-ban-di-" + year + ".csv\"");
                register.csv(year, ctx.outputStream());
            }
            case "pdf" -> {
                ctx.contentType("application/pdf");
                ctx.header("Content-Disposition", "attachment; filename=\"so-van-ban-di-" + year + ".pdf\"");
                ctx.result(register.pdf(year));
            }
            default -> throw ApiException.badRequest("INVALID_FORMAT", "format must be json, csv or pdf", "format");
        }
    }

    private Integer year(Context ctx, boolean defaultToday) {
        Integer year = Requests.year(ctx.queryParam("year"), 1900, 9999);
        if (year == null && defaultToday) {
            return register.currentYear();
        }
        return year;
    }

    /** keyId, pin and visible from a JSON body or form fields. */
    private static Map<String, String> params(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        Map<String, String> out = new java.util.HashMap<>();
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            for (String k : List.of("keyId", "pin", "visible")) {
                String v = ctx.formParam(k);
                if (v != null) {
                    out.put(k, v);
                }
            }
        } else {
            JsonNode n = Requests.jsonObject(ctx, "{keyId, pin}");
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        if (out.get("keyId") == null || out.get("keyId").isBlank()) {
            throw ApiException.badRequest("MISSING_FIELD", "keyId is required", "keyId");
        }
        return out;
    }

    private static Path upload(UploadedFile file) throws Exception {
        Path tmp = TempFiles.create("dispatch");
        try (InputStream in = file.content()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }
}
