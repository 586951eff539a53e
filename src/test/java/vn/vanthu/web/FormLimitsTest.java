package vn.vanthu.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forms — the pages' URL-encoded and multipart forms, the API's multipart routes — declare their text fields and
 * file parts: /openapi.json describes them with their limits, and a value, a file or a count one over any of them
 * is refused before the handler runs (JSON for the API, a message on the page in a browser).
 */
class FormLimitsTest {
    private static final String FORM = "application~1x-www-form-urlencoded";
    private static final String MULTIPART = "multipart~1form-data";
    /** File parts up to this size are sent one byte over their limit (larger ones: the service's upload limit). */
    private static final long SENT_FILE = 2L * 1024 * 1024;
    private static TestServer server;
    private static JsonNode paths;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
        paths = server.get("/openapi.json", null).json().path("paths");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_route_taking_a_form_or_multipart_body_declares_its_fields_and_files() {
        List<String> undeclared = new ArrayList<>();
        int forms = 0;
        for (Map.Entry<String, JsonNode> op : operations()) {
            for (String type : List.of(FORM, MULTIPART)) {
                JsonNode schema = op.getValue().at("/requestBody/content/" + type + "/schema");
                if (!schema.isMissingNode()) {
                    forms++;
                    if (!schema.has("properties")) {
                        undeclared.add(op.getKey());
                    }
                }
            }
        }
        assertEquals(List.of(), undeclared, "routes taking a form without a declared BodySpec");
        assertTrue(forms >= 35, "forms described: " + forms);
    }

    @Test
    void the_description_names_the_limits_of_the_pages_forms_and_the_file_parts() {
        JsonNode signIn = paths.at("/~1signin/post/requestBody/content/" + FORM + "/schema");
        assertEquals(200, signIn.at("/properties/username/maxLength").asInt(), signIn.toString());
        assertTrue(signIn.path("required").toString().contains("username"), signIn.toString());
        JsonNode users = paths.at("/~1admin~1users/post/requestBody/content/" + FORM + "/schema/properties");
        assertEquals(5, users.at("/roles/maxItems").asInt(), users.toString());
        assertTrue(users.at("/roles/items/enum").toString().contains("AUDITOR"), users.toString());
        JsonNode copy = paths.at("/~1copies/post/requestBody/content/" + MULTIPART + "/schema/properties");
        assertEquals("binary", copy.at("/file/format").asText(), copy.toString());
        assertTrue(copy.at("/file/x-maxBytes").asLong() > 0, copy.toString());
        JsonNode batch = paths.at("/~1api~1v1~1digitizations~1batches/post/requestBody/content/" + MULTIPART + "/schema/properties");
        assertEquals(4L * 1024 * 1024, batch.at("/documents/x-maxBytes").asLong(), batch.toString());
        assertEquals(40, batch.at("/dossierId/maxLength").asInt(), batch.toString());
        JsonNode validate = paths.at("/~1api~1v1~1validations/post/requestBody/content/" + MULTIPART + "/schema/properties");
        assertEquals("array", validate.at("/original/type").asText(), validate.toString());
        assertEquals(100, validate.at("/original/maxItems").asInt(), validate.toString());
    }

    @Test
    void a_value_or_a_count_one_over_any_form_limit_is_refused_naming_the_field() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode fields = op.getValue().at("/requestBody/content/" + FORM + "/schema/properties");
            for (Iterator<Map.Entry<String, JsonNode>> f = fields.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                for (String over : overs(field.getKey(), field.getValue())) {
                    refused(postForm(op, over), op.getKey(), field.getKey(), "FIELD_TOO_LONG");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 30, "form limits checked: " + checked);
    }

    @Test
    void a_file_one_byte_over_its_part_limit_or_one_part_too_many_is_refused_naming_the_part() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode parts = op.getValue().at("/requestBody/content/" + MULTIPART + "/schema/properties");
            for (Iterator<Map.Entry<String, JsonNode>> p = parts.fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> part = p.next();
                JsonNode file = part.getValue().has("items") ? part.getValue().path("items") : part.getValue();
                if (!"binary".equals(file.path("format").asText())) {
                    continue;
                }
                if (part.getValue().has("maxItems")) {
                    Multipart many = new Multipart();
                    for (int i = 0; i <= part.getValue().path("maxItems").asInt(); i++) {
                        many.file(part.getKey(), "f" + i + ".pdf", "application/pdf", new byte[] {'%'});
                    }
                    refused(postMultipart(op, many), op.getKey(), part.getKey(), "TOO_MANY_FILES");
                    checked++;
                }
                long max = file.path("x-maxBytes").asLong();
                if (max > 0 && max < SENT_FILE) {
                    Multipart big = new Multipart().file(part.getKey(), "big.bin", "application/octet-stream", new byte[(int) max + 1]);
                    TestServer.Response r = postMultipart(op, big);
                    assertEquals(413, r.status(), op.getKey() + " " + part.getKey() + ": " + r.text());
                    refused(r, op.getKey(), part.getKey(), "FILE_TOO_LARGE");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 6, "file limits checked: " + checked);
    }

    @Test
    void a_page_answers_a_field_over_its_limit_with_a_message_on_the_page() {
        String body = "username=" + "x".repeat(201) + "&password=p";
        TestServer.Response r = server.send(server.request("/signin", null).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(400, r.status(), r.text());
        assertTrue(r.text().contains("data-code=\"FIELD_TOO_LONG\""), r.text());
        assertTrue(r.text().contains("Một trường quá dài"), r.text());
    }

    /** Every operation, as "POST /path" → its description. */
    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                out.add(Map.entry(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue()))));
        return out;
    }

    /** URL-encoded bodies each one over one limit of the field: a text one character too long, a list one item too many. */
    private static List<String> overs(String name, JsonNode schema) {
        List<String> out = new ArrayList<>();
        String key = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=";
        if (schema.has("maxLength")) {
            out.add(key + "x".repeat(schema.get("maxLength").asInt() + 1));
        }
        if (schema.has("maxItems")) {
            List<String> many = new ArrayList<>();
            JsonNode allowed = schema.at("/items/enum");
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                many.add(key + (allowed.isArray() && allowed.size() > 0 ? allowed.get(i % allowed.size()).asText() : "x"));
            }
            out.add(String.join("&", many));
        }
        if (schema.at("/items/maxLength").isInt()) {
            out.add(key + "x".repeat(schema.at("/items/maxLength").asInt() + 1));
        }
        return out;
    }

    private static TestServer.Response postForm(Map.Entry<String, JsonNode> op, String body) {
        return server.send(server.request(url(op.getKey()), user(op.getValue()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static TestServer.Response postMultipart(Map.Entry<String, JsonNode> op, Multipart form) {
        return server.postMultipart(url(op.getKey()), user(op.getValue()), form);
    }

    private static String url(String operation) {
        return operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "0000-no-such-object");
    }

    /** A demo user holding the first role the operation names ("Roles: [ADMIN, CLERK]"); none when it is public. */
    private static String user(JsonNode op) {
        String description = op.path("description").asText();
        return description.startsWith("Roles: [") ? description.replaceAll(".*\\[([A-Z]+).*", "$1").toLowerCase(Locale.ROOT) : null;
    }

    private static void refused(TestServer.Response r, String operation, String field, String code) {
        String where = operation + " " + field + ": " + r.status() + " " + r.text();
        assertTrue(r.status() >= 400 && r.status() < 500, where);
        JsonNode error = r.json().path("errors").path(0);
        assertEquals(code, error.path("code").asText(), where);
        assertEquals(field, error.path("field").asText(), where);
    }
}
