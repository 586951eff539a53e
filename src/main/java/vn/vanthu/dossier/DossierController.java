package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Json;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Requests;
import vn.vanthu.web.Uploads;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP for work dossiers: open, list, file and remove documents, close and seal, the package, renewal,
 * submission and the submission reminder. Thin: the dossier classes do the work.
 *
 * <pre>{@code r.add(POST, "/api/v1/dossiers/{id}/close", Set.of(CLERK), …, JSON, dossierController::close);}</pre>
 */
public final class DossierController {
    /** The JSON of closing (the agency seal, its PIN, force and its reason): checked before anything runs, and documented. */
    public static final BodySpec CLOSE = BodySpec.json(FieldSpec.text("keyId", 64).required(), FieldSpec.text("pin", 256),
            FieldSpec.bool("force"), FieldSpec.text("reason", Closing.REASON));

    private final DossierService dossiers;
    private final Filing filing;
    private final Closing closing;
    private final Packages packages;
    private final Exports exports;
    private final DigitizedFiling digitized;

    DossierController(DossierService dossiers, Filing filing, Closing closing, Packages packages, Exports exports,
                      DigitizedFiling digitized) {
        this.digitized = digitized;
        this.dossiers = dossiers;
        this.filing = filing;
        this.closing = closing;
        this.packages = packages;
        this.exports = exports;
    }

    public void create(Context ctx) {
        NewDossier m = Json.read(ctx.body(), NewDossier.class, "{catalogueSymbol | symbol, title, retention, responsibleUserId, …}");
        Dossier d = dossiers.create(Auth.user(ctx), AuditTags.origin(ctx), m);
        AuditTags.set(ctx, "DOSSIER_OPEN", d.id(), d.fileCode());
        ctx.status(201).json(view(d));
    }

    public void list(Context ctx) {
        int limit = Paging.limit(ctx);
        Long cursor = Paging.longCursor(ctx);
        long offset = cursor == null ? 0 : Math.max(0, cursor);
        List<Dossier> page = dossiers.list(year(ctx), ctx.queryParam("status"), null, limit + 1, offset);
        String next = page.size() > limit ? String.valueOf(offset + limit) : null;
        ctx.json(Paging.page(views(page.stream().limit(limit).toList()), next));
    }

    public void get(Context ctx) {
        Dossier d = dossiers.get(ctx.pathParam("id"));
        ctx.json(DossierViews.detail(d, dossiers.items(d.id()), dossiers.deadline(d), dossiers.history(d.id())));
    }

    public void file(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonNode n = Json.read(ctx.body(), JsonNode.class, "{dispatchId} or {digitizationId}");
            String digitizationId = n.path("digitizationId").asText("");
            if (!digitizationId.isBlank() && !n.path("dispatchId").asText("").isBlank()) {
                throw ApiException.badRequest("AMBIGUOUS_SOURCE", "Send either dispatchId or digitizationId, not both", "digitizationId");
            }
            if (!digitizationId.isBlank()) {
                Dossier.Item item = digitized.fileDigitization(Auth.user(ctx), AuditTags.origin(ctx), id, digitizationId);
                AuditTags.set(ctx, "DOSSIER_FILE", id, "digitization " + item.digitizationId());
                ctx.status(201).json(DossierViews.item(item));
                return;
            }
            String dispatchId = n.path("dispatchId").asText("");
            if (dispatchId.isBlank()) {
                throw ApiException.badRequest("MISSING_FIELD", "dispatchId or digitizationId is required (or send a multipart file with metadata)", "dispatchId");
            }
            List<Dossier.Item> items = filing.fileDispatch(Auth.user(ctx), AuditTags.origin(ctx), id, dispatchId);
            AuditTags.set(ctx, "DOSSIER_FILE", id, "dispatch " + dispatchId);
            Map<String, Object> body = new LinkedHashMap<>(DossierViews.item(items.get(0)));
            body.put("appendices", items.subList(1, items.size()).stream().map(DossierViews::item).toList());
            ctx.status(201).json(body);
            return;
        }
        UploadedFile file = Uploads.one(ctx, "file");
        String meta = Uploads.text(ctx, "metadata", null);
        NewItem m = meta == null ? null : Json.read(meta, NewItem.class, "{kind, numberSymbol, documentDate, issuingOrgan, documentType, subject}");
        Path tmp = TempFiles.create("filing");
        try {
            try (InputStream in = file.content()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Dossier.Item item = filing.fileUpload(Auth.user(ctx), AuditTags.origin(ctx), id, tmp, file.filename(), file.contentType(), m);
            AuditTags.set(ctx, "DOSSIER_FILE", id, item.kind() + " " + item.fileName());
            ctx.status(201).json(DossierViews.item(item));
        } finally {
            TempFiles.delete(tmp);
        }
    }

