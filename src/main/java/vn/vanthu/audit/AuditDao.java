package vn.vanthu.audit;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import vn.vanthu.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of {@code audit_events} and {@code audit_head} (V1). Other features' DAOs call {@link #append(Handle,
 * AuditLog.Entry)} inside the transaction of the change they record, so a change and its event commit together.
 *
 * <pre>{@code db.useTransaction(h -> { …the change…; AuditDao.append(h, entry); });}</pre>
 */
public final class AuditDao {
    static final RowMapper<AuditEvent> EVENT = (rs, ctx) -> new AuditEvent(rs.getLong("seq"),
            rs.getObject("at", OffsetDateTime.class), rs.getString("user_id"), rs.getString("action"),
            rs.getString("object"), rs.getString("outcome"), rs.getString("request_id"), rs.getString("details"),
            rs.getString("prev_hash"), rs.getString("hash"));
    private static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String INSERT_EVENT = "INSERT INTO audit_events (seq, at, user_id, action, object, outcome, "
            + "request_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MOVE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";

    private final Database db;

    AuditDao(Database db) {
        this.db = db;
    }

    /** Appends in its own transaction (events that record no change of their own: denied or failed requests). */
    AuditEvent append(AuditLog.Entry e) {
        return db.inTransaction(h -> append(h, e));
    }

    /**
     * Appends inside the caller's transaction: the head row is locked until that transaction ends, so events
     * keep one linear chain. A null entry appends nothing (a change made outside a request).
     */
    public static AuditEvent append(Handle h, AuditLog.Entry e) {
        if (e == null) {
            return null;
        }
        try {
            return append(h.getConnection(), e, e.at().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        } catch (SQLException ex) {
            throw new IllegalStateException("The audit event could not be written", ex);
        }
    }

    /*
     * The three statements go straight to JDBC on the transaction's connection: this runs after every
     * state-changing request, and Jdbi's per-statement machinery (statement context, argument binding by
     * reflection, row maps) cost about as much as the statements themselves.
     */
    private static AuditEvent append(Connection c, AuditLog.Entry e, OffsetDateTime at) throws SQLException {
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
        String hash = AuditLog.hash(ev);
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

    /** One page (limit + 1 rows, to know whether another follows) in a single query, newest first. */
    List<AuditEvent> list(AuditLog.Filter f, int limit, Long beforeId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_events WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        where(sql, binds, "at >= :from", "from", f.from() == null ? null : f.from().atOffset(ZoneOffset.UTC));
        where(sql, binds, "at < :to", "to", f.to() == null ? null : f.to().atOffset(ZoneOffset.UTC));
        where(sql, binds, "user_id = :user", "user", f.userId());
        where(sql, binds, "action = :action", "action", f.action());
        where(sql, binds, "object = :object", "object", f.object());
        where(sql, binds, "seq < :before", "before", beforeId);
        sql.append(" ORDER BY seq DESC LIMIT ").append(limit + 1);
        return db.withHandle(h -> {
            Query q = h.createQuery(sql.toString());
            binds.forEach(q::bind);
            return q.map(EVENT).list();
        });
    }

    private static void where(StringBuilder sql, Map<String, Object> binds, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            binds.put(name, value);
        }
    }

    /** Streams every event in order to {@code check} (false stops), then hands over the head row. */
    <R> R walk(java.util.function.Predicate<AuditEvent> check, java.util.function.BiFunction<Long, String, R> atHead) {
        return db.withHandle(h -> {
            try (var events = h.createQuery("SELECT * FROM audit_events ORDER BY seq").setFetchSize(500)
                    .map(EVENT).stream()) {
                for (AuditEvent ev : (Iterable<AuditEvent>) events::iterator) {
                    if (!check.test(ev)) {
                        return null;
                    }
                }
            }
            Map<String, Object> head = h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").mapToMap().one();
            return atHead.apply(((Number) head.get("last_seq")).longValue(), (String) head.get("last_hash"));
        });
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
