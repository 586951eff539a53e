package vn.vanthu.figures;

import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

/** The same known history on PostgreSQL gives the same figures: the grouped queries mean the same on both. */
class FiguresPostgresTest {
    @Test
    void the_known_history_gives_the_same_figures_on_postgresql() throws InterruptedException {
        TestClock clock = TestClock.at("2026-09-01T08:00");
        try (TestServer s = TestServer.start(Databases.Kind.POSTGRES, FiguresHistory.ENV, clock)) {
            new FiguresHistory(s, clock).build();
            FiguresTest.assertQuarters(s);
        }
    }
}
