package vn.vanthu.pages;

import org.junit.jupiter.api.Test;
import vn.vanthu.bench.RegisterData;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page of a register costs the same statements whatever the year holds: H2's own statistics count the
 * executions of every statement that reads the registers' tables (and the organs and users a row names) while the
 * registers are read, for a year of 30 documents each way and for one twenty times larger, where a page holds
 * 200 rows with a hundred different recipients and lead people.
 */
class RegisterQueryCountTest {
    private static final List<String> PATHS = List.of("/registers/outgoing?year=2025",
            "/registers/outgoing?year=2025&q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91",
            "/registers/incoming?year=2025", "/registers/incoming?year=2025&q=ubnd",
            "/registers/incoming?year=2025&secret=true", "/api/v1/registers/outgoing?year=2025&limit=200",
            "/api/v1/registers/incoming?year=2025&limit=200");

    @Test
    void a_register_page_runs_the_same_few_queries_for_thirty_rows_and_for_six_hundred() throws SQLException {
        try (TestServer s = TestServer.start(Databases.Kind.H2);
             Connection c = s.database().connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET QUERY_STATISTICS TRUE");
                st.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
            }
            RegisterData.insert(c, 2025, 30, 30, 0);
            Map<String, Long> small = perPath(s, c, false);
            assertEquals(30, s.get("/api/v1/registers/outgoing?year=2025&limit=500", "clerk").json().path("items").size());

            RegisterData.insert(c, 2025, 570, 570, 1000);
            Map<String, Long> large = perPath(s, c, true);
            assertEquals(200, rows(s.get("/registers/outgoing?year=2025&page=3", "clerk").text()), "the third of 3 pages");

            assertEquals(small, large, "statements per request, 30 rows against 600");
            large.forEach((path, n) -> assertTrue(n >= 1 && n <= 4, path + " ran " + n + " statements: " + large));
        }
    }

    /** The statements each register request ran; a page without filter is full ({@code full}) or not empty. */
    private static Map<String, Long> perPath(TestServer s, Connection c, boolean full) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (String path : PATHS) {
            s.get(path, "clerk");   // a first call, so that the caller's own sign-in bookkeeping is done
            long before = executions(c);
            TestServer.Response r = s.get(path, "clerk");
            long ran = executions(c) - before;
            assertEquals(200, r.status(), path + ": " + r.text());
            if (!path.contains("q=") && !path.contains("secret")) {
                int shown = path.startsWith("/api/") ? r.json().path("items").size() : rows(r.text());
                assertTrue(full ? shown == 200 : shown > 0, path + " shows " + shown + " rows");
            }
            out.put(path, ran);
        }
        return out;
    }

    /** The rows of a page's table (its heading row aside). */
    private static int rows(String html) {
        return html.split("<tr>", -1).length - 2;
    }

    /** Executions so far of the statements that read the registers' tables, or the organs and users rows name. */
    private static long executions(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                     + "WHERE (LOWER(SQL_STATEMENT) LIKE '%from dispatches%' OR LOWER(SQL_STATEMENT) LIKE '%from incoming%' "
                     + "OR LOWER(SQL_STATEMENT) LIKE '%from organs%' OR LOWER(SQL_STATEMENT) LIKE '%from users%') "
                     + "AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
