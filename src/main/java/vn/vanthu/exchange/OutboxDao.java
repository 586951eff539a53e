package vn.vanthu.exchange;

import org.jdbi.v3.core.Handle;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.incoming.ExchangeStatusDao;
import vn.vanthu.store.Database;
import vn.vanthu.store.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of {@code exchange_outbox} (V80). A message is queued in the transaction of the change it reports (a send,
 * a registration of an incoming document, a recall), at most once per dedup key; workers of any instance claim due
 * rows under a lease (a claim token, a time and the instance), so a row is posted by one worker at a time and taken
 * over when its lease runs out or its instance is known dead ({@link #releaseAbandoned}).
 */
final class OutboxDao implements ExchangeStatusDao {
    static final String COLUMNS = "id, kind, organ_id, dispatch_id, document_id, incoming_id, status_code, description, "
            + "state, attempts, last_error, created_at, delivered_at, next_attempt_at";
    /** The history steps of an incoming document and the status each sends back (02-06, 15 a recall accepted). */
    private static final Map<String, String> CODES = Map.of("RETURNED", "02", "REGISTERED", "03", "DIRECTED", "04",
            "IN_PROGRESS", "05", "DONE", "06", "RECALLED", "15");

    private final Database db;
    private final java.time.Clock clock;
    private final Instance instance;

    OutboxDao(Database db, java.time.Clock clock, Instance instance) {
        this.db = db;
        this.clock = clock;
        this.instance = instance;
    }

    /** One DOCUMENT row per organ not queued already for this dispatch; answers the organs newly queued. */
    List<String> queueDocuments(String dispatchId, String documentId, List<String> organIds, AuditLog.Entry audit) {
        return db.inTransaction(h -> {
            List<String> queued = new java.util.ArrayList<>();
            for (String organ : organIds) {
                if (insert(h, "D|" + dispatchId + "|" + organ, OutboxRow.Kind.DOCUMENT, organ, dispatchId, documentId,
                        null, null, null)) {
                    queued.add(organ);
                }
            }
            AuditDao.append(h, audit);
            return queued;
        });
    }

    /** A STATUS row (a recall, or the answer to one) in its own transaction; false when queued already. */
    boolean queueStatus(String dedup, String organId, String dispatchId, String documentId, String incomingId,
                        String code, String description, AuditLog.Entry audit) {
        return db.inTransaction(h -> {
            boolean added = insert(h, dedup, OutboxRow.Kind.STATUS, organId, dispatchId, documentId, incomingId, code, description);
            if (added) {
                AuditDao.append(h, audit);
            }
            return added;
        });
    }

    @Override
    public void changed(Handle h, String incomingId, String action, String details) {
        String code = CODES.get(action);
        if (code == null) {
            return;
        }
        Optional<String[]> sender = h.createQuery("SELECT i.sender_organ_id, i.sender_document_id FROM incoming i "
                        + "JOIN organs o ON o.organ_id = i.sender_organ_id WHERE i.id = :id AND i.origin = 'EXCHANGE' "
                        + "AND i.sender_document_id IS NOT NULL").bind("id", incomingId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne();
        sender.ifPresent(s -> insert(h, "S|" + incomingId + "|" + code, OutboxRow.Kind.STATUS, s[0], null, s[1],
                incomingId, code, details == null ? null : details.length() > 2000 ? details.substring(0, 2000) : details));
    }

    private boolean insert(Handle h, String dedup, OutboxRow.Kind kind, String organId, String dispatchId,
                           String documentId, String incomingId, String code, String description) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM exchange_outbox WHERE dedup_key = :k").bind("k", dedup)
                .mapTo(Integer.class).one() > 0;
        if (exists) {
            return false;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        h.createUpdate("INSERT INTO exchange_outbox (id, dedup_key, kind, organ_id, dispatch_id, document_id, incoming_id, "
                        + "status_code, description, state, attempts, next_attempt_at, created_at) VALUES (:id, :k, :kind, "
                        + ":o, :d, :doc, :i, :c, :x, 'PENDING', 0, :now, :now)")
                .bind("id", UUID.randomUUID().toString()).bind("k", dedup).bind("kind", kind.name()).bind("o", organId)
                .bind("d", dispatchId).bind("doc", documentId).bind("i", incomingId).bind("c", code)
                .bind("x", description).bind("now", now).execute();
        return true;
    }

    /** Leases up to {@code n} due rows to {@code token} until {@code until}; answers them. */
    List<OutboxRow> claim(String token, OffsetDateTime now, OffsetDateTime until, int n) {
        OffsetDateTime t = now.withOffsetSameInstant(ZoneOffset.UTC);
        String due = "state = 'PENDING' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)";
        return db.inTransaction(h -> {
            // Two statements: as one UPDATE … WHERE id IN (SELECT … LIMIT n), H2 ran the subquery once per row, which
            // with 10,000 queued rows took longer than a poll. The UPDATE re-checks that each row is still due and
            // unleased, so a row another instance claimed in between is left to it.
            List<String> ids = h.createQuery("SELECT id FROM exchange_outbox WHERE " + due
                            + " ORDER BY next_attempt_at LIMIT :n")
                    .bind("now", t).bind("n", n).mapTo(String.class).list();
            if (ids.isEmpty()) {
                return List.<OutboxRow>of();
            }
            h.createUpdate("UPDATE exchange_outbox SET lease_token = :t, lease_until = :until, lease_instance = :inst, "
                            + "attempts = attempts + 1 WHERE " + due + " AND id IN (<ids>)")
                    .bind("t", token).bind("inst", instance.id()).bind("until", until.withOffsetSameInstant(ZoneOffset.UTC)).bind("now", t)
                    .bindList("ids", ids).execute();
            return h.createQuery("SELECT " + COLUMNS + " FROM exchange_outbox WHERE lease_token = :t").bind("t", token)
                    .map((rs, ctx) -> row(rs)).list();
        });
    }

    /** Gives back the leases of instances without a heartbeat since {@code staleBefore}: due again at once. */
    int releaseAbandoned() {
        return db.inTransaction(h -> h.createUpdate("UPDATE exchange_outbox SET lease_token = NULL, lease_until = NULL, "
                        + "lease_instance = NULL WHERE state = 'PENDING' AND lease_token IS NOT NULL AND lease_instance IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM instances i WHERE i.id = exchange_outbox.lease_instance "
                        + "AND i.heartbeat_at >= :stale)")
                .bind("stale", instance.staleBefore()).execute());
    }

    /** The partner acknowledged it; for a document also its status 01 (arrived). */
    void delivered(OutboxRow r, String token, OffsetDateTime at, String ackCode, String ackText) {
        OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
        db.useTransaction(h -> {
            int n = h.createUpdate("UPDATE exchange_outbox SET state = 'DELIVERED', delivered_at = :at, lease_token = NULL, "
                    + "lease_until = NULL, last_error = NULL WHERE id = :id AND lease_token = :t")
                    .bind("at", utc).bind("id", r.id()).bind("t", token).execute();
            if (n == 1 && r.kind() == OutboxRow.Kind.DOCUMENT && ackCode != null) {
                recordStatus(h, r.dispatchId(), r.organId(), ackCode, ackText, at, at);
            }
        });
    }

    /** Not acknowledged: try again at {@code next} (PENDING), or never (REFUSED, a final answer). */
    void failed(String id, String token, OffsetDateTime next, String error, boolean refused) {
        db.useTransaction(h -> h.createUpdate("UPDATE exchange_outbox SET state = :s, next_attempt_at = :next, "
                        + "lease_token = NULL, lease_until = NULL, last_error = :e WHERE id = :id AND lease_token = :t")
                .bind("s", refused ? "REFUSED" : "PENDING").bind("next", next.withOffsetSameInstant(ZoneOffset.UTC))
                .bind("e", error.length() > 1000 ? error.substring(0, 1000) : error).bind("id", id).bind("t", token)
                .execute());
    }

    /** A status a partner reported about a dispatch we sent it; false when it reported that code already. */
    boolean recordStatus(String dispatchId, String organId, String code, String text, OffsetDateTime reportedAt,
                         OffsetDateTime receivedAt, AuditLog.Entry audit) {
        return db.inTransaction(h -> {
            boolean added = recordStatus(h, dispatchId, organId, code, text, reportedAt, receivedAt);
            if (added) {
                AuditDao.append(h, audit);
            }
            return added;
        });
    }

    private static boolean recordStatus(Handle h, String dispatchId, String organId, String code, String text,
                                        OffsetDateTime reportedAt, OffsetDateTime receivedAt) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM exchange_statuses WHERE dispatch_id = :d AND organ_id = :o "
                        + "AND status_code = :c").bind("d", dispatchId).bind("o", organId).bind("c", code)
                .mapTo(Integer.class).one() > 0;
        if (!exists) {
            h.createUpdate("INSERT INTO exchange_statuses (dispatch_id, organ_id, status_code, description, reported_at, "
                            + "received_at) VALUES (:d, :o, :c, :x, :r, :at)")
                    .bind("d", dispatchId).bind("o", organId).bind("c", code).bind("x", text)
                    .bind("r", reportedAt.withOffsetSameInstant(ZoneOffset.UTC))
                    .bind("at", receivedAt.withOffsetSameInstant(ZoneOffset.UTC)).execute();
        }
        return !exists;
    }

    List<OutboxRow> forDispatch(String dispatchId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM exchange_outbox WHERE dispatch_id = :d "
                + "ORDER BY organ_id, created_at").bind("d", dispatchId).map((rs, ctx) -> row(rs)).list());
    }

    /** A status one organ reported about a dispatch. */
    record Report(String organId, String code, String description, OffsetDateTime reportedAt) {}

    /** Every status each organ reported about the dispatch, in the order they were reported. */
    List<Report> statuses(String dispatchId) {
        return db.withHandle(h -> h.createQuery("SELECT organ_id, status_code, description, reported_at FROM exchange_statuses "
                        + "WHERE dispatch_id = :d ORDER BY organ_id, reported_at, status_code").bind("d", dispatchId)
                .map((rs, ctx) -> new Report(rs.getString("organ_id"), rs.getString("status_code"),
                        rs.getString("description"), OrganDao.time(rs, "reported_at"))).list());
    }

    /** The dispatch whose DocumentId we sent to this organ. */
    Optional<String> sentTo(String organId, String documentId) {
        return db.withHandle(h -> h.createQuery("SELECT dispatch_id FROM exchange_outbox WHERE kind = 'DOCUMENT' "
                        + "AND organ_id = :o AND document_id = :d").bind("o", organId).bind("d", documentId)
                .mapTo(String.class).findFirst());
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getString("id"), OutboxRow.Kind.valueOf(rs.getString("kind")), rs.getString("organ_id"),
                rs.getString("dispatch_id"), rs.getString("document_id"), rs.getString("incoming_id"),
                rs.getString("status_code"), rs.getString("description"), OutboxRow.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getString("last_error"), OrganDao.time(rs, "created_at"),
                OrganDao.time(rs, "delivered_at"), OrganDao.time(rs, "next_attempt_at"));
    }
}
