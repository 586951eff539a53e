package vn.vanthu.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapper: ISO 8601 dates, unknown fields refused (a typo in a request is an error, not ignored). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    /**
     * Reads a request body (or part) of the given shape: an unknown field → 400 UNKNOWN_FIELD naming it,
     * anything else unreadable → 400 MALFORMED_JSON saying which shape was expected.
     */
    public static <T> T read(String text, Class<T> type, String shape) {
        try {
            T value = MAPPER.readValue(text == null ? "" : text, type);
            if (value != null) {
                return value;
            }
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw vn.vanthu.error.ApiException.badRequest("UNKNOWN_FIELD", "Unknown field '" + e.getPropertyName() + "'", e.getPropertyName());
        } catch (java.io.IOException | RuntimeException e) {
            // answered below
        }
        throw vn.vanthu.error.ApiException.badRequest("MALFORMED_JSON", "The body must be a JSON object " + shape, null);
    }
}
