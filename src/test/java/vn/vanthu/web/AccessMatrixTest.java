package vn.vanthu.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every endpoint of the service with every role and with no token, and asserts the status: 401 without
 * a token, 403 for a role the endpoint does not admit, and neither for a role it does. The expected roles are
 * written here by hand, independent of the route declarations; a new endpoint must join this table.
 */
class AccessMatrixTest {
    private static final Set<String> ALL = Set.of("official", "clerk", "auditor", "admin", "handler");
    private static final Set<String> PUBLIC = Set.of();
    /** Public forms refused to everyone (403) without the token their page gave: the sign-in form. */
    private static final Set<String> PAGE_TOKEN_FIRST = Set.of("POST /signin");

    /** "METHOD path" → the demo users allowed; an empty set means public. */
    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            entry("GET /health", PUBLIC),
            entry("GET /metrics", PUBLIC),
            entry("GET /openapi.json", PUBLIC),
            entry("GET /docs", PUBLIC),
            entry("GET /webjars/swagger-ui/{version}/{file}", PUBLIC),
            entry("GET /api/v1/users/me", ALL),
            entry("GET /api/v1/users", Set.of("admin")),
            entry("POST /api/v1/users", Set.of("admin")),
            entry("GET /api/v1/users/{id}", Set.of("admin")),
            entry("POST /api/v1/users/{id}/disable", Set.of("admin")),
            entry("POST /api/v1/users/{id}/enable", Set.of("admin")),
            entry("POST /api/v1/users/{id}/tokens", Set.of("admin")),
            entry("GET /api/v1/users/{id}/tokens", Set.of("admin")),
            entry("DELETE /api/v1/users/{id}/tokens/{tokenId}", Set.of("admin")),
            entry("GET /api/v1/audit", Set.of("auditor", "admin")),
            entry("GET /api/v1/audit/verify", Set.of("auditor", "admin")),
            entry("POST /api/v1/admin/backup", Set.of("admin")),
            entry("POST /api/v1/documents", Set.of("official", "clerk", "admin")),
            entry("GET /api/v1/documents/{sha256}", ALL),
            entry("GET /pki/crl/{name}", PUBLIC),
            entry("GET /pki/certs/{name}", PUBLIC),
            entry("POST /pki/ocsp", PUBLIC),
            entry("POST /pki/tsa", PUBLIC),
            entry("GET /api/v1/keys", ALL),
            entry("POST /api/v1/keys", Set.of("admin")),
            entry("DELETE /api/v1/keys/{id}", Set.of("admin")),
            entry("POST /api/v1/keys/{id}/verify-pin", Set.of("official", "clerk")),
            entry("POST /api/v1/signatures", Set.of("official", "clerk")),
            entry("POST /api/v1/signatures/prepare", Set.of("official", "clerk")),
            entry("POST /api/v1/signatures/{preparationId}/complete", Set.of("official", "clerk")),
            entry("POST /api/v1/signatures/extend", Set.of("official", "clerk")),
            entry("POST /api/v1/validations", Set.of("auditor", "clerk", "official")),
            entry("GET /api/v1/validations", Set.of("auditor")),
            entry("GET /api/v1/validations/{id}", Set.of("auditor")),
            entry("GET /api/v1/validations/{id}/report.pdf", Set.of("auditor")),
            entry("POST /api/v1/dispatches", Set.of("official", "clerk")),
            entry("GET /api/v1/dispatches", ALL),
            entry("GET /api/v1/dispatches/{id}", ALL),
            entry("GET /api/v1/dispatches/{id}/file", ALL),
            entry("GET /api/v1/dispatches/{id}/edxml", ALL),
            entry("POST /api/v1/dispatches/{id}/sign", Set.of("official")),
            entry("POST /api/v1/dispatches/{id}/sign/prepare", Set.of("official")),
            entry("POST /api/v1/dispatches/{id}/sign/{preparationId}/complete", Set.of("official")),
            entry("POST /api/v1/dispatches/{id}/attachments", Set.of("official", "clerk")),
            entry("POST /api/v1/dispatches/{id}/issue", Set.of("clerk")),
            entry("POST /api/v1/copies", Set.of("clerk")),
            entry("GET /api/v1/registers/outgoing", Set.of("clerk", "auditor", "admin")),
            entry("GET /api/v1/numbering/{year}", ALL),
            entry("PUT /api/v1/numbering/{year}", Set.of("admin")),
            entry("GET /api/v1/catalogues/{year}", ALL),
            entry("PUT /api/v1/catalogues/{year}", Set.of("clerk", "admin")),
            entry("POST /api/v1/catalogues/{year}/approve", Set.of("official")),
            entry("GET /api/v1/catalogues/{year}/approvals", ALL),
            entry("GET /api/v1/catalogues/{year}/approvals/{version}/file", ALL),
            entry("POST /api/v1/dossiers", Set.of("clerk", "official")),
            entry("GET /api/v1/dossiers", ALL),
            entry("GET /api/v1/dossiers/due", Set.of("clerk", "admin", "auditor")),
            entry("GET /api/v1/dossiers/{id}", ALL),
            entry("POST /api/v1/dossiers/{id}/documents", Set.of("clerk", "official")),
            entry("DELETE /api/v1/dossiers/{id}/documents/{itemId}", Set.of("clerk", "official")),
            entry("POST /api/v1/dossiers/{id}/close", Set.of("clerk")),
            entry("GET /api/v1/dossiers/{id}/package", ALL),
            entry("POST /api/v1/dossiers/{id}/renew", Set.of("clerk", "admin")),
            entry("GET /api/v1/dossiers/{id}/export.pdf", ALL),
            entry("GET /api/v1/dossiers/{id}/export.xml", ALL),
            entry("POST /api/v1/dossiers/{id}/submit", Set.of("clerk")),
            entry("GET /api/v1/jobs/{id}", ALL),
            entry("POST /api/v1/digitizations", Set.of("clerk")),
            entry("POST /api/v1/digitizations/batches", Set.of("clerk")),
            entry("GET /api/v1/digitizations/{id}", Set.of("clerk", "auditor", "admin")),
            entry("POST /api/v1/digitizations/{id}/suggestions/accept", Set.of("clerk")),
            entry("GET /api/v1/digitizations/{id}/file", Set.of("clerk", "auditor", "admin")),
            entry("POST /api/v1/incoming", Set.of("clerk")),
            entry("GET /api/v1/incoming", ALL),
            entry("GET /api/v1/incoming/due", Set.of("clerk", "official", "auditor", "admin", "handler")),
            entry("GET /api/v1/incoming/{id}", ALL),
            entry("GET /api/v1/incoming/{id}/file", ALL),
            entry("POST /api/v1/incoming/{id}/register", Set.of("clerk")),
            entry("POST /api/v1/incoming/{id}/return", Set.of("clerk")),
            entry("POST /api/v1/incoming/{id}/direct", Set.of("official")),
            entry("POST /api/v1/incoming/{id}/progress", Set.of("handler", "official")),
            entry("POST /api/v1/incoming/{id}/complete", Set.of("handler", "official")),
            entry("GET /api/v1/registers/incoming", Set.of("clerk", "auditor", "admin")),
            entry("GET /api/v1/figures", Set.of("clerk", "auditor", "admin", "official")),
            // The pages for people (HTML; a bearer token is accepted as well as the session cookie).
            entry("GET /", PUBLIC),
            entry("GET /signin", PUBLIC),
            entry("POST /signin", PUBLIC),
            entry("POST /signout", ALL),
            entry("GET /password", ALL),
            entry("POST /password", ALL),
            entry("POST /api/v1/users/{id}/password", Set.of("admin")),
            entry("GET /assets/app.css", PUBLIC),
            entry("GET /validate", Set.of("auditor", "clerk", "official")),
            entry("POST /validate", Set.of("auditor", "clerk", "official")),
            entry("GET /validations", Set.of("auditor")),
            entry("GET /validations/{id}/report.pdf", Set.of("auditor")),
            entry("GET /audit", Set.of("auditor", "admin")),
            entry("GET /figures", Set.of("clerk", "auditor", "admin", "official")),
            entry("GET /figures/chart.png", Set.of("clerk", "auditor", "admin", "official")),
            entry("GET /figures/download", Set.of("clerk", "auditor", "admin", "official")),
            entry("GET /dispatches", ALL),
            entry("POST /dispatches/{id}/issue", Set.of("clerk")),
            entry("GET /dispatches/{id}/seal-preview.png", Set.of("clerk")),
            entry("GET /drafts", Set.of("official")),
            entry("POST /drafts/{id}/sign", Set.of("official")),
            entry("GET /drafts/{id}/preview.png", ALL),
            entry("GET /registers/outgoing", Set.of("clerk", "auditor", "admin")),
            entry("GET /incoming/new", Set.of("clerk")),
            entry("POST /incoming", Set.of("clerk")),
            entry("GET /incoming", ALL),
            entry("POST /incoming/{id}/register", Set.of("clerk")),
            entry("GET /directions", Set.of("official")),
            entry("POST /incoming/{id}/direct", Set.of("official")),
            entry("GET /handling", Set.of("handler", "official")),
            entry("POST /incoming/{id}/progress", Set.of("handler", "official")),
            entry("POST /incoming/{id}/complete", Set.of("handler", "official")),
            entry("GET /handling/{id}/answer", Set.of("handler", "official")),
            entry("GET /handling/{id}/file", Set.of("handler", "official")),
            entry("POST /handling/{id}/file", Set.of("handler", "official")),
            entry("POST /handling/{id}/answer", Set.of("handler", "official")),
            entry("GET /registers/incoming", Set.of("clerk", "auditor", "admin")),
            entry("GET /admin/users", Set.of("admin")),
            entry("POST /admin/users", Set.of("admin")),
            entry("POST /admin/users/{id}/password", Set.of("admin")),
            entry("POST /admin/users/{id}/disabled", Set.of("admin")),
            entry("POST /admin/users/{id}/tokens", Set.of("admin")),
            entry("GET /api/v1/organs", Set.of("admin")),
            entry("POST /api/v1/organs", Set.of("admin")),
            entry("GET /api/v1/organs/{organId}", Set.of("admin")),
            entry("PUT /api/v1/organs/{organId}", Set.of("admin")),
            entry("DELETE /api/v1/organs/{organId}", Set.of("admin")),
            entry("POST /api/v1/organs/{organId}/tokens", Set.of("admin")),
            entry("PUT /api/v1/dispatches/{id}/response-for", Set.of("official", "clerk")),
            entry("POST /api/v1/dispatches/{id}/send", Set.of("clerk")),
            entry("GET /api/v1/dispatches/{id}/deliveries", ALL),
            entry("POST /api/v1/dispatches/{id}/recall", Set.of("clerk")),
            // Only a partner organ's account (role PARTNER; no demo user holds it) delivers to the inbox.
            entry("POST /api/v1/exchange/inbox", Set.of("partner")),
            entry("GET /catalogue", ALL),
            entry("POST /catalogue", Set.of("clerk", "admin")),
            entry("POST /catalogue/approve", Set.of("official")),
            entry("GET /catalogue/{year}/print", ALL),
            entry("GET /catalogue/{year}/approvals/{version}/file", ALL),
            entry("GET /dossiers", ALL),
            entry("POST /dossiers", Set.of("clerk", "official")),
            entry("GET /dossiers/{id}", ALL),
            entry("POST /dossiers/{id}/documents", Set.of("clerk", "official")),
            entry("POST /dossiers/{id}/close", Set.of("clerk")),
            entry("GET /dossiers/{id}/package", ALL),
            entry("POST /dossiers/{id}/renew", Set.of("clerk", "admin")),
            entry("POST /dossiers/{id}/submit", Set.of("clerk")),
            entry("GET /admin/keys", Set.of("admin")),
            entry("POST /admin/keys", Set.of("admin")),
            entry("POST /admin/keys/pkcs11", Set.of("admin")),
            entry("POST /admin/keys/{id}/delete", Set.of("admin")),
            entry("GET /admin/organs", Set.of("admin")),
            entry("POST /admin/organs", Set.of("admin")),
            entry("POST /admin/organs/{organId}", Set.of("admin")),
            entry("POST /admin/organs/{organId}/delete", Set.of("admin")),
            entry("POST /admin/organs/{organId}/tokens", Set.of("admin")),
            entry("GET /admin/numbering", Set.of("admin")),
            entry("POST /admin/numbering", Set.of("admin")),
            entry("GET /admin/trust", Set.of("admin")),
            entry("GET /api/v1/trust-anchors", Set.of("admin", "auditor")),
            entry("GET /digitizations/new", Set.of("clerk")),
            entry("POST /digitizations", Set.of("clerk")),
            entry("GET /digitizations/{id}", Set.of("clerk", "auditor", "admin")),
            entry("POST /digitizations/{id}/suggestions/accept", Set.of("clerk")),
            entry("GET /digitizations/{id}/file", Set.of("clerk", "auditor", "admin")),
            entry("GET /copies/new", Set.of("clerk")),
            entry("GET /pictures/{file}", ALL),
            entry("POST /copies", Set.of("clerk")));

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every "METHOD path" that /openapi.json describes. */
    static List<String> describedRoutes(TestServer s) {
        JsonNode paths = s.get("/openapi.json", null).json().path("paths");
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.path(path).fieldNames().forEachRemaining(m -> out.add(m.toUpperCase() + " " + path));
        }
        return out;
    }

    @Test
    void every_endpoint_is_in_the_access_table() {
        assertEquals(new TreeSet<>(EXPECTED.keySet()), new TreeSet<>(describedRoutes(server)));
    }

    @Test
    void every_endpoint_answers_each_role_and_no_token_as_the_table_says() {
        List<String> wrong = new ArrayList<>();
        for (String route : describedRoutes(server)) {
            Set<String> allowed = EXPECTED.getOrDefault(route, PUBLIC);
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x0");
            int admitted = PAGE_TOKEN_FIRST.contains(route) ? 403 : -1;
            check(wrong, route, method, path, null, allowed.isEmpty() ? admitted : 401);
            for (String user : ALL) {
                int expected = allowed.isEmpty() || allowed.contains(user) ? admitted : 403;
                check(wrong, route, method, path, user, expected);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** expected -1 means "admitted": anything but 401, 403 and 5xx. */
    private static void check(List<String> wrong, String route, String method, String path, String user, int expected) {
        HttpRequest.Builder b = server.request(path, user);
        HttpRequest req = switch (method) {
            case "GET" -> b.GET().build();
            case "DELETE" -> b.DELETE().build();
            default -> b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}")).build();
        };
        int status = server.send(req).status();
        boolean ok = expected == -1 ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!ok) {
            wrong.add(route + " as " + (user == null ? "no token" : user) + ": got " + status
                    + (expected == -1 ? ", expected admitted" : ", expected " + expected));
        }
    }
}
