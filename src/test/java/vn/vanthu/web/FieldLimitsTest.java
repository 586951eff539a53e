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
import java.util.Set;

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
        assertEquals(32, json("/api/v1/keys").at("/properties/tokenLabel/maxLength").asInt(), "the PKCS#11 JSON alternative");
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
            for (String method : List.of("post", "put")) {
                checked += walk(path.getKey(), method, path.getValue().path(method));
            }
        }
        assertTrue(checked >= 80, "limits checked: " + checked);
    }

    @Test
    void the_nested_lists_of_the_catalogue_and_the_numbering_layout_are_described_with_their_limits() {
        JsonNode catalogue = paths.at("/~1api~1v1~1catalogues~1{year}/put/requestBody/content/application~1json/schema/properties/headings");
        assertEquals("array", catalogue.path("type").asText(), catalogue.toString());
        JsonNode rows = catalogue.at("/items/properties/rows");
        assertEquals(5000, rows.path("maxItems").asInt(), rows.toString());
        assertEquals(50, rows.at("/items/properties/symbol/maxLength").asInt());
        assertEquals(1000, rows.at("/items/properties/notes/maxLength").asInt());
        JsonNode layout = paths.at("/~1api~1v1~1numbering~1{year}/put/requestBody/content/application~1json/schema/properties");
        assertEquals(40, layout.at("/series/maxItems").asInt(), layout.toString());
        assertEquals(5, layout.at("/secret/properties/symbolSuffix/maxLength").asInt());
    }

    /**
     * Bodies whose fields cannot be declared, each with why. Empty now: every JSON body is described. A new route
     * taking JSON must declare its {@link BodySpec} in Routes (or be added here with the reason it can't be).
     */
    private static final Set<String> UNDECLARED_JSON = Set.of();

    @Test
    void every_route_taking_a_json_body_declares_its_fields() {
        List<String> undeclared = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode schema = op.getValue().at("/requestBody/content/application~1json/schema");
                String route = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (!schema.isMissingNode() && !schema.has("properties") && !UNDECLARED_JSON.contains(route)) {
                    undeclared.add(route);
                }
            }
        }
        assertEquals(List.of(), undeclared, "routes taking JSON without a declared BodySpec");
        assertTrue(paths.size() > 50, "the description was read: " + paths.size());
    }

    /** Every declared limit of one operation, one over: the JSON body's fields (nested too), the form's, the part's. */
    private static int walk(String path, String method, JsonNode op) {
        int checked = 0;
        String user = role(op.path("description").asText());
        String url = path.replaceAll("\\{[^}]+}", "0000-no-such-object");
        String where = method.toUpperCase(Locale.ROOT) + " " + path;
        for (Map.Entry<String, JsonNode> over : overBodies(op.at("/requestBody/content/application~1json/schema/properties"))) {
            TestServer.Response r = method.equals("put") ? put(url, user, over.getValue()) : server.postJson(url, user, over.getValue());
            refused(r, where, over.getKey());
            checked++;
        }
        JsonNode parts = op.at("/requestBody/content/multipart~1form-data/schema/properties");
        for (Iterator<Map.Entry<String, JsonNode>> p = parts.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> part = p.next();
            if (part.getValue().has("maxLength")) {   // a text field of the form
                for (JsonNode over : overs(part.getValue())) {
                    refused(server.postMultipart(url, user, new Multipart().field(part.getKey(), over.asText())), where, part.getKey());
                    checked++;
                }
            }
            for (Map.Entry<String, JsonNode> over : overBodies(part.getValue().path("properties"))) {
                refused(server.postMultipart(url, user, new Multipart().field(part.getKey(), over.getValue().toString())),
                        where, over.getKey());
                checked++;
            }
        }
        return checked;
    }

    /**
     * Objects each holding one value over one documented limit, with the name of the field it is over: a field of
     * the object itself, or one inside a nested object or inside the one item of a nested list of objects.
     */
    private static List<Map.Entry<String, JsonNode>> overBodies(JsonNode properties) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> f = properties.fields(); f.hasNext(); ) {
            Map.Entry<String, JsonNode> field = f.next();
            for (JsonNode over : overs(field.getValue())) {
                out.add(Map.entry(field.getKey(), TestServer.JSON.createObjectNode().set(field.getKey(), over)));
            }
            JsonNode schema = field.getValue();
            JsonNode inner = schema.has("items") ? schema.at("/items/properties") : schema.path("properties");
            for (Map.Entry<String, JsonNode> nested : overBodies(inner)) {
                JsonNode value = schema.has("items") ? TestServer.JSON.createArrayNode().add(nested.getValue()) : nested.getValue();
                out.add(Map.entry(nested.getKey(), TestServer.JSON.createObjectNode().set(field.getKey(), value)));
            }
        }
        return out;
    }

    private static TestServer.Response put(String url, String user, JsonNode body) {
        return server.send(server.request(url, user).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build());
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
        String where = path + " " + field + ": " + r.status() + " " + r.text();
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
