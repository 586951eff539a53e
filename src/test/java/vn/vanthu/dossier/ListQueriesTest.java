package vn.vanthu.dossier;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List endpoints ask the database a fixed number of questions, whatever the page size: the statements that
 * touch the dossier tables are counted (through Jdbi's SQL logger) while the list is answered over HTTP.
 */
class ListQueriesTest {
    private static final int DOSSIERS = 51;
    private static TestServer s;
    private static final AtomicInteger statements = new AtomicInteger();

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2);
        for (int i = 1; i <= DOSSIERS; i++) {
            String id = DossierPackages.open(s, String.format("L%02d.LIST", i));
            DossierPackages.fileUpload(s, id, "scan.pdf", DossierPackages.scan("BẢN QUÉT " + i), null);
        }
        s.app().database().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext ctx) {
                // The renewal job runs on its own thread; only what a request asks is counted.
                if (ctx.getRenderedSql().contains("dossier") && !Thread.currentThread().getName().equals("package-renewal")) {
                    statements.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static int statementsFor(String path) {
        statements.set(0);
        var r = s.get(path, "clerk");
        assertEquals(200, r.status(), r.text());
        return statements.get();
    }

    @Test
    void the_dossier_list_asks_as_often_for_one_dossier_as_for_fifty() {
        int one = statementsFor("/api/v1/dossiers?limit=1");
        int fifty = statementsFor("/api/v1/dossiers?limit=50");
        assertEquals(50, s.get("/api/v1/dossiers?limit=50", "clerk").json().path("items").size());
        assertEquals(1, s.get("/api/v1/dossiers?limit=1", "clerk").json().path("items").get(0).path("docTotal").asInt(),
                "the totals still come with each dossier");
        assertEquals(one, fifty, "statements for a page of 1 and of 50");
        assertTrue(one <= 3, one + " statements for one page");
    }

    @Test
    void the_due_list_asks_as_often_for_one_due_dossier_as_for_fifty() {
        LocalDate ended = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(13);
        closeAsOf(ended, "L01.LIST");
        int one = statementsFor("/api/v1/dossiers/due?within=30d");
        assertEquals(1, s.get("/api/v1/dossiers/due?within=30d", "clerk").json().path("items").size());
        for (int i = 2; i <= 50; i++) {
            closeAsOf(ended, String.format("L%02d.LIST", i));
        }
        int fifty = statementsFor("/api/v1/dossiers/due?within=30d");
        var due = s.get("/api/v1/dossiers/due?within=30d", "clerk").json().path("items");
        assertEquals(50, due.size());
        assertEquals(1, due.get(0).path("docTotal").asInt());
        assertEquals(one, fifty, "statements for 1 due dossier and for 50");
    }

    /** Test set-up: a dossier closed long ago (closing for real takes a seal and a package; the list needs neither). */
    private static void closeAsOf(LocalDate ended, String symbol) {
        s.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE dossiers SET status = 'CLOSED', end_date = :e "
                + "WHERE symbol = :s").bindMap(Map.of("e", ended.toString(), "s", symbol)).execute());
    }
}
