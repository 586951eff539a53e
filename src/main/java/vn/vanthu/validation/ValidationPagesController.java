package vn.vanthu.validation;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Shown;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.Views;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The auditor's pages: drop a signed file (and its detached originals) → each signature's verdict as a coloured
 * badge in plain words (who signed, when, the certificate, the time-stamps, what changed after signing), the
 * ETSI details on demand; the history of validations with their sealed PDF reports.
 * The same {@link Validations} as {@code POST /api/v1/validations}.
 */
public final class ValidationPagesController {
    /** The validation form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec VALIDATE = vn.vanthu.web.BodySpec.form().withFiles(vn.vanthu.web.FilePart.one("file"), vn.vanthu.web.FilePart.many("original", vn.vanthu.limits.InputLimits.CONTAINER_FILES));
    private final Validations validations;
    private final ReportPdf reportPdf;

    public ValidationPagesController(Validations validations, ReportPdf reportPdf) {
        this.validations = validations;
        this.reportPdf = reportPdf;
    }

    public void form(Context ctx) {
        Views.render(ctx, "validate", Map.of());
    }

    public void validate(Context ctx) throws IOException {
        UploadedFile file = Uploads.one(ctx, "file");
        List<ValidationService.Original> originals = new ArrayList<>();
        for (UploadedFile o : Uploads.all(ctx, "original")) {
            if (o.size() > 0) {
                try (InputStream in = o.content()) {
                    originals.add(new ValidationService.Original(o.filename(), in.readAllBytes()));
                }
            }
        }
        ValidationReport r = validations.validateAndKeep(Auth.user(ctx).id(),
                new Validations.Upload(file.filename(), file.size(), file::content),
                new Validations.Options(originals, null, Set.of(), null));
        AuditTags.set(ctx, "VALIDATE", r.validationId(), r.signaturesCount() + " signatures, " + r.validSignaturesCount() + " valid");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", r);
        model.put("checkedAt", Shown.time(r.validationTime()));
        model.put("signatures", r.signatures().stream().map(ValidationPagesController::shown).toList());
        Views.render(ctx, "validate", model);
    }

    /** One signature as the page shows it. */
    public record ShownSignature(String id, String indication, String subIndication, String format, String signedBy,
                                 String signingTime, String bestTime, String certificate, String issuer,
                                 String validity, List<String> timestamps, List<String> errors, List<String> warnings,
                                 List<String> scope) {}

    private static ShownSignature shown(ValidationReport.Signature s) {
        var c = s.certificate();
        return new ShownSignature(s.id(), s.indication(), s.subIndication(), s.format(), s.signedBy(),
                Shown.time(s.claimedSigningTime()), Shown.time(s.bestSignatureTime()),
                c == null ? "" : c.subject(), c == null ? "" : c.issuer(),
                c == null ? "" : Shown.time(c.notBefore()) + " – " + Shown.time(c.notAfter()),
                s.timestamps() == null ? List.of() : s.timestamps().stream()
                        .map(t -> t.type() + " " + Shown.time(t.productionTime()) + " " + t.indication()).toList(),
                s.errors() == null ? List.of() : s.errors(), s.warnings() == null ? List.of() : s.warnings(),
                s.scope() == null ? List.of() : s.scope().stream().map(x -> x.name() + " (" + x.type() + ")").toList());
    }

    public void history(Context ctx) {
        ValidationStore.Page page = validations.list(Paging.limit(ctx), Paging.longCursor(ctx));
        List<Map<String, Object>> rows = page.items().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("at", Shown.time(s.requestedAt()));
            m.put("by", s.requestedBy());
            m.put("document", s.summary().path("documentName").asText(""));
            m.put("signatures", s.summary().path("signaturesCount").asInt());
            m.put("valid", s.summary().path("validSignaturesCount").asInt());
            return m;
        }).toList();
        Views.render(ctx, "validations", Map.of("rows", rows,
                "next", page.nextCursor() == null ? "" : page.nextCursor().toString()));
    }

    public void reportPdf(Context ctx) {
        ValidationStore.Stored s = validations.get(ctx.pathParam("id"));
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"validation-" + s.id() + ".pdf\"");
        ctx.result(reportPdf.render(s));
    }
}
