package vn.vanthu.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Declared bodies with lists of objects inside (the catalogue's headings and rows, the numbering layout) are checked
 * item by item before anything is stored, and a route taking two shapes (the keys: a PKCS#12 form or PKCS#11 JSON)
 * checks each against its own declaration.
 */
class NestedBodiesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_row_field_over_its_limit_refuses_the_whole_catalogue_before_anything_is_stored() {
        Map<String, Object> row = Map.of("symbol", "01.TCCB", "title", "Hồ sơ", "retention", "PERMANENT",
                "responsibleUserId", "u1", "notes", "x".repeat(1001));
        TestServer.Response r = put("/api/v1/catalogues/2041", "clerk", catalogue(row));
        assertEquals(400, r.status(), r.text());
        assertEquals("FIELD_TOO_LONG", r.errorCode());
        assertEquals("notes", r.json().at("/errors/0/field").asText());
        assertEquals(404, server.get("/api/v1/catalogues/2041", "clerk").status(), "nothing was stored");
    }

    @Test
    void an_unknown_field_inside_a_row_is_refused_naming_the_row() {
        Map<String, Object> row = Map.of("symbol", "01.TCCB", "title", "Hồ sơ", "retention", "PERMANENT",
                "responsibleUserId", "u1", "shelf", "A3");
        TestServer.Response r = put("/api/v1/catalogues/2042", "clerk", catalogue(row));
        assertEquals(400, r.status(), r.text());
        assertEquals("UNKNOWN_FIELD", r.errorCode());
        assertEquals("shelf", r.json().at("/errors/0/field").asText());
        assertTrue(r.json().at("/errors/0/message").asText().contains("rows[0]"), r.text());
    }

    @Test
    void a_nested_object_of_the_numbering_layout_is_checked_and_still_answered_422() {
        Map<String, Object> layout = Map.of("series", List.of(Map.of("code", "HC", "types", List.of("CV"))),
                "secret", Map.of("code", "MAT", "symbolSuffix", "ABCDEF"));
        TestServer.Response r = put("/api/v1/numbering/2041", "admin", layout);
        assertEquals(422, r.status(), r.text());
        assertEquals("FIELD_TOO_LONG", r.errorCode());
        assertEquals("symbolSuffix", r.json().at("/errors/0/field").asText());
    }

    @Test
    void the_keys_route_checks_the_pkcs11_json_and_the_pkcs12_form_each_by_its_own_declaration() {
        TestServer.Response json = server.postJson("/api/v1/keys", "admin", Map.of("id", "hsm-1", "owner", "official",
                "library", "/usr/lib/softhsm/libsofthsm2.so", "tokenLabel", "x".repeat(33), "alias", "a"));
        assertEquals(400, json.status(), json.text());
        assertEquals("FIELD_TOO_LONG", json.errorCode());
        assertEquals("tokenLabel", json.json().at("/errors/0/field").asText());

        TestServer.Response unknown = server.postJson("/api/v1/keys", "admin", Map.of("id", "hsm-1", "file", "x"));
        assertEquals("UNKNOWN_FIELD", unknown.errorCode(), unknown.text());

        TestServer.Response form = server.postMultipart("/api/v1/keys", "admin",
                new Multipart().field("owner", "x".repeat(41)).field("pin", "123456"));
        assertEquals(400, form.status(), form.text());
        assertEquals("FIELD_TOO_LONG", form.errorCode());
        assertEquals("owner", form.json().at("/errors/0/field").asText());
        assertEquals(0, server.get("/api/v1/keys", "admin").json().path("items").findValues("id").stream()
                .filter(id -> id.asText().equals("hsm-1")).count(), "no key was registered");
    }

    private static Map<String, Object> catalogue(Map<String, Object> row) {
        return Map.of("headings", List.of(Map.of("numeral", "I", "title", "Tổ chức", "rows", List.of(row))));
    }

    private static TestServer.Response put(String path, String user, Object body) {
        try {
            return server.send(server.request(path, user).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(TestServer.JSON.writeValueAsString(body))).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
