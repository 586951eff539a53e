package vn.vanthu.audit;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import vn.vanthu.store.Database;
import vn.vanthu.store.Hashes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained audit trail. Each event's hash covers its fields and the previous event's hash;
 * appends take a row lock on {@code audit_head}, so the chain stays linear even with several instances.
 * {@link #verify()} recomputes the chain and names the first event that no longer fits.
 *
 * <pre>{@code
 * audit.append(new AuditLog.Entry(userId, "SIGN", signatureId, "SUCCESS", requestId, "PAdES-BASELINE-B"));
 * AuditLog.Verification v = audit.verify();   // v.intact(), v.firstBrokenEventId()
 * }</pre>
 */
public final class AuditLog implements vn.vanthu.web.RequestAudit {
    private static final String GENESIS = "0".repeat(64);
    private static final RowMapper<AuditEvent> EVENT = (rs, ctx) -> new AuditEvent(rs.getLong("seq"),
            rs.getObject("at", OffsetDateTime.class), rs.getString("user_id"), rs.getString("action"),
            rs.getString("object"), rs.getString("outcome"), rs.getString("request_id"), rs.getString("details"),
            rs.getString("prev_hash"), rs.getString("hash"));

    /** What a caller records; the log adds the time, the sequence number and the hashes. */
    public record Entry(String userId, String action, String object, String outcome, String requestId, String details) {}

    /** A page of events, newest first, and the cursor for the next page. */
    public record Page(List<AuditEvent> items, String nextCursor) {}

    public record Filter(Instant from, Instant to, String userId, String action, String object) {}

    public record Verification(boolean intact, long events, Long firstBrokenEventId) {}

    private final Jdbi jdbi;

    public AuditLog(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public void record(String userId, String action, String object, String outcome, String requestId, String details) {
        append(new Entry(userId, action, object, outcome, requestId, details));
    }

    /**
     * Appends one event in its own transaction: the head row is locked, the event is written with the next
     * sequence number and the hash over it and the previous hash, the head moves on, and the commit makes it
     * durable before this returns. The three statements go straight to JDBC on the transaction's connection:
     * this runs after every state-changing request, and Jdbi's per-statement machinery (statement context,
     * argument binding by reflection, row maps) cost about as much as the statements themselves.
     */
    public AuditEvent append(Entry e) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return jdbi.inTransaction(h -> {
            try {
                return append(h.getConnection(), e, at);
            } catch (SQLException ex) {
                throw new IllegalStateException("The audit event could not be written", ex);
            }
        });
    }

    private static AuditEvent append(Connection c, Entry e, OffsetDateTime at) throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement head = c.prepareStatement(LOCK_HEAD); ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("audit_head has no row");
            }
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        AuditEvent ev = new AuditEvent(seq, at, e.userId(), clip(e.action(), 120), clip(e.object(), 500),
                clip(e.outcome(), 40), clip(e.requestId(), 64), clip(e.details(), 2000), prev, null);
        String hash = hash(ev);
        try (PreparedStatement insert = c.prepareStatement(INSERT_EVENT)) {
            insert.setLong(1, seq);
            insert.setObject(2, at);
            insert.setString(3, ev.userId());
            insert.setString(4, ev.action());
            insert.setString(5, ev.object());
            insert.setString(6, ev.outcome());
            insert.setString(7, ev.requestId());
            insert.setString(8, ev.details());
            insert.setString(9, prev);
            insert.setString(10, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement move = c.prepareStatement(MOVE_HEAD)) {
            move.setLong(1, seq);
            move.setString(2, hash);
            move.executeUpdate();
        }
        return new AuditEvent(seq, at, ev.userId(), ev.action(), ev.object(), ev.outcome(), ev.requestId(),
                ev.details(), prev, hash);
    }

    private static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String INSERT_EVENT = "INSERT INTO audit_events (seq, at, user_id, action, object, outcome, "
            + "request_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MOVE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";

    public Page list(Filter f, int limit, Long beforeId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_events WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        where(sql, binds, "at >= :from", "from", f.from() == null ? null : f.from().atOffset(ZoneOffset.UTC));
        where(sql, binds, "at < :to", "to", f.to() == null ? null : f.to().atOffset(ZoneOffset.UTC));
        where(sql, binds, "user_id = :user", "user", f.userId());
        where(sql, binds, "action = :action", "action", f.action());
        where(sql, binds, "object = :object", "object", f.object());
        where(sql, binds, "seq < :before", "before", beforeId);
        sql.append(" ORDER BY seq DESC LIMIT ").append(limit + 1);
        List<AuditEvent> rows = jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString());
            binds.forEach(q::bind);
            return q.map(EVENT).list();
        });
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<AuditEvent> page = new ArrayList<>(rows.subList(0, limit));
        return new Page(page, Long.toString(page.get(limit - 1).id()));
    }

    private static void where(StringBuilder sql, Map<String, Object> binds, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            binds.put(name, value);
        }
    }

    /** Recomputes every hash in order; a changed, inserted or removed event breaks the chain at that event. */
    public Verification verify() {
        return jdbi.withHandle(h -> {
            String expectedPrev = GENESIS;
            long expectedSeq = 1;
            long count = 0;
            try (var events = h.createQuery("SELECT * FROM audit_events ORDER BY seq").setFetchSize(500)
                    .map(EVENT).stream()) {
                for (AuditEvent ev : (Iterable<AuditEvent>) events::iterator) {
                    count++;
                    if (ev.id() != expectedSeq) {
                        return new Verification(false, count, expectedSeq);   // the missing event's id
                    }
                    if (!ev.prevHash().equals(expectedPrev) || !hash(ev).equals(ev.hash())) {
                        return new Verification(false, count, ev.id());
                    }
                    expectedPrev = ev.hash();
                    expectedSeq++;
                }
            }
            return verifyHead(h, count, expectedSeq - 1, expectedPrev);
        });
    }

    private static Verification verifyHead(Handle h, long count, long lastSeq, String lastHash) {
        Map<String, Object> head = h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").mapToMap().one();
        long headSeq = ((Number) head.get("last_seq")).longValue();
        if (headSeq != lastSeq || !lastHash.equals(head.get("last_hash"))) {
            // Events were removed from the end (or added without going through the log).
            return new Verification(false, count, Math.min(headSeq, lastSeq) + 1);
        }
        return new Verification(true, count, null);
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

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
