package vn.vanthu.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Uploads;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HTTP for validation: {@code POST /api/v1/validations} (multipart {@code file}, {@code original}*,
 * {@code validationTime}, {@code reports}, {@code policy}), the stored results and their sealed PDF report.
 * Thin: parts in, {@link Validations} decides how to validate and keeps the result.
 *
 * <pre>{@code r.add(POST, "/api/v1/validations", roles, "validation", "…", MULTIPART, controller::validate);}</pre>
 */
public final class ValidationController {
    /** An ISO date-time with its offset; the reports wanted, comma-separated; a policy's name. */
    static final int VALIDATION_TIME = 40;
    static final int REPORTS = 100;
    static final int POLICY = 100;
    /** The text parts of a validation request, checked before the file is read and documented. */
    public static final BodySpec FIELDS = BodySpec.form(FieldSpec.text("validationTime", VALIDATION_TIME),
            FieldSpec.text("reports", REPORTS), FieldSpec.text("policy", POLICY))
            .withFiles(vn.vanthu.web.FilePart.one("file"), vn.vanthu.web.FilePart.many("original", vn.vanthu.limits.InputLimits.CONTAINER_FILES));
    private final Validations validations;
    private final ReportPdf reportPdf;

    public ValidationController(Validations validations, ReportPdf reportPdf) {
        this.validations = validations;
        this.reportPdf = reportPdf;
    }

    public void validate(Context ctx) throws IOException {
        UploadedFile file = Uploads.one(ctx, "file");
        var options = new Validations.Options(originals(ctx), validationTime(Uploads.text(ctx, "validationTime", null)),
                reports(Uploads.text(ctx, "reports", "")), Uploads.text(ctx, "policy", null));
        ValidationReport r = validations.validateAndKeep(Auth.user(ctx).id(),
                new Validations.Upload(file.filename(), file.size(), file::content), options);
        AuditTags.set(ctx, "VALIDATE", r.validationId(), r.signaturesCount() + " signatures, " + r.validSignaturesCount() + " valid");
        ctx.json(r);
    }

    private static List<ValidationService.Original> originals(Context ctx) throws IOException {
        List<ValidationService.Original> originals = new ArrayList<>();
        for (UploadedFile o : Uploads.all(ctx, "original")) {
            try (InputStream in = o.content()) {
                originals.add(new ValidationService.Original(o.filename(), in.readAllBytes()));
            }
        }
        return originals;
    }

    public void get(Context ctx) {
        ValidationStore.Stored s = validations.get(ctx.pathParam("id"));
        ObjectNode body = ValidationStore.withRequester(s);
        body.putObject("reports").put("etsi", validations.etsiReport(s));
        ctx.json(body);
    }

    public void list(Context ctx) {
        ValidationStore.Page page = validations.list(Paging.limit(ctx), Paging.longCursor(ctx));
        ctx.json(Paging.page(page.items().stream().map(ValidationStore::withRequester).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString()));
    }

    public void reportPdf(Context ctx) {
        ValidationStore.Stored s = validations.get(ctx.pathParam("id"));
        byte[] pdf = reportPdf.render(s);
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"validation-" + s.id() + ".pdf\"");
        ctx.result(pdf);
    }

    /** The years a certificate can speak of (X.509 times end in 9999); beyond them a date has no meaning. */
    private static final Instant EARLIEST = Instant.parse("1950-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant validationTime(String text) {
        if (text == null) {
            return null;
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                t = Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("INVALID_VALIDATION_TIME",
                        "validationTime must be ISO 8601 with an offset, e.g. 2026-11-26T09:15:00+07:00", "validationTime");
            }
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw ApiException.badRequest("INVALID_VALIDATION_TIME",
                    "validationTime must lie between the years 1950 and 9999", "validationTime");
        }
        return t;
    }

    private static Set<String> reports(String text) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).forEach(out::add);
        return out;
    }

}
