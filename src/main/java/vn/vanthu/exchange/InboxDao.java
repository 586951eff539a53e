package vn.vanthu.exchange;

import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.store.Instance;
import vn.vanthu.store.SqlStates;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Rows of {@code exchange_inbox} (V80): one per message the inbox takes, claimed before it is kept and marked with
 * what it became. A second delivery of a kept message answers 409 ALREADY_RECEIVED; one arriving while the first is
 * still being kept answers 409 RECEIVING (the sender tries again); a claim left by a killed instance is taken over
 * as soon as that instance is known dead (its heartbeat stale or its row gone), or after {@link #STALE} in any case.
 */
final class InboxDao {
    static final Duration STALE = Duration.ofMinutes(2);

    private final Database db;
    private final Instance instance;

    InboxDao(Database db, Instance instance) {
        this.db = db;
        this.instance = instance;
    }

    void claim(String organId, String key, OffsetDateTime now) {
        OffsetDateTime t = now.withOffsetSameInstant(ZoneOffset.UTC);
        try {
            db.useTransaction(h -> h.createUpdate("INSERT INTO exchange_inbox (organ_id, message_key, claimed_at, claimed_by) "
                    + "VALUES (:o, :k, :t, :by)").bind("o", organId).bind("k", key).bind("t", t).bind("by", instance.id())
                    .execute());
            return;
        } catch (RuntimeException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
        }
        String kept = db.withHandle(h -> h.createQuery("SELECT incoming_id FROM exchange_inbox WHERE organ_id = :o "
                + "AND message_key = :k").bind("o", organId).bind("k", key).mapTo(String.class).findOne().orElse(null));
        if (kept != null) {
            throw ApiException.conflict("ALREADY_RECEIVED", "This message was received already");
        }
        int taken = db.withHandle(h -> h.createUpdate("UPDATE exchange_inbox SET claimed_at = :t, claimed_by = :by "
                        + "WHERE organ_id = :o AND message_key = :k AND incoming_id IS NULL AND (claimed_at < :stale "
                        + "OR NOT EXISTS (SELECT 1 FROM instances i WHERE i.id = exchange_inbox.claimed_by AND i.heartbeat_at >= :alive))")
                .bind("t", t).bind("by", instance.id()).bind("o", organId).bind("k", key).bind("stale", t.minus(STALE))
                .bind("alive", instance.staleBefore()).execute());
        if (taken != 1) {
            throw ApiException.conflict("RECEIVING", "This message is being received by another request; send it again later");
        }
    }

    void done(String organId, String key, String incomingId) {
        db.useTransaction(h -> h.createUpdate("UPDATE exchange_inbox SET incoming_id = :i WHERE organ_id = :o AND message_key = :k")
                .bind("i", incomingId).bind("o", organId).bind("k", key).execute());
    }

    void release(String organId, String key) {
        db.useTransaction(h -> h.createUpdate("DELETE FROM exchange_inbox WHERE organ_id = :o AND message_key = :k "
                + "AND incoming_id IS NULL").bind("o", organId).bind("k", key).execute());
    }
}
