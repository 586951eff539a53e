package vn.vanthu.exchange;

import org.junit.jupiter.api.Test;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.store.Instance;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A delivery leased by a killed sender, and a message claimed by a killed receiver, are taken over as soon as the
 * killed instance is known dead — at the next start on H2, three missed heartbeats later on PostgreSQL — rather
 * than when the 90-second lease or the 2-minute claim runs out.
 */
class AbandonedExchangeClaimsTest {
    private static Database open(Databases.Target t, Path data) {
        return Database.open(new AppConfig.Storage(data, t.url(), t.user(), t.password(), 4));
    }

    private static OffsetDateTime now(TestClock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Test
    void on_h2_a_restart_posts_what_the_killed_process_had_leased_and_takes_over_its_inbox_claim() throws Exception {
        Path dir = Files.createTempDirectory("vanthu-exchange-crash");
        var target = Databases.fresh(Databases.Kind.H2, dir);
        TestClock clock = TestClock.starting(Instant.parse("2026-12-07T02:00:00Z"));
        Database before = open(target, dir);
        Instance killed = Instance.register(before, clock);
        OutboxDao outbox = new OutboxDao(before, clock, killed);
        outbox.queueStatus("S|d1|B|03", "000.00.01.H56", null, "DOC-1", "in-1", "03", "Đã vào sổ", null);
        assertEquals(1, outbox.claim("t1", now(clock), now(clock).plusSeconds(90), 8).size());
        new InboxDao(before, killed).claim("000.00.12.H56", "DOC-9", now(clock));
        before.close();   // killed: no lease given back, no claim released, no instance row removed

        try (Database after = open(target, dir)) {
            Instance restarted = Instance.register(after, clock);
            OutboxDao again = new OutboxDao(after, clock, restarted);
            assertEquals(1, again.releaseAbandoned());
            assertEquals(1, again.claim("t2", now(clock), now(clock).plusSeconds(90), 8).size(),
                    "due at once, not 90 seconds later");
            assertDoesNotThrow(() -> new InboxDao(after, restarted).claim("000.00.12.H56", "DOC-9", now(clock)),
                    "the sender's retry is taken, not answered RECEIVING for two minutes");
        }
    }

    @Test
    void on_postgresql_a_live_instance_keeps_its_lease_and_claim_and_a_silent_one_loses_them_after_three_heartbeats()
            throws Exception {
        Path dir = Files.createTempDirectory("vanthu-exchange-crash");
        var target = Databases.fresh(Databases.Kind.POSTGRES, dir);
        TestClock clock = TestClock.starting(Instant.parse("2026-12-07T02:00:00Z"));
        try (Database db = open(target, dir)) {
            Instance a = Instance.register(db, clock);
            new OutboxDao(db, clock, a).queueStatus("S|d1|B|03", "000.00.01.H56", null, "DOC-1", "in-1", "03", "Đã vào sổ", null);
            assertEquals(1, new OutboxDao(db, clock, a).claim("t1", now(clock), now(clock).plusSeconds(90), 8).size());
            new InboxDao(db, a).claim("000.00.12.H56", "DOC-9", now(clock));

            Instance b = Instance.register(db, clock);
            OutboxDao outbox = new OutboxDao(db, clock, b);
            InboxDao inbox = new InboxDao(db, b);
            assertEquals(0, outbox.releaseAbandoned(), "a beats: it may still be posting");
            assertEquals("RECEIVING", assertThrows(ApiException.class,
                    () -> inbox.claim("000.00.12.H56", "DOC-9", now(clock))).code());

            clock.advance(Instance.STALE.plusSeconds(1));   // a was killed; b beats
            b.beat();
            assertEquals(1, outbox.releaseAbandoned());
            assertEquals(1, outbox.claim("t2", now(clock), now(clock).plusSeconds(90), 8).size());
            assertDoesNotThrow(() -> inbox.claim("000.00.12.H56", "DOC-9", now(clock)));
            assertEquals(0, outbox.releaseAbandoned(), "b's own lease stays while it beats");
        }
    }
}
