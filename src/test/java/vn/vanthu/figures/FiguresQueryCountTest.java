package vn.vanthu.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.bench.FiguresData;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The figures run the same statements however many records there are: H2's own statistics count the executions
 * of the figures' grouped queries for a small year and for one ten times larger.
 */
class FiguresQueryCountTest {
    @Test
    void ten_times_the_records_take_the_same_seven_queries() throws SQLException {
        try (TestServer s = TestServer.start(Databases.Kind.H2);
             Connection c = s.database().connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET QUERY_STATISTICS TRUE");
            }
            FiguresData.insert(c, 2025, 40, 120, 6, 0);
            long before = executions(c);
            JsonNode small = figures(s);
            long small1 = executions(c) - before;
            assertEquals(40, small.path(0).path("outgoing").path("issued").asLong(), small.toString());
            assertEquals(120, small.path(0).path("incoming").path("registered").asLong(), small.toString());
            assertEquals(6, small.path(0).path("dossiers").path("opened").asLong(), small.toString());

            FiguresData.insert(c, 2025, 400, 1200, 60, 1000);
            before = executions(c);
            JsonNode large = figures(s);
            long large1 = executions(c) - before;
            assertEquals(440, large.path(0).path("outgoing").path("issued").asLong(), large.toString());
            assertEquals(1320, large.path(0).path("incoming").path("registered").asLong(), large.toString());
            assertEquals(66, large.path(0).path("dossiers").path("opened").asLong(), large.toString());

            assertEquals(FiguresDao.QUERY_COUNT, small1, "queries for 166 records");
            assertEquals(FiguresDao.QUERY_COUNT, large1, "queries for 1,660 records");
        }
    }

    private static JsonNode figures(TestServer s) {
        TestServer.Response r = s.get("/api/v1/figures?year=2025&period=year", "auditor");
        assertEquals(200, r.status(), r.text());
        return r.json().path("periods");
    }

    /** Executions so far of the statements that read Vietnam days the figures' way (only the figures' queries do). */
    private static long executions(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                     + "WHERE SQL_STATEMENT LIKE '%AT TIME ZONE ''Asia/Ho_Chi_Minh''%' AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
