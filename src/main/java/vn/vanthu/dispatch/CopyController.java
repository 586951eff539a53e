package vn.vanthu.dispatch;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * HTTP for electronic copies: {@code POST /api/v1/copies} answers the sealed copy PDF (201), its number in the
 * {@code X-Copy-Number} header.
 *
 * <pre>{@code curl -F source=<dispatchId> -F form=SY -F keyId=seal -F pin=… $URL/api/v1/copies -o copy.pdf}</pre>
 */
public final class CopyController {
    /** The form fields of a copy: checked before anything is stored or reserved, and documented. */
    public static final BodySpec FIELDS = BodySpec.form(FieldSpec.text("source", DraftFields.USER_ID),
            FieldSpec.text("copyNumber", CopyForms.COPY_NUMBER), FieldSpec.text("digitizationId", DraftFields.USER_ID), FieldSpec.oneOf("form", java.util.List.of("SY", "SL", "TrS")),
            FieldSpec.text("pages", CopyForms.PAGES), FieldSpec.text("keyId", DraftFields.KEY_ID), FieldSpec.text("pin", DraftFields.PIN))
            .withFiles(vn.vanthu.web.FilePart.one("file"));

    private final Copies copies;

    public CopyController(Copies copies) {
        this.copies = copies;
    }

    /** The copies service, for the copy page. */
    Copies copies() {
        return copies;
    }

    public void create(Context ctx) throws Exception {
        Copies.Copy c = answer(ctx, copies, false, scan -> new Copies.Request(Uploads.text(ctx, "source", null), scan,
                Uploads.text(ctx, "copyNumber", null), Uploads.text(ctx, "digitizationId", null), Uploads.text(ctx, "form", null),
                Uploads.text(ctx, "pages", null), Uploads.text(ctx, "keyId", null), Uploads.text(ctx, "pin", null)));
        ctx.status(201);
        ctx.header("X-Copy-Id", c.id());
    }

    /**
     * Makes the copy asked for and answers it as a PDF to save, its number in {@code X-Copy-Number}. An uploaded
     * scan is first saved to a temporary file that the copy service then owns; an empty one counts as none when
     * {@code emptyIsNone} (a page's form sends an empty part when no file was chosen).
     */
    static Copies.Copy answer(Context ctx, Copies copies, boolean emptyIsNone, Function<Path, Copies.Request> request)
            throws IOException {
        Uploads.requireMultipart(ctx);
        List<UploadedFile> files = ctx.uploadedFiles("file");
        Path scan = null;
        if (!files.isEmpty() && (!emptyIsNone || files.get(0).size() > 0)) {
            scan = TempFiles.create("scan");
            try (InputStream in = Uploads.one(ctx, "file").content()) {
                Files.copy(in, scan, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try {
            Copies.Copy c = copies.copy(Auth.user(ctx), request.apply(scan));
            scan = null;   // the copy service deleted it
            AuditTags.set(ctx, "COPY", c.id(), c.number());
            ctx.contentType("application/pdf");
            ctx.header("X-Copy-Number", c.number());
            ctx.header("Content-Disposition", "attachment; filename=\"ban-sao-" + c.number().replace('/', '-') + ".pdf\"");
            ctx.result(copies.bytes(c));
            return c;
        } finally {
            if (scan != null) {
                TempFiles.delete(scan);
            }
        }
    }
}
