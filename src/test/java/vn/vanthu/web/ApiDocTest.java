package vn.vanthu.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds docs/api.md to the routes the service really serves, read from its own {@code /openapi.json} (the same
 * source as {@link OpenApiTest} and {@link AccessMatrixTest}): each route has one row there whose roles and
 * summary are exactly the declared ones, and the page lists no route that does not exist. A failure prints the
 * rows to paste.
 */
class ApiDocTest {
    private static final Path API_DOC = Path.of("docs/api.md");
    /** A table row whose first cell is a route in backticks: | `GET /path` | roles | summary | … */
    private static final Pattern ROUTE_ROW = Pattern.compile("^\\|\\s*`([A-Z]+ /[^`]*)`\\s*\\|");
    /** A cell separator: a pipe that Markdown does not read as text (not escaped as \|). */
    private static final Pattern CELL = Pattern.compile("(?<!\\\\)\\|");
    private static final List<String> ALL_ROLES = List.of("ADMIN", "AUDITOR", "CLERK", "HANDLER", "OFFICIAL");

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
    void every_served_route_has_one_row_in_docs_api_with_its_roles_and_summary() throws IOException {
        Map<String, String> expected = expectedRows(server.get("/openapi.json", null).json());
        Map<String, List<String>> documented = documentedRows();
        List<String> wrong = new ArrayList<>();
        expected.forEach((route, row) -> {
            List<String> rows = documented.getOrDefault(route, List.of());
            if (rows.size() != 1) {
                wrong.add(rows.size() + " rows for " + route + "; expected one starting with:\n    " + row);
            } else if (!rows.get(0).startsWith(row)) {
                wrong.add("Row of " + route + " differs from the route table:\n    was:    " + rows.get(0)
                        + "\n    starts: " + row);
            }
        });
        assertTrue(wrong.isEmpty(), API_DOC + " does not match /openapi.json:\n" + String.join("\n", wrong));
    }

    @Test
    void docs_api_lists_no_route_that_the_service_does_not_serve() throws IOException {
        Map<String, String> expected = expectedRows(server.get("/openapi.json", null).json());
        TreeSet<String> unknown = new TreeSet<>(documentedRows().keySet());
        unknown.removeAll(expected.keySet());
        assertTrue(unknown.isEmpty(), API_DOC + " lists routes the service does not have: " + unknown);
    }

    /** "METHOD path" → the start of its row: | `METHOD path` | roles | summary | */
    static Map<String, String> expectedRows(JsonNode openapi) {
        Map<String, String> rows = new TreeMap<>();
        JsonNode paths = openapi.path("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.path(path).fields().forEachRemaining(op -> {
                String route = op.getKey().toUpperCase() + " " + path;
                String summary = op.getValue().path("summary").asText().replace("|", "\\|");
                rows.put(route, "| `" + route + "` | " + roles(route, op.getValue()) + " | " + summary + " |");
            });
        }
        return rows;
    }

    /** "public", "any user" or the sorted role names, from the operation's security and description. */
    private static String roles(String route, JsonNode operation) {
        if (operation.path("security").isArray() && operation.path("security").isEmpty()) {
            return "public";
        }
        Matcher m = Pattern.compile("^Roles: \\[([A-Z, ]+)]$").matcher(operation.path("description").asText());
        assertTrue(m.matches(), route + ": the OpenAPI description no longer states the roles as 'Roles: [...]'");
        List<String> roles = List.of(m.group(1).split(", ")).stream().sorted().toList();
        return roles.equals(ALL_ROLES) ? "any user" : String.join(", ", roles);
    }

    /** "METHOD path" → every table row of docs/api.md for it, cells normalised to "| a | b | c |". */
    private static Map<String, List<String>> documentedRows() throws IOException {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : Files.readAllLines(API_DOC)) {
            Matcher m = ROUTE_ROW.matcher(line);
            if (m.find()) {
                rows.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(normalised(line));
            }
        }
        return rows;
    }

    private static String normalised(String row) {
        String[] cells = CELL.split(row.trim(), -1);
        StringBuilder out = new StringBuilder("|");
        for (int i = 1; i < cells.length - 1; i++) {
            out.append(' ').append(cells[i].trim()).append(" |");
        }
        return out.toString();
    }
}
