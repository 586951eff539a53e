package vn.vanthu.web;

import com.fasterxml.jackson.databind.JsonNode;
import vn.vanthu.error.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a request: its JSON body ({@link #json}), the JSON of one multipart part ({@link #part}), or the
 * text fields of a multipart form ({@link #form}, each a text; its files are {@code Uploads}' to check). A route
 * that declares one has it checked before its handler runs (unknown fields, types, lengths, item counts, allowed
 * values, then the required fields: 400 UNKNOWN_FIELD, INVALID_FIELD, FIELD_TOO_LONG, INVALID_VALUE,
 * MISSING_FIELD naming the field), and
 * /openapi.json describes the body from it, so the documented limits are the enforced ones. A body that is not a
 * JSON object at all is left to the handler, which names what it expected.
 *
 * <pre>{@code
 * BodySpec sign = BodySpec.json(FieldSpec.text("keyId", 100).required(), FieldSpec.text("pin", 64).required());
 * BodySpec metadata = BodySpec.part("metadata", FieldSpec.text("subject", 500).required());
 * }</pre>
 */
public record BodySpec(Shape shape, String part, List<FieldSpec> fields, int tooLongStatus, BodySpec orJson,
                       List<FieldSpec> texts, List<FilePart> files) {
    /**
     * Where the fields are: a JSON body, one multipart part holding JSON (beside plain text parts, {@link #texts}),
     * or the text fields of a form (multipart, or URL-encoded as the pages send them).
     */
    public enum Shape { JSON, PART, FORM }

    public static BodySpec json(FieldSpec... fields) {
        return new BodySpec(Shape.JSON, null, List.of(fields), 400, null, List.of(), List.of());
    }

    /** The fields of the multipart part {@code part}, which holds a JSON object. */
    public static BodySpec part(String part, FieldSpec... fields) {
        return new BodySpec(Shape.PART, part, List.of(fields), 400, null, List.of(), List.of());
    }

    /**
     * Text fields of a form, multipart (each its own part) or URL-encoded: texts, dates, whole numbers, and lists
     * (a field given several times); a page's {@code _csrf} field is the sign-in's to check, never declared.
     */
    public static BodySpec form(FieldSpec... fields) {
        return new BodySpec(Shape.FORM, null, List.of(fields), 400, null, List.of(), List.of());
    }

    /**
     * A form with a table of rows: {@code fields}, then each of {@code perRow} once per row as {@code name.i}
     * (i from 0 to rows - 1), as a page posts the rows of a table it edits.
     */
    public static BodySpec formWithRows(int rows, List<FieldSpec> fields, FieldSpec... perRow) {
        List<FieldSpec> all = new java.util.ArrayList<>(fields);
        for (int i = 0; i < rows; i++) {
            for (FieldSpec f : perRow) {
                all.add(new FieldSpec(f.name() + "." + i, f.type(), f.maxLength(), f.maxItems(), f.needed(), f.values(),
                        f.fields()));
            }
        }
        return form(all.toArray(FieldSpec[]::new));
    }

    /** The same fields, a value too long answered with {@code status} (a feature that has always said 422). */
    public BodySpec tooLongAnswered(int status) {
        return new BodySpec(shape, part, fields, status, orJson == null ? null : orJson.tooLongAnswered(status), texts, files);
    }

    /** The same declaration with the plain text parts that come beside a JSON part ({@link #part}). */
    public BodySpec withTexts(FieldSpec... more) {
        if (shape != Shape.PART) {
            throw new IllegalArgumentException("a form declares its texts as its fields");
        }
        return new BodySpec(shape, part, fields, tooLongStatus, orJson, List.of(more), files);
    }

    /** The same declaration with the file parts a multipart request may carry. */
    public BodySpec withFiles(FilePart... parts) {
        return new BodySpec(shape, part, fields, tooLongStatus, orJson, texts, List.of(parts));
    }

    /** The text fields read from form parameters: a form's fields, or the plain parts beside a JSON part. */
    List<FieldSpec> formTexts() {
        return shape == Shape.FORM ? fields : texts;
    }

    /**
     * The same multipart fields, or instead a JSON body of {@code json}'s fields (a route taking either): each is
     * checked when the request carries its content type, and both are described.
     */
    public BodySpec orJson(BodySpec json) {
        if (shape == Shape.JSON || json.shape() != Shape.JSON) {
            throw new IllegalArgumentException("a multipart body's alternative is a JSON body");
        }
        return new BodySpec(shape, part, fields, tooLongStatus, json, texts, files);
    }

    /** The declaration for a request: its JSON alternative when the request is not multipart and there is one. */
    BodySpec forRequest(boolean multipart) {
        return !multipart && orJson != null ? orJson : this;
    }

    /** The declared field of this name. */
    public FieldSpec field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + name));
    }

    /** 400 for the first field out of its declaration; nothing for a body that is not an object. */
    public void check(JsonNode body) {
        if (body == null || !body.isObject()) {
            return;
        }
        checkObject(body, fields, tooLongStatus, part);
    }

    /**
     * The fields of one object (a body, a part, or an item of an {@link FieldSpec.Type#OBJECT_LIST}): unknown
     * fields, then each field's type and length, then the required ones; {@code where} names the object in messages.
     */
    static void checkObject(JsonNode object, List<FieldSpec> fields, int tooLong, String where) {
        object.fieldNames().forEachRemaining(name -> {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                throw ApiException.badRequest("UNKNOWN_FIELD", (where == null ? "" : where + " has ") + "an unknown field '"
                        + name + "'", name);
            }
        });
        for (FieldSpec f : fields) {
            JsonNode v = object.get(f.name());
            if (v != null && !v.isNull()) {
                f.check(v, tooLong);
            }
        }
        for (FieldSpec f : fields) {
            JsonNode v = object.get(f.name());
            if (f.needed() && (v == null || v.isNull())) {
                throw ApiException.badRequest("MISSING_FIELD", (where == null || !where.endsWith("]") ? "" : where + ".") + f.name() + " is required", f.name());
            }
        }
    }

    /** The object's OpenAPI 3.0 schema: properties, required. */
    Map<String, Object> schema() {
        return objectSchema(fields);
    }

    static Map<String, Object> objectSchema(List<FieldSpec> fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        fields.forEach(f -> properties.put(f.name(), f.schema()));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", properties);
        List<String> required = fields.stream().filter(FieldSpec::needed).map(FieldSpec::name).toList();
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        return s;
    }
}
