package vn.vanthu.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;

import java.util.List;

/**
 * Reading multipart requests with clear errors: a missing or extra {@code file} part, a body that is not
 * multipart at all, or an empty file each get their own 4xx.
 *
 * <pre>{@code UploadedFile pdf = Uploads.one(ctx, "file"); String level = Uploads.text(ctx, "level", "LT");}</pre>
 */
public final class Uploads {
    private Uploads() {}

    public static void requireMultipart(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw ApiException.unsupportedMediaType("Send the request as multipart/form-data");
        }
        if (!type.toLowerCase().contains("boundary=")) {
            throw ApiException.badRequest("MALFORMED_MULTIPART", "The multipart/form-data content type has no boundary", null);
        }
    }

    public static List<UploadedFile> all(Context ctx, String part) {
        requireMultipart(ctx);
        return ctx.uploadedFiles(part);
    }

    public static UploadedFile one(Context ctx, String part) {
        List<UploadedFile> files = all(ctx, part);
        if (files.isEmpty()) {
            throw ApiException.badRequest("MISSING_FILE", "The multipart part '" + part + "' is required", part);
        }
        if (files.size() > 1) {
            throw ApiException.badRequest("TOO_MANY_FILES", "Send exactly one '" + part + "' part", part);
        }
        UploadedFile f = files.get(0);
        if (f.size() == 0) {
            throw ApiException.unprocessable("EMPTY_FILE", "The file '" + f.filename() + "' is empty", part);
        }
        return f;
    }

    /** A text part (a form field), or the default when absent or blank. */
    public static String text(Context ctx, String part, String defaultValue) {
        requireMultipart(ctx);
        String v = ctx.formParam(part);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }
}
