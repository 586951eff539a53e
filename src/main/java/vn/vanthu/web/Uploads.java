package vn.vanthu.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;

import java.util.List;

/**
 * Reading multipart requests with clear errors: a missing or extra {@code file} part, a body that is not
 * multipart at all, an empty file, a file name or part content type longer than the database keeps each get
 * their own 4xx.
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

    /** Longest file name kept (the database holds 300 characters; file systems 255 bytes). */
    public static final int MAX_FILE_NAME = 255;
    /** Longest content type of a part (the database holds 100; RFC 6838 names are far shorter). */
    public static final int MAX_CONTENT_TYPE = 100;

    public static List<UploadedFile> all(Context ctx, String part) {
        requireMultipart(ctx);
        List<UploadedFile> files = ctx.uploadedFiles(part);
        for (UploadedFile f : files) {
            if (f.filename() != null && f.filename().length() > MAX_FILE_NAME) {
                throw ApiException.badRequest("FIELD_TOO_LONG", "The file name of part '" + part + "' must be at most "
                        + MAX_FILE_NAME + " characters", part);
            }
            if (f.contentType() != null && f.contentType().length() > MAX_CONTENT_TYPE) {
                throw ApiException.badRequest("FIELD_TOO_LONG", "The content type of part '" + part + "' must be at most "
                        + MAX_CONTENT_TYPE + " characters", part);
            }
        }
        return files;
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
