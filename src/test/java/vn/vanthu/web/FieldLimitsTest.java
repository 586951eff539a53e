package vn.vanthu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits of the JSON fields are in /openapi.json (maxLength, maxItems, enum, type, required), and they are the
 * limits the service enforces: a value one over any documented limit is refused with a 4xx JSON error naming it.
 */
class FieldLimitsTest {
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
    void the_description_names_the_limits_of_the_main_bodies() {
        JsonNode metadata = paths.at("/~1api~1v1~1dispatches/post/requestBody/content/multipart~1form-data");
        assertEquals("application/json", metadata.at("/encoding/metadata/contentType").asText(), metadata.toString());
        JsonNode draft = metadata.at("/schema/properties/metadata");
        assertEquals(500, draft.at("/properties/subject/maxLength").asInt(), draft.toString());
        assertEquals(100, draft.at("/properties/recipients/maxItems").asInt());
        assertEquals(500, draft.at("/properties/recipients/items/maxLength").asInt());
        assertEquals(50, draft.at("/properties/draftingUnit/maxLength").asInt());
        assertEquals("boolean", draft.at("/properties/secret/type").asText());
        assertEquals("date", draft.at("/properties/dueDate/format").asText());
        assertTrue(enumOf(draft.at("/properties/documentType")).containsAll(List.of("QĐ", "CV", "ThC")));
        assertTrue(enumOf(draft.at("/properties/priority")).contains("URGENT"));
        assertTrue(texts(draft.path("required")).containsAll(List.of("documentType", "subject", "recipients")));

        JsonNode user = json("/api/v1/users");
        assertEquals(200, user.at("/properties/displayName/maxLength").asInt(), user.toString());
        assertEquals(List.of("OFFICIAL", "CLERK", "AUDITOR", "ADMIN", "HANDLER"), enumOf(user.at("/properties/roles/items")));
        assertEquals(200, json("/api/v1/users/{id}/tokens").at("/properties/label/maxLength").asInt());
        assertEquals("integer", json("/api/v1/users/{id}/tokens").at("/properties/expiresInDays/type").asText());
        assertEquals(64, json("/api/v1/dispatches/{id}/sign").at("/properties/keyId/maxLength").asInt());
        assertEquals(50, json("/api/v1/incoming/{id}/direct").at("/properties/cooperatingUserIds/maxItems").asInt());
        assertEquals(List.of("ANSWERED", "FILED", "FORWARDED"), enumOf(json("/api/v1/incoming/{id}/complete").at("/properties/result")));
        JsonNode sign = paths.at("/~1api~1v1~1signatures/post/requestBody/content/multipart~1form-data/schema/properties");
        assertEquals(500, sign.at("/reason/maxLength").asInt(), sign.toString());
        assertEquals(List.of("PAdES", "XAdES", "CAdES", "ASiC-E"), enumOf(sign.path("format")));
        assertEquals(List.of("B", "T", "LT", "LTA"), enumOf(sign.path("level")));
        assertEquals(List.of("SY", "SL", "TrS"), enumOf(paths.at("/~1api~1v1~1copies/post/requestBody/content/multipart~1form-data/schema/properties/form")));
    }

    @Test
    void a_value_one_over_any_documented_limit_is_refused_with_a_json_error_naming_the_field() {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode post = path.getValue().path("post");
            JsonNode json = post.at("/requestBody/content/application~1json/schema/properties");
            JsonNode parts = post.at("/requestBody/content/multipart~1form-data/schema/properties");
            String user = role(post.path("description").asText());
            String url = path.getKey().replaceAll("\\{[^}]+}", "0000-no-such-object");
            for (Iterator<Map.Entry<String, JsonNode>> f = json.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                for (JsonNode over : overs(field.getValue())) {
                    ObjectNode body = TestServer.JSON.createObjectNode().set(field.getKey(), over);
                    refused(server.postJson(url, user, body), path.getKey(), field.getKey());
                    checked++;
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> p = parts.fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> part = p.next();
                if (part.getValue().has("maxLength")) {   // a text field of the form
                    for (JsonNode over : overs(part.getValue())) {
                        refused(server.postMultipart(url, user, new Multipart().field(part.getKey(), over.asText())),
                                path.getKey(), part.getKey());
                        checked++;
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> f = part.getValue().path("properties").fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = f.next();
                    for (JsonNode over : overs(field.getValue())) {
                        String value = TestServer.JSON.createObjectNode().set(field.getKey(), over).toString();
                        refused(server.postMultipart(url, user, new Multipart().field(part.getKey(), value)), path.getKey(), field.getKey());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 30, "limits checked: " + checked);
    }

    /** Values one over each limit the schema documents: a text one character too long, a list one item too many. */
    private static List<JsonNode> overs(JsonNode schema) {
        List<JsonNode> out = new ArrayList<>();
        if (schema.has("maxLength")) {
            out.add(TestServer.JSON.getNodeFactory().textNode("x".repeat(schema.get("maxLength").asInt() + 1)));
        }
        if (schema.has("maxItems")) {
            var many = TestServer.JSON.createArrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                many.add("x");
            }
            out.add(many);
        }
        JsonNode items = schema.path("items");
        if (items.has("maxLength")) {
            out.add(TestServer.JSON.createArrayNode().add("x".repeat(items.get("maxLength").asInt() + 1)));
        }
        return out;
    }

    private static void refused(TestServer.Response r, String path, String field) {
        String where = "POST " + path + " " + field + ": " + r.status() + " " + r.text();
        assertTrue(r.status() >= 400 && r.status() < 500, where);
        JsonNode error = r.json().path("errors").path(0);
        assertEquals("FIELD_TOO_LONG", error.path("code").asText(), where);
        assertEquals(field, error.path("field").asText(), where);
    }

    private static JsonNode json(String path) {
        return paths.path(path).at("/post/requestBody/content/application~1json/schema");
    }

    /** A demo user holding the first role the operation names ("Roles: [ADMIN, CLERK]"). */
    private static String role(String description) {
        return description.replaceAll(".*\\[([A-Z]+).*", "$1").toLowerCase(Locale.ROOT);
    }

    private static List<String> enumOf(JsonNode schema) {
        return texts(schema.path("enum"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
