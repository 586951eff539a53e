package vn.vanthu.dossier;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.incoming.Incoming;
import vn.vanthu.incoming.IncomingPagesController;
import vn.vanthu.incoming.IncomingService;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The handler files an incoming document they lead or cooperate on into one of their own open dossiers, from
 * {@code /handling}: the document's file as an INCOMING item with what the sender wrote (number and symbol,
 * date, sending organ, type, subject). The dossier's filing rules hold as for any filing (OPEN; its responsible
 * person or a clerk).
 *
 * <pre>{@code r.add(POST, "/handling/{id}/file", Set.of(HANDLER, OFFICIAL), …, FORM, incomingFiling::file);}</pre>
 */
public final class IncomingFilingController {
    /** The document itself among an incoming document's files (0 is an edXML message, then its attachments). */
    private static final int DOCUMENT = 1;
    private static final int LISTED = 500;
    /** The filing form: the dossier chosen. */
    public static final vn.vanthu.web.BodySpec FORM = vn.vanthu.web.BodySpec.form(
            vn.vanthu.web.FieldSpec.text("dossierId", 40).required());

    private final DossierService dossiers;
    private final Filing filing;
    private final IncomingService incoming;
    private final IncomingPagesController handling;

    IncomingFilingController(DossierService dossiers, Filing filing, IncomingService incoming, IncomingPagesController handling) {
        this.dossiers = dossiers;
        this.filing = filing;
        this.incoming = incoming;
        this.handling = handling;
    }

    public void form(Context ctx) {
        User caller = Auth.user(ctx);
        Incoming d = assigned(caller, ctx.pathParam("id"));
        Incoming.Metadata m = d.metadata();
        List<Map<String, String>> open = dossiers.list(null, Dossier.Status.OPEN.name(), caller.id(), LISTED, 0).stream()
                .map(x -> Map.of("id", x.id(), "title", x.fileCode() + " · " + x.title())).toList();
        Views.render(ctx, "handling-file", Map.of("incomingId", d.id(), "dossiers", open,
                "filed", m.numberSymbol() + " · " + m.sendingOrgan() + " · " + m.subject()));
    }

    public void file(Context ctx) {
        User caller = Auth.user(ctx);
        Incoming d = assigned(caller, ctx.pathParam("id"));
        String dossierId = ctx.formParam("dossierId").strip();   // required and bounded by FORM before this handler
        Incoming.File f = incoming.files(d.id()).stream().filter(x -> x.ordinal() == DOCUMENT).findFirst()
                .orElseThrow(() -> ApiException.unprocessable("NO_FILE", "The incoming document has no file to file"));
        Incoming.Metadata m = d.metadata();
        Path tmp = incoming.file(caller, d.id(), DOCUMENT);
        try {
            filing.fileUpload(caller, AuditTags.origin(ctx), dossierId, tmp, f.name(), f.mediaType(), new NewItem("INCOMING",
                    m.numberSymbol(), m.documentDate().toString(), m.sendingOrgan(), m.documentType(), m.subject()));
        } finally {
            TempFiles.delete(tmp);
        }
        AuditTags.set(ctx, "DOSSIER_FILE", dossierId, "incoming " + d.id());
        handling.mine(ctx, Views.text(ctx, "handling.filed") + " " + dossiers.get(dossierId).fileCode());
    }

    /** The incoming document when the caller leads or cooperates on it (404 unseen, 403 otherwise). */
    private Incoming assigned(User caller, String id) {
        Incoming d = incoming.visible(caller, id);
        if (!d.assignedTo(caller.id())) {
            throw ApiException.forbidden("NOT_ASSIGNEE", "Only the lead or a cooperating user files the document from here");
        }
        return d;
    }
}
