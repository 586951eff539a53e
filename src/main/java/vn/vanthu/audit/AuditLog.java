package vn.vanthu.audit;

import java.time.Clock;
import vn.vanthu.store.Database;
import vn.vanthu.store.Hashes;
import vn.vanthu.web.RequestOrigin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only, hash-chained audit trail. Each event's hash covers its fields and the previous event's hash;
 * appends take a row lock on {@code audit_head}, so the chain stays linear even with several instances.
 * A business change writes its event in its own transaction (the feature's DAO calls {@link AuditDao}); requests
 * that changed nothing (denied, failed) are recorded here afterwards.
 * {@link #verify()} recomputes the chain and names the first event that no longer fits.
 *
 * <pre>{@code
 * audit.append(new AuditLog.Entry(userId, "SIGN", signatureId, "SUCCESS", requestId, "PAdES-BASELINE-B", clock.instant()));
 * AuditLog.Verification v = audit.verify();   // v.intact(), v.firstBrokenEventId()
 * }</pre>
 */
public final class AuditLog implements vn.vanthu.web.RequestAudit {
    private static final String GENESIS = "0".repeat(64);

    /** What a caller records; the log adds the time, the sequence number and the hashes. */
    public record Entry(String userId, String action, String object, String outcome, String requestId, String details,
                        Instant at) {
        /**
         * The SUCCESS event of a change made by this request, written in the change's transaction; null (no
         * event) for a change made outside a request. A null action names the route.
         */
        public static Entry ofChange(RequestOrigin origin, String action, String object, String details) {
            return origin == null ? null : new Entry(origin.userId(), action == null ? origin.route() : action,
                    object, "SUCCESS", origin.requestId(), details, origin.at());
        }
    }

    /** A page of events, newest first, and the cursor for the next page. */
    public record Page(List<AuditEvent> items, String nextCursor) {}

    public record Filter(Instant from, Instant to, String userId, String action, String object) {}

    public record Verification(boolean intact, long events, Long firstBrokenEventId) {}

    private final AuditDao dao;

    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.clock = clock;
        this.dao = new AuditDao(db);
    }

    @Override
    public void record(String userId, String action, String object, String outcome, String requestId, String details) {
        append(new Entry(userId, action, object, outcome, requestId, details, clock.instant()));
    }

    /** Appends one event in its own transaction, durable when this returns. */
    public AuditEvent append(Entry e) {
        return dao.append(e);
    }

    public Page list(Filter f, int limit, Long beforeId) {
        List<AuditEvent> rows = dao.list(f, limit, beforeId);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<AuditEvent> page = new ArrayList<>(rows.subList(0, limit));
        return new Page(page, Long.toString(page.get(limit - 1).id()));
    }

    /** Recomputes every hash in order; a changed, inserted or removed event breaks the chain at that event. */
    public Verification verify() {
        Chain chain = new Chain();
        Verification atHead = dao.walk(chain::accepts, chain::endsAt);
        return chain.broken != null ? chain.broken : atHead;
    }

    /** The state of one walk along the chain. */
    private static final class Chain {
        private String expectedPrev = GENESIS;
        private long expectedSeq = 1;
        private long count;
        private Verification broken;

        boolean accepts(AuditEvent ev) {
            count++;
            if (ev.id() != expectedSeq) {
                broken = new Verification(false, count, expectedSeq);   // the missing event's id
                return false;
            }
            if (!ev.prevHash().equals(expectedPrev) || !hash(ev).equals(ev.hash())) {
                broken = new Verification(false, count, ev.id());
                return false;
            }
            expectedPrev = ev.hash();
            expectedSeq++;
            return true;
        }

        Verification endsAt(long headSeq, String headHash) {
            long lastSeq = expectedSeq - 1;
            if (headSeq != lastSeq || !expectedPrev.equals(headHash)) {
                // Events were removed from the end (or added without going through the log).
                return new Verification(false, count, Math.min(headSeq, lastSeq) + 1);
            }
            return new Verification(true, count, null);
        }
    }

    static String hash(AuditEvent e) {
        String canonical = String.join("\u001f", Long.toString(e.id()),
                Long.toString(e.at().toInstant().toEpochMilli()), nz(e.userId()), nz(e.action()), nz(e.object()),
                nz(e.outcome()), nz(e.requestId()), nz(e.details()), e.prevHash());
        return Hashes.sha256Hex(canonical);
    }

    private static String nz(String s) {
        return s == null ? "\u0000" : s;
    }
}
