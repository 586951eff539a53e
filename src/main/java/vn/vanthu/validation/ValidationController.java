package vn.vanthu.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Uploads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HTTP for validation (issue 4): {@code POST /api/v1/validations} (multipart {@code file}, {@code original}*,
 * {@code validationTime}, {@code reports}, {@code policy}), the stored results and their sealed PDF report.
 * Thin: parts in, {@link ValidationService} and {@link ValidationStore} do the work.
 *
 * <pre>{@code r.add(POST, "/api/v1/validations", roles, "validation", "…", MULTIPART, controller::validate);}</pre>
 */
public final class ValidationController {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private final ValidationService service;
    private final ValidationStore store;
    private final ReportPdf reportPdf;

    public ValidationController(ValidationService service, ValidationStore store, ReportPdf reportPdf) {
        this.service = service;
        this.store = store;
        this.reportPdf = reportPdf;
    }

    public void validate(Context ctx) throws IOException {
        UploadedFile file = Uploads.one(ctx, "file");
        Instant time = validationTime(Uploads.text(ctx, "validationTime", null));
        Set<String> reports = reports(Uploads.text(ctx, "reports", ""));
        String policy = Uploads.text(ctx, "policy", null);
        ValidationService.Outcome outcome;
        try (InputStream in = file.content()) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            if (Arrays.equals(head, ZIP_MAGIC)) {
                // Only a ZIP can be an archival package, and a package is validated from a file, streamed.
                outcome = fromFile(ctx, file, head, in, time, reports, policy);
            } else {
                // Anything else is validated from memory: read it once, straight from the upload.
                outcome = service.validate(new ValidationService.Request(file.filename(), rest(head, in, file.size()),
                        originals(ctx), time, reports, policy));
            }
        }
        store.save(outcome, Auth.user(ctx).id());
        ValidationReport r = outcome.report();
        AuditTags.set(ctx, "VALIDATE", r.validationId(), r.signaturesCount() + " signatures, " + r.validSignaturesCount() + " valid");
        ctx.json(r);
    }

    private ValidationService.Outcome fromFile(Context ctx, UploadedFile file, byte[] head, InputStream rest, Instant time,
                                               Set<String> reports, String policy) throws IOException {
        Path upload = TempFiles.create("validation");
        try {
            try (OutputStream out = Files.newOutputStream(upload)) {
                out.write(head);
                rest.transferTo(out);
            }
            if (ValidationService.isPackage(upload)) {
                return service.validatePackage(file.filename(), upload, time, reports, policy);
            }
            return service.validate(new ValidationService.Request(file.filename(), Files.readAllBytes(upload),
                    originals(ctx), time, reports, policy));
        } finally {
            TempFiles.delete(upload);
        }
    }

    private static List<ValidationService.Original> originals(Context ctx) throws IOException {
        List<ValidationService.Original> originals = new ArrayList<>();
        for (UploadedFile o : Uploads.all(ctx, "original")) {
            originals.add(new ValidationService.Original(o.filename(), read(o)));
        }
        return originals;
    }

    /** {@code head} followed by the rest of the stream: one array of the declared size, as reading a file gave. */
    private static byte[] rest(byte[] head, InputStream in, long size) throws IOException {
        if (size >= head.length && size <= Integer.MAX_VALUE - 16) {
            byte[] all = Arrays.copyOf(head, (int) size);
            int n = in.readNBytes(all, head.length, all.length - head.length);
            int extra = in.read();
            if (n == all.length - head.length && extra < 0) {
                return all;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();   // the declared size was wrong: keep every byte
            out.write(all, 0, head.length + n);
            if (extra >= 0) {
                out.write(extra);
                in.transferTo(out);
            }
            return out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head);
        in.transferTo(out);
        return out.toByteArray();
    }

    public void get(Context ctx) {
        ValidationStore.Stored s = find(ctx);
        ObjectNode body = ValidationStore.withRequester(s);
        body.putObject("reports").put("etsi", store.etsiReport(s));
        ctx.json(body);
    }

    public void list(Context ctx) {
        ValidationStore.Page page = store.list(Paging.limit(ctx), Paging.longCursor(ctx));
        ctx.json(Paging.page(page.items().stream().map(ValidationStore::withRequester).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString()));
    }

    public void reportPdf(Context ctx) {
        ValidationStore.Stored s = find(ctx);
        byte[] pdf = reportPdf.render(s);
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"validation-" + s.id() + ".pdf\"");
        ctx.result(pdf);
    }

    private ValidationStore.Stored find(Context ctx) {
        String id = ctx.pathParam("id");
        return store.find(id).orElseThrow(() -> ApiException.notFound("Validation " + id));
    }

    private static byte[] read(UploadedFile f) throws IOException {
        try (InputStream in = f.content()) {
            return in.readAllBytes();
        }
    }

    private static Instant validationTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("INVALID_VALIDATION_TIME",
                        "validationTime must be ISO 8601 with an offset, e.g. 2026-11-26T09:15:00+07:00", "validationTime");
            }
        }
    }

    private static Set<String> reports(String text) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).forEach(out::add);
        return out;
    }

}
