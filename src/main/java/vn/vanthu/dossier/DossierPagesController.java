package vn.vanthu.dossier;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.dispatch.Dispatch;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.KeyInfo;
import vn.vanthu.keys.KeyService;
import vn.vanthu.store.TempFiles;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of work dossiers (the catalogue's page is {@link CataloguePagesController}'s): opening a dossier from
 * a catalogue row, the dossiers list with the submission reminder (clerks see every dossier, others those they are responsible for),
 * and a dossier's page: its items, filing an issued dispatch or an upload, closing with the seal, the package,
 * renewal and submission. The same services as the API, so the same rules.
 */
public final class DossierPagesController {
    /** The open form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec OPEN = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("catalogueSymbol", 50).required(), vn.vanthu.web.FieldSpec.text("year", 4).required());
    /** The file form: an issued dispatch, or an upload and its metadata: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec FILE = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("dispatchId", 40), vn.vanthu.web.FieldSpec.text("kind", 20), vn.vanthu.web.FieldSpec.text("numberSymbol", 100),
            vn.vanthu.web.FieldSpec.text("documentDate", 20), vn.vanthu.web.FieldSpec.text("issuingOrgan", 500), vn.vanthu.web.FieldSpec.text("documentType", 100), vn.vanthu.web.FieldSpec.text("subject", 2000))
            .withFiles(vn.vanthu.web.FilePart.one("file"));
    /** The close form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec CLOSE = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("keyId", 100).required(), vn.vanthu.web.FieldSpec.text("pin", 64).required());
    /** The renew and submit forms (their CSRF token only): its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec NO_FIELDS = vn.vanthu.web.BodySpec.form();
    private static final int DUE_DAYS = 30;
    private final DossierService dossiers;
    private final Filing filing;
    private final Closing closing;
    private final Packages packages;
    private final DispatchService dispatches;
    private final KeyService keys;

    DossierPagesController(DossierService dossiers, Filing filing, Closing closing,
                           Packages packages, DispatchService dispatches, KeyService keys) {
        this.dossiers = dossiers;
        this.filing = filing;
        this.closing = closing;
        this.packages = packages;
        this.dispatches = dispatches;
        this.keys = keys;
    }

    /** Dossiers: all of the year for a clerk (with the submission reminder), one's own for anyone else. */
    public void list(Context ctx) {
        list(ctx, null);
    }

    private void list(Context ctx, String notice) {
        User caller = Auth.user(ctx);
        Integer year = Requests.year(ctx.queryParam("year"), 2000, 2100);
        String status = ctx.queryParam("status");
        boolean all = caller.has(Role.CLERK) || caller.has(Role.ADMIN) || caller.has(Role.AUDITOR);
        String asked = status == null || status.isBlank() ? null : status;
        String responsible = all ? null : caller.id();
        PageSlice.Window window = PageSlice.window(ctx, dossiers.count(year, asked, responsible));
        Map<String, Object> model = new HashMap<>(window.with(
                summaries(dossiers.list(year, asked, responsible, window.limit(), window.offset()))));
        model.put("all", all);
        model.put("status", status == null ? "" : status);
        model.put("year", year == null ? "" : String.valueOf(year));
        model.put("due", all ? summaries(dossiers.due(DUE_DAYS)) : List.of());
        if (notice != null) {
            model.put("notice", notice);
        }
        Views.render(ctx, "dossiers", model);
    }

    /** Opens a dossier from a catalogue row (its symbol and year); the dossier's page follows. */
    public void open(Context ctx) {
        String symbol = Forms.text(ctx, "catalogueSymbol", 50, true);
        Integer year = Requests.year(Forms.text(ctx, "year", 4, true), 2000, 2100);
        Dossier d = dossiers.create(Auth.user(ctx), AuditTags.origin(ctx), new NewDossier(symbol, year, null, null,
                null, null, null, null, null, null, null, null));
        AuditTags.set(ctx, "DOSSIER_OPEN", d.id(), d.fileCode());
        show(ctx, d.id(), Views.text(ctx, "dossier.opened") + " " + d.fileCode());
    }

    public void dossier(Context ctx) {
        show(ctx, ctx.pathParam("id"), null);
    }

