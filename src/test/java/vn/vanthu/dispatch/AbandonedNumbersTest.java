package vn.vanthu.dispatch;

import vn.vanthu.support.TestClock;
import org.junit.jupiter.api.Test;
import vn.vanthu.config.AppConfig;
import vn.vanthu.store.Database;
import vn.vanthu.store.Instance;
import vn.vanthu.support.Databases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Numbers held by an instance killed mid-issue go to the next issue as soon as the instance is known dead, not
 * after their ten-minute lease (which could cross the year end and leave a gap in last year's series).
 */
class AbandonedNumbersTest {
    private static final Duration LEASE = Duration.ofMinutes(10);

    private static Database open(Databases.Target t, Path data) {
        return Database.open(new AppConfig.Storage(data, t.url(), t.user(), t.password(), 4));
    }

    @Test
    void on_h2_a_restart_gives_the_number_of_the_killed_process_to_the_next_issue() throws Exception {
        Path dir = Files.createTempDirectory("vanthu-crash");
        var target = Databases.fresh(Databases.Kind.H2, dir);
        TestClock clock = TestClock.starting(Instant.parse("2026-12-31T16:55:00Z"));
        Database before = open(target, dir);
        NumberSeries killed = new NumberSeries(before, clock, LEASE, Instance.register(before, clock));
        assertEquals(1, killed.reserve("SKHCN", SeriesKind.OUTGOING).value());
        before.close();   // the process dies: nothing released, no heartbeat, no instance row removed

        try (Database after = open(target, dir)) {
            NumberSeries restarted = new NumberSeries(after, clock, LEASE, Instance.register(after, clock));
            assertEquals(1, restarted.releaseAbandoned());
            var next = restarted.reserve("SKHCN", SeriesKind.OUTGOING);
            assertEquals(1, next.value(), "the same number, at once: still 2026 and no gap");
            assertEquals(2026, next.year());
        }
    }

    @Test
    void on_postgresql_a_live_instance_keeps_its_number_and_a_silent_one_loses_it_after_three_heartbeats() throws Exception {
        Path dir = Files.createTempDirectory("vanthu-crash");
        var target = Databases.fresh(Databases.Kind.POSTGRES, dir);
        TestClock clock = TestClock.starting(Instant.parse("2026-11-26T02:00:00Z"));
        try (Database db = open(target, dir)) {
            NumberSeries a = new NumberSeries(db, clock, LEASE, Instance.register(db, clock));
            var held = a.reserve("SKHCN", SeriesKind.OUTGOING);

            Instance other = Instance.register(db, clock);
            NumberSeries b = new NumberSeries(db, clock, LEASE, other);
            assertEquals(0, b.releaseAbandoned(), "a's heartbeat is fresh: it may still be signing with that number");
            var second = b.reserve("SKHCN", SeriesKind.OUTGOING);
            assertEquals(held.value() + 1, second.value());

            clock.advance(Instance.STALE.plusSeconds(1));   // a was killed: it beats no more; b does
            other.beat();
            assertEquals(1, b.releaseAbandoned());
            assertEquals(held.value(), b.reserve("SKHCN", SeriesKind.OUTGOING).value());
            assertEquals(0, b.releaseAbandoned(), "b's own reservations stay while it beats");
        }
    }
}
