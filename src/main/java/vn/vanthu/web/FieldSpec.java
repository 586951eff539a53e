package vn.vanthu.web;

import com.fasterxml.jackson.databind.JsonNode;
import vn.vanthu.error.ApiException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a JSON body (or of a multipart part holding JSON) as the service accepts it: its name, type,
 * longest text, most items, whether it is required and which values it may take. The same declaration checks
 * requests before anything is stored ({@link BodySpec#check}) and describes the field in /openapi.json.
 *
 * <pre>{@code
 * FieldSpec subject = FieldSpec.text("subject", 500).required();
 * FieldSpec recipients = FieldSpec.list("recipients", 100, 500).required();
 * FieldSpec priority = FieldSpec.oneOf("priority", Priority.class);
 * }</pre>
 */
public record FieldSpec(String name, Type type, int maxLength, int maxItems, boolean needed, List<String> values,
                        List<FieldSpec> fields) {
    /**
     * JSON types the service reads; DATE is a text yyyy-MM-dd, TEXT_LIST an array of texts, OBJECT_LIST an array of
     * objects whose own {@link #fields} are declared (checked like a body's, recursively).
     */
    public enum Type { TEXT, TEXT_LIST, DATE, INTEGER, NUMBER, BOOLEAN, OBJECT, OBJECT_LIST }

    /** A field without fields of its own. */
    public FieldSpec(String name, Type type, int maxLength, int maxItems, boolean needed, List<String> values) {
        this(name, type, maxLength, maxItems, needed, values, List.of());
    }

    public static FieldSpec text(String name, int maxLength) {
        return new FieldSpec(name, Type.TEXT, maxLength, 0, false, List.of());
    }

    /** An array of at most {@code maxItems} texts of at most {@code maxLength} characters each. */
    public static FieldSpec list(String name, int maxItems, int maxLength) {
        return new FieldSpec(name, Type.TEXT_LIST, maxLength, maxItems, false, List.of());
    }

    public static FieldSpec oneOf(String name, List<String> values) {
        int longest = values.stream().mapToInt(String::length).max().orElse(0);
        return new FieldSpec(name, Type.TEXT, longest, 0, false, List.copyOf(values));
    }

    public static <E extends Enum<E>> FieldSpec oneOf(String name, Class<E> values) {
        return oneOf(name, Arrays.stream(values.getEnumConstants()).map(Enum::name).toList());
    }

    public static FieldSpec date(String name) {
        return new FieldSpec(name, Type.DATE, 10, 0, false, List.of());
    }

    public static FieldSpec integer(String name) {
        return new FieldSpec(name, Type.INTEGER, 0, 0, false, List.of());
    }

    public static FieldSpec number(String name) {
        return new FieldSpec(name, Type.NUMBER, 0, 0, false, List.of());
    }

    public static FieldSpec bool(String name) {
        return new FieldSpec(name, Type.BOOLEAN, 0, 0, false, List.of());
    }

    /** A nested object: its own reader checks its fields, or the declared {@code fields} when given. */
    public static FieldSpec object(String name, FieldSpec... fields) {
        return new FieldSpec(name, Type.OBJECT, 0, 0, false, List.of(), List.of(fields));
    }

    /**
     * An array of at most {@code maxItems} objects, each with the declared {@code fields} (unknown fields, types,
     * lengths and required fields checked as for a body; an error names the inner field). A value that is not an
     * array, or an item that is not an object, is left to the feature's reader, which names the shape it expected.
     */
    public static FieldSpec objects(String name, int maxItems, FieldSpec... fields) {
        return new FieldSpec(name, Type.OBJECT_LIST, 0, maxItems, false, List.of(), List.of(fields));
    }

    /** The same field, its texts (or a list's items) limited to {@code allowed}. */
    public FieldSpec withValues(List<String> allowed) {
        int longest = Math.max(maxLength, allowed.stream().mapToInt(String::length).max().orElse(0));
        return new FieldSpec(name, type, longest, maxItems, needed, List.copyOf(allowed), fields);
    }

    /** The same field, required: absent or null is 400 MISSING_FIELD. */
    public FieldSpec required() {
        return new FieldSpec(name, type, maxLength, maxItems, true, values, fields);
    }

    /**
     * 400 naming this field when {@code v} (present, not null) has the wrong type or a value not allowed;
     * {@code tooLong} (400, or 422 where a feature answers so) when it is too long or has too many items.
     */
    void check(JsonNode v, int tooLong) {
        switch (type) {
            case TEXT, DATE -> checkText(v, name, tooLong);
            case TEXT_LIST -> {
                if (!v.isArray()) {
                    throw invalid("must be a list of texts");
                }
                if (v.size() > maxItems) {
                    throw new ApiException(tooLong, "FIELD_TOO_LONG", name + " may list at most " + maxItems + " items", name);
                }
                for (JsonNode item : v) {
                    if (!item.isNull()) {   // a null item is the feature's own refusal (it names it)
                        checkText(item, name, tooLong);
                    }
                }
            }
            case INTEGER -> require(v.isIntegralNumber(), "must be a whole number");
            case NUMBER -> require(v.isNumber(), "must be a number");
            case BOOLEAN -> require(v.isBoolean(), "must be true or false");
            case OBJECT -> {
                require(v.isObject(), "must be a JSON object");
                if (!fields.isEmpty()) {
                    BodySpec.checkObject(v, fields, tooLong, name);
                }
            }
            case OBJECT_LIST -> {
                if (!v.isArray()) {
                    return;   // another shape is the feature reader's to refuse (it names the shape it expected)
                }
                if (v.size() > maxItems) {
                    throw new ApiException(tooLong, "FIELD_TOO_LONG", name + " may list at most " + maxItems + " items", name);
                }
                for (int i = 0; i < v.size(); i++) {
                    JsonNode item = v.get(i);
                    if (item.isObject()) {   // a null or other item is the feature's own refusal (it names it)
                        BodySpec.checkObject(item, fields, tooLong, name + "[" + i + "]");
                    }
                }
            }
        }
    }

    private void checkText(JsonNode v, String field, int tooLong) {
        require(v.isTextual(), "must be text");
        if (v.asText().length() > maxLength) {
            throw new ApiException(tooLong, "FIELD_TOO_LONG", field + " must be at most " + maxLength + " characters", field);
        }
        String given = java.text.Normalizer.normalize(v.asText().trim(), java.text.Normalizer.Form.NFC);
        if (!values.isEmpty() && values.stream().noneMatch(given::equalsIgnoreCase)) {
            throw ApiException.badRequest("INVALID_VALUE", field + " must be one of " + values, field);
        }
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw invalid(what);
        }
    }

    private ApiException invalid(String what) {
        return ApiException.badRequest("INVALID_FIELD", name + " " + what, name);
    }

    /** This field as an OpenAPI 3.0 schema. */
    Map<String, Object> schema() {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (type) {
            case TEXT -> text(s);
            case DATE -> {
                s.put("type", "string");
                s.put("format", "date");
                s.put("maxLength", maxLength);
            }
            case TEXT_LIST -> {
                s.put("type", "array");
                s.put("maxItems", maxItems);
                Map<String, Object> items = new LinkedHashMap<>();
                text(items);
                s.put("items", items);
            }
            case INTEGER -> s.put("type", "integer");
            case NUMBER -> s.put("type", "number");
            case BOOLEAN -> s.put("type", "boolean");
            case OBJECT -> s.putAll(fields.isEmpty() ? Map.of("type", "object") : BodySpec.objectSchema(fields));
            case OBJECT_LIST -> {
                s.put("type", "array");
                s.put("maxItems", maxItems);
                s.put("items", BodySpec.objectSchema(fields));
            }
        }
        return s;
    }

    private void text(Map<String, Object> s) {
        s.put("type", "string");
        s.put("maxLength", maxLength);
        if (!values.isEmpty()) {
            s.put("enum", values);
        }
    }
}