    public void removeItem(Context ctx) {
        dossiers.removeItem(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), ctx.pathParam("itemId"));
        AuditTags.set(ctx, "DOSSIER_REMOVE", ctx.pathParam("id"), ctx.pathParam("itemId"));
        ctx.status(204);
    }

    public void close(Context ctx) {
        JsonNode n = Json.read(ctx.body(), JsonNode.class, "{keyId, pin, force?, reason?}");
        String keyId = n.path("keyId").asText("");
        if (keyId.isBlank()) {
            throw ApiException.badRequest("MISSING_FIELD", "keyId (the agency seal) is required", "keyId");
        }
        JsonNode force = n.path("force");
        if (!force.isMissingNode() && !force.isBoolean()) {
            throw ApiException.badRequest("INVALID_FORCE", "force must be true or false", "force");
        }
        Dossier d = closing.close(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), keyId, n.path("pin").asText(null),
                force.asBoolean(false), n.path("reason").asText(null));
        AuditTags.set(ctx, "DOSSIER_CLOSE", d.id(), d.forcedReason() == null ? d.fileCode() : "forced: " + d.forcedReason());
        ctx.json(view(d));
    }

    public void packageZip(Context ctx) throws Exception {
        Dossier d = dossiers.get(ctx.pathParam("id"));
        AuditTags.read(ctx, "PACKAGE_READ", d.id());
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"" + packages.fileName(d) + "\"");
        packages.write(d.id(), ctx.outputStream());
    }

    public void renew(Context ctx) {
        Dossier d = packages.renew(Auth.user(ctx).id(), ctx.pathParam("id"));
        AuditTags.set(ctx, "DOSSIER_RENEW", d.id(), "archive timestamp added");
        ctx.json(view(d));
    }

    public void submit(Context ctx) {
        Dossier d = dossiers.submit(Auth.user(ctx), ctx.pathParam("id"));
        AuditTags.set(ctx, "DOSSIER_SUBMIT", d.id(), d.fileCode());
        ctx.json(view(d));
    }

    public void due(Context ctx) {
        String within = ctx.queryParam("within") == null ? "30d" : ctx.queryParam("within").trim();
        if (!within.matches("\\d{1,4}d")) {
            throw ApiException.badRequest("INVALID_WITHIN", "within must be a number of days such as 30d", "within");
        }
        int days = Integer.parseInt(within.substring(0, within.length() - 1));
        ctx.json(Map.of("within", within, "items", views(dossiers.due(days))));
    }

    public void exportPdf(Context ctx) throws Exception {
        Dossier d = dossiers.get(ctx.pathParam("id"));
        AuditTags.read(ctx, "PACKAGE_READ", d.id() + " export.pdf");
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"" + packages.fileName(d).replace(".zip", ".pdf") + "\"");
        exports.pdf(d.id(), ctx.outputStream());
    }

    public void exportXml(Context ctx) {
        String id = ctx.pathParam("id");
        byte[] xml = exports.xml(id);
        AuditTags.read(ctx, "PACKAGE_READ", id + " export.xml");
        ctx.contentType("application/xml; charset=utf-8");
        ctx.result(xml);
    }

    private Map<String, Object> view(Dossier d) {
        return views(List.of(d)).get(0);
    }

    /** The summaries of a page of dossiers: one query for all their item totals, none per dossier. */
    private List<Map<String, Object>> views(List<Dossier> page) {
        Map<String, Dossier.Totals> totals = dossiers.totals(page);
        return page.stream().map(d -> DossierViews.summary(d, totals.getOrDefault(d.id(), Dossier.Totals.NONE),
                dossiers.deadline(d))).toList();
    }

    private static Integer year(Context ctx) {
        return Requests.year(ctx.queryParam("year"), 1000, 9999);
    }
}
