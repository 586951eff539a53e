package vn.vanthu.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields of the pages' forms, each checked for length before use: a missing required field or one too long
 * is 400 naming the field (shown on the page in plain words).
 *
 * A form that sends what an API body holds is checked by the API's own declaration ({@link #checked}), so
 * the page and the API refuse the same values with the same codes.
 *
 * <pre>{@code String subject = Forms.text(ctx, "subject", 500, true);
 * ObjectNode organ = Forms.checked(OrganInput.FIELDS, Forms.values(ctx, OrganInput.FIELDS));}</pre>
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

    /** The fields of {@code spec} the form sent (URL-encoded or multipart text fields), blank ones left out. */
    public static Map<String, String> values(Context ctx, BodySpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : spec.fields()) {
            String v = ctx.formParam(f.name());
            if (v != null && !v.isBlank()) {
                out.put(f.name(), v);
            }
        }
        return out;
    }

    /**
     * {@code values} as the JSON body the API would receive (a whole number where the field is one), checked by
     * {@code spec} as the API checks it: unknown fields, types, lengths and required fields, the same codes.
     */
    public static ObjectNode checked(BodySpec spec, Map<String, String> values) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        values.forEach((name, v) -> {
            if (v == null || v.isBlank()) {
                return;
            }
            boolean integer = spec.fields().stream().anyMatch(f -> f.name().equals(name) && f.type() == FieldSpec.Type.INTEGER);
            if (integer && v.strip().matches("-?[0-9]{1,9}")) {
                body.put(name, Integer.parseInt(v.strip()));
            } else {
                body.put(name, v);
            }
        });
        spec.check(body);
        return body;
    }
}