    private void show(Context ctx, String id, String notice) {
        User caller = Auth.user(ctx);
        Dossier d = dossiers.get(id);
        List<Dossier.Item> items = dossiers.items(d.id());
        Map<String, Object> model = new HashMap<>(DossierViews.detail(d, items, dossiers.deadline(d), dossiers.history(d.id())));
        boolean changeable = d.isOpen() && (caller.has(Role.CLERK) || caller.id().equals(d.responsibleUserId()))
                && (caller.has(Role.CLERK) || caller.has(Role.OFFICIAL));
        model.put("changeable", changeable);
        model.put("issued", changeable ? issued(caller) : List.of());
        model.put("seals", caller.has(Role.CLERK) && d.isOpen() ? seals(caller) : List.of());
        if (notice != null) {
            model.put("notice", notice);
        }
        Views.render(ctx, "dossier", model);
    }

    /** Files an issued dispatch (dispatchId) or an uploaded file with its metadata. */
    public void file(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        String dispatchId = field(ctx, "dispatchId", 40);
        if (dispatchId != null) {
            filing.fileDispatch(Auth.user(ctx), AuditTags.origin(ctx), id, dispatchId);
            AuditTags.set(ctx, "DOSSIER_FILE", id, "dispatch " + dispatchId);
            show(ctx, id, Views.text(ctx, "dossier.filed"));
            return;
        }
        UploadedFile file = Uploads.one(ctx, "file");
        NewItem meta = new NewItem(field(ctx, "kind", 20), field(ctx, "numberSymbol", 100), field(ctx, "documentDate", 20),
                field(ctx, "issuingOrgan", 500), field(ctx, "documentType", 100), field(ctx, "subject", 2000));
        Path tmp = TempFiles.create("filing");
        try {
            try (InputStream in = file.content()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Dossier.Item item = filing.fileUpload(Auth.user(ctx), AuditTags.origin(ctx), id, tmp, file.filename(),
                    file.contentType(), meta);
            AuditTags.set(ctx, "DOSSIER_FILE", id, item.kind() + " " + item.fileName());
        } finally {
            TempFiles.delete(tmp);
        }
        show(ctx, id, Views.text(ctx, "dossier.filed"));
    }

    /** Closes and seals with the agency seal (keyId, PIN): every signed item is validated first. */
    public void close(Context ctx) {
        String keyId = Forms.text(ctx, "keyId", 100, true);
        String pin = Forms.text(ctx, "pin", 64, true);
        Dossier d = closing.close(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), keyId, pin, false, null);
        AuditTags.set(ctx, "DOSSIER_CLOSE", d.id(), d.fileCode());
        show(ctx, d.id(), Views.text(ctx, "dossier.closed") + " " + d.fileCode());
    }

    public void renew(Context ctx) {
        Dossier d = packages.renew(Auth.user(ctx).id(), ctx.pathParam("id"));
        AuditTags.set(ctx, "DOSSIER_RENEW", d.id(), "archive timestamp added");
        show(ctx, d.id(), Views.text(ctx, "dossier.renewed"));
    }

    public void submit(Context ctx) {
        Dossier d = dossiers.submit(Auth.user(ctx), ctx.pathParam("id"));
        AuditTags.set(ctx, "DOSSIER_SUBMIT", d.id(), d.fileCode());
        show(ctx, d.id(), Views.text(ctx, "dossier.submitted") + " " + d.fileCode());
    }

    private List<Map<String, Object>> summaries(List<Dossier> page) {
        Map<String, Dossier.Totals> totals = dossiers.totals(page);
        return page.stream().map(d -> DossierViews.summary(d, totals.getOrDefault(d.id(), Dossier.Totals.NONE),
                dossiers.deadline(d))).toList();
    }

    /** Issued dispatches of this year the caller may see, newest first: what can be filed by its id. */
    private List<Map<String, String>> issued(User caller) {
        return dispatches.list(caller, Dispatch.Status.ISSUED.name(), null, 200, 0).stream()
                .map(x -> Map.of("id", x.id(), "label", x.issued().number() + " · " + x.subject())).toList();
    }

    private List<KeyInfo> seals(User caller) {
        return keys.usableBy(caller).stream().filter(k -> KeyInfo.ACTIVE.equals(k.status())).toList();
    }

    private static String field(Context ctx, String name, int max) {
        String v = ctx.formParam(name);
        if (v != null && v.length() > max) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "The field '" + name + "' is longer than " + max + " characters", name);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }
}
