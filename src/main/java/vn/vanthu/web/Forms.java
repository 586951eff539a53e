package vn.vanthu.web;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

/**
 * Fields of the pages' forms, each checked for length before use: a missing required field or one too long
 * is 400 naming the field (shown on the page in plain words).
 *
 * <pre>{@code String subject = Forms.text(ctx, "subject", 500, true);}</pre>
 */
public final class Forms {
    private Forms() {}

    /** The field, stripped; null when absent or blank and not required. */
    public static String text(Context ctx, String field, int maxLength, boolean required) {
        String v = ctx.formParam(field);
        if (v == null || v.isBlank()) {
            if (required) {
                throw ApiException.badRequest("FIELD_REQUIRED", "The field '" + field + "' is required", field);
            }
            return null;
        }
        if (v.length() > maxLength) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "The field '" + field + "' is longer than " + maxLength
                    + " characters", field);
        }
        return v.strip();
    }
}
