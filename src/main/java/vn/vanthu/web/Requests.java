package vn.vanthu.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request shapes several features share, each refused with one error code: a body that is not the JSON object
 * asked for is 400 MALFORMED_JSON, an unknown field 400 UNKNOWN_FIELD, a signature value that is not base64
 * 400 INVALID_SIGNATURE_VALUE, a year out of range 400 INVALID_YEAR. Paging is {@link Paging}.
 *
 * <pre>{@code
 * JsonNode body = Requests.jsonObject(ctx, "{certificate, visible?}");
 * byte[] value = Requests.signatureValue(ctx);
 * ctx.json(Requests.twoStepAnswer(id, dataToSign, "SHA256", "RSA_SHA256", expiresAt));
 * }</pre>
 */
public final class Requests {
    private Requests() {}

    /** The body as a JSON object; anything else → 400 MALFORMED_JSON naming the expected shape. */
    public static JsonNode jsonObject(Context ctx, String shape) {
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.body());
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (Exception ignored) {
            // answered below
        }
        throw malformed(shape);
    }

    /** The body read into a record; unknown field → UNKNOWN_FIELD, anything else unreadable → MALFORMED_JSON. */
    public static <T> T json(Context ctx, Class<T> type, String shape) {
        return Json.read(ctx.body(), type, shape);
    }

    public static ApiException malformed(String shape) {
        return ApiException.badRequest("MALFORMED_JSON", "The body must be a JSON object " + shape, null);
    }

    /** The longest signature value read (base64 of a signature; an RSA-16384 one is under 3,000 characters). */
    public static final int SIGNATURE_VALUE = 8_192;
    /** The body of step 2 of two-step signing, as checked and documented. */
    public static final BodySpec SIGNATURE = BodySpec.json(FieldSpec.text("signatureValue", SIGNATURE_VALUE));

    /** Step 2 of two-step signing: {@code {"signatureValue":"<base64>"}}. */
    public static byte[] signatureValue(Context ctx) {
        JsonNode n = jsonObject(ctx, "{signatureValue}");
        byte[] value;
        try {
            value = Base64.getMimeDecoder().decode(n.path("signatureValue").asText(""));
        } catch (IllegalArgumentException e) {
            value = new byte[0];
        }
        if (value.length == 0) {
            throw ApiException.badRequest("INVALID_SIGNATURE_VALUE", "signatureValue must be base64", "signatureValue");
        }
        return value;
    }

    /** Step 1's answer: what the client signs with its own key, and until when the preparation waits. */
    public static Map<String, Object> twoStepAnswer(String preparationId, byte[] dataToSign, String digestAlgorithm,
                                                    String signatureAlgorithm, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("preparationId", preparationId);
        body.put("dataToSign", Base64.getEncoder().encodeToString(dataToSign));
        body.put("digestAlgorithm", digestAlgorithm);
        body.put("signatureAlgorithm", signatureAlgorithm);
        body.put("expiresAt", expiresAt.toString());
        return body;
    }

    /** A four-digit year from {@code min} to {@code max}; null when absent. */
    public static Integer year(String text, int min, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.trim();
        if (v.matches("\\d{4}")) {
            int y = Integer.parseInt(v);
            if (y >= min && y <= max) {
                return y;
            }
        }
        throw ApiException.badRequest("INVALID_YEAR", "year must be a year from " + min + " to " + max + ", such as 2026", "year");
    }
}
