package vn.vanthu.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds {@code /openapi.json} (OpenAPI 3.0) from the declared routes, so the description cannot drift from them. */
final class OpenApi {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {}

    /** {@code uploadLimit}: the service's largest upload, the size of a file part that declares none of its own. */
    static Map<String, Object> describe(List<ApiRoute> routes, String version, long uploadLimit) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ApiRoute r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<>());
            item.put(r.method().name().toLowerCase(Locale.ROOT), operation(r, uploadLimit));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "vanthu API", "version", version,
                "description", "Digital signing, validation, outgoing dispatches and work dossiers for Vietnamese "
                        + "clerical offices. Errors: {\"errors\":[{\"code\",\"message\",\"field\"}]}."));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Errors", Map.of("type", "object", "properties", Map.of("errors", Map.of(
                        "type", "array", "items", Map.of("type", "object", "properties", Map.of(
                                "code", Map.of("type", "string"), "message", Map.of("type", "string"),
                                "field", Map.of("type", "string")))))))));
        return doc;
    }

    private static Map<String, Object> operation(ApiRoute r, long uploadLimit) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(r.tag()));
        op.put("summary", r.summary());
        op.put("operationId", r.method().name().toLowerCase(Locale.ROOT) + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
        if (r.isPublic()) {
            op.put("security", List.of());
            op.put("description", "Public: no token needed.");
        } else {
            op.put("security", List.of(Map.of("bearer", List.of())));
            op.put("description", "Roles: " + r.roles().stream().map(Enum::name).sorted().toList());
        }
        List<Object> params = new ArrayList<>();
        Matcher m = PARAM.matcher(r.path());
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        BodySpec fields = r.fields();
        switch (r.body()) {
            case JSON -> op.put("requestBody", body("application/json",
                    fields == null || fields.shape() != BodySpec.Shape.JSON ? Map.of("type", "object") : fields.schema()));
            case MULTIPART -> op.put("requestBody", multipart(fields, uploadLimit));
            case BINARY -> op.put("requestBody", body("application/octet-stream", Map.of("type", "string", "format", "binary")));
            case FORM -> op.put("requestBody", body("application/x-www-form-urlencoded",
                    fields == null || fields.shape() != BodySpec.Shape.FORM ? Map.of("type", "object") : fields.schema()));
            case NONE -> { }
        }
        Map<String, Object> error = Map.of("description", "Error", "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Errors"))));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "Success"));
        responses.put("4XX", error);
        op.put("responses", responses);
        return op;
    }

    /**
     * The parts as declared: the file parts (their largest size in {@code x-maxBytes}, how many), the JSON part and
     * its fields, the plain text parts. Undeclared: an object without properties (FieldLimitsTest finds those).
     */
    private static Map<String, Object> multipart(BodySpec fields, long uploadLimit) {
        Map<String, Object> media = new LinkedHashMap<>();
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (fields != null && fields.shape() != BodySpec.Shape.JSON) {
            Map<String, Object> properties = new LinkedHashMap<>();
            fields.files().forEach(f -> properties.put(f.name(), f.schema(uploadLimit)));
            if (fields.shape() == BodySpec.Shape.PART) {
                properties.put(fields.part(), fields.schema());
                media.put("encoding", Map.of(fields.part(), Map.of("contentType", "application/json")));
            }
            fields.formTexts().forEach(f -> properties.put(f.name(), f.schema()));
            schema.put("properties", properties);
            List<String> required = fields.formTexts().stream().filter(FieldSpec::needed).map(FieldSpec::name).toList();
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
        }
        media.put("schema", schema);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("multipart/form-data", media);
        if (fields != null && fields.orJson() != null) {
            content.put("application/json", Map.of("schema", fields.orJson().schema()));
        }
        return Map.of("required", true, "content", content);
    }

    private static Map<String, Object> body(String type, Map<String, Object> schema) {
        return Map.of("required", true, "content", Map.of(type, Map.of("schema", schema)));
    }
}
