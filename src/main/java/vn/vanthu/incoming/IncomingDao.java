package vn.vanthu.incoming;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.dispatch.NumberSeries;
import vn.vanthu.dispatch.NumberSeriesDao;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.store.RegisterCounts;
import vn.vanthu.store.RegisterWords;
import vn.vanthu.validation.Indication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Rows of the incoming tables (V20). A write that moves a document on checks the status it expects (409 when
 * another request moved it first) and writes its history and audit event in the same transaction; a registration
 * consumes its reserved number there too.
 */
final class IncomingDao {
    static final String COLUMNS = "id, origin, status, sending_organ, sender_organ_id, sender_document_id, "
            + "number_symbol, document_date, document_type, subject, urgency, secret, scanned, received_by, received_at, "
            + "return_reason, series_kind, number_year, incoming_number, registered_at, directed_by, directed_at, "
            + "lead_user_id, lead_unit, deadline, direction, progress_note, result, result_dispatch_id, result_note, "
            + "completed_by, completed_at";
    /** Secret documents only for clerks, the directing official and the assignees. */
    static final String VISIBLE = "(secret = FALSE OR :clerk OR directed_by = :me OR lead_user_id = :me OR EXISTS "
            + "(SELECT 1 FROM incoming_cooperators c WHERE c.incoming_id = incoming.id AND c.user_id = :me))";

    /** Who asks: their id, and whether they see every secret document (a clerk). */
    record Viewer(String userId, boolean clerk) {}

    private final Database db;
    private final ExchangeStatusDao statuses;

    IncomingDao(Database db, ExchangeStatusDao statuses) {
        this.db = db;
        this.statuses = statuses;
    }

    void insert(Incoming d, List<Incoming.File> files, List<Incoming.Verdict> verdicts, Arrival.ResponseFor responseFor,
                AuditLog.Entry audit) {
        Incoming.Metadata m = d.metadata();
        db.useTransaction(h -> {
            h.createUpdate("INSERT INTO incoming (id, origin, status, sending_organ, sender_organ_id, sender_document_id, "
                            + "number_symbol, document_date, document_type, subject, urgency, secret, scanned, received_by, "
                            + "received_at) VALUES (:id, :o, :st, :so, :soi, :sdi, :ns, :dd, :dt, :s, :u, :sec, :sc, :rb, :ra)")
                    .bind("id", d.id()).bind("o", d.origin().name()).bind("st", d.status().name())
                    .bind("so", m.sendingOrgan()).bind("soi", d.senderOrganId()).bind("sdi", d.senderDocumentId())
                    .bind("ns", m.numberSymbol()).bind("dd", m.documentDate()).bind("dt", m.documentType())
                    .bind("s", m.subject()).bind("u", m.urgency().name()).bind("sec", m.secret())
                    .bind("sc", d.scanned()).bind("rb", d.receivedBy()).bind("ra", d.receivedAt()).execute();
            var f = h.prepareBatch("INSERT INTO incoming_files (incoming_id, ordinal, file_name, media_type, sha256) "
                    + "VALUES (:i, :o, :n, :t, :s)");
            files.forEach(x -> f.bind("i", d.id()).bind("o", x.ordinal()).bind("n", x.name()).bind("t", x.mediaType())
                    .bind("s", x.sha256()).add());
            f.execute();
            int n = 0;
            for (Incoming.Verdict v : verdicts) {
                h.createUpdate("INSERT INTO incoming_signatures (incoming_id, ordinal, file_ordinal, indication, "
                                + "sub_indication, signed_by) VALUES (:i, :o, :f, :ind, :sub, :by)")
                        .bind("i", d.id()).bind("o", ++n).bind("f", v.fileOrdinal()).bind("ind", v.indication().name())
                        .bind("sub", v.subIndication()).bind("by", v.signedBy()).execute();
            }
            if (responseFor != null) {
                ResponseForDao.insert(h, d.id(), responseFor);
            }
            event(h, d.id(), d.receivedAt(), d.receivedBy(), "RECEIVED", d.origin().name());
            AuditDao.append(h, audit);
        });
    }

    /** RECEIVED → REGISTERED under the reserved number, consumed in this transaction with its words written. */
    void register(String id, NumberSeries.Reservation number, List<byte[]> words, OffsetDateTime at, String userId,
                  AuditLog.Entry audit) {
        db.inTransaction(() -> ApiException.conflict("NUMBER_TAKEN", "The number is held by another document; register again"), h -> {
            NumberSeriesDao.consume(h, number);
            int n = h.createUpdate("UPDATE incoming SET status = 'REGISTERED', series_kind = :k, number_year = :y, "
                            + "incoming_number = :v, registered_at = :at WHERE id = :id AND status = 'RECEIVED'")
                    .bind("k", number.series()).bind("y", number.year()).bind("v", number.value()).bind("at", at)
                    .bind("id", id).execute();
            requireOne(n, "NOT_RECEIVED", "Only a received document that was not returned can be registered");
            event(h, id, at, userId, "REGISTERED", String.valueOf(number.value()));
            RegisterWords.write(h, number.series(), number.year(), number.value(), words);
            RegisterCounts.add(h, number.series(), number.year());
            AuditDao.append(h, audit);
            return null;
        });
    }

    void markReturned(String id, String reason, OffsetDateTime at, String userId, AuditLog.Entry audit) {
        change(id, "UPDATE incoming SET status = 'RETURNED', return_reason = :x WHERE id = :id AND status = 'RECEIVED'",
                reason, "NOT_RECEIVED", "Only a received document that is not registered can be returned",
                at, userId, "RETURNED", audit);
    }

    /** Writes (or rewrites, until done) the direction and the cooperating users: → ASSIGNED. */
    void direct(String id, Incoming.Direction d, AuditLog.Entry audit) {
        db.useTransaction(h -> {
            int n = h.createUpdate("UPDATE incoming SET status = CASE WHEN status = 'REGISTERED' THEN 'ASSIGNED' ELSE status END, "
                            + "directed_by = :by, directed_at = :at, lead_user_id = :lead, lead_unit = :unit, deadline = :dl, "
                            + "direction = :c WHERE id = :id AND status IN ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS')")
                    .bind("by", d.directedBy()).bind("at", d.directedAt()).bind("lead", d.leadUserId())
                    .bind("unit", d.leadUnit()).bind("dl", d.deadline()).bind("c", d.comment()).bind("id", id).execute();
            requireOne(n, "NOT_REGISTERED", "Only a registered document that is not done can be directed");
            h.createUpdate("DELETE FROM incoming_cooperators WHERE incoming_id = :id").bind("id", id).execute();
            for (String u : d.cooperatingUserIds()) {
                h.createUpdate("INSERT INTO incoming_cooperators (incoming_id, user_id) VALUES (:id, :u)")
                        .bind("id", id).bind("u", u).execute();
            }
            event(h, id, d.directedAt(), d.directedBy(), "DIRECTED", "lead " + d.leadUserId());
            AuditDao.append(h, audit);
        });
    }

    /** Recalled by its sender (exchange status 13): → RETURNED unless done; false when it was handled already. */
    boolean recall(String id, String reason, OffsetDateTime at, String userId, AuditLog.Entry audit) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("UPDATE incoming SET status = 'RETURNED', return_reason = :x WHERE id = :id "
                    + "AND status <> 'DONE'").bind("x", reason).bind("id", id).execute();
            if (n == 1) {
                event(h, id, at, userId, "RECALLED", reason);
                AuditDao.append(h, audit);
            }
            return n == 1;
        });
    }

    void progress(String id, String note, OffsetDateTime at, String userId, AuditLog.Entry audit) {
        change(id, "UPDATE incoming SET status = 'IN_PROGRESS', progress_note = :x WHERE id = :id "
                + "AND status IN ('ASSIGNED', 'IN_PROGRESS')", note, "NOT_ASSIGNED",
                "Only an assigned document that is not done can be marked in progress", at, userId, "IN_PROGRESS", audit);
    }

    void complete(String id, Incoming.Handling r, AuditLog.Entry audit) {
        db.useTransaction(h -> {
            int n = h.createUpdate("UPDATE incoming SET status = 'DONE', result = :r, result_dispatch_id = :d, "
                            + "result_note = :x, completed_by = :by, completed_at = :at WHERE id = :id "
                            + "AND status IN ('ASSIGNED', 'IN_PROGRESS')")
                    .bind("r", r.result().name()).bind("d", r.dispatchId()).bind("x", r.note())
                    .bind("by", r.completedBy()).bind("at", r.completedAt()).bind("id", id).execute();
            requireOne(n, "NOT_ASSIGNED", "Only an assigned document that is not done yet can be completed");
            event(h, id, r.completedAt(), r.completedBy(), "DONE", r.result().name());
            AuditDao.append(h, audit);
        });
    }

    /** True when this sender's message is kept already and was not returned (the exchange may deliver twice). */
    boolean holdsMessage(String senderOrganId, String senderDocumentId) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incoming WHERE sender_document_id = :d "
                        + "AND COALESCE(sender_organ_id, '') = :o AND status <> 'RETURNED'")
                .bind("d", senderDocumentId).bind("o", senderOrganId == null ? "" : senderOrganId)
                .mapTo(Integer.class).one() > 0);
    }

    /** The newest document kept from this sender's message. */
    Optional<Incoming> findMessage(String senderOrganId, String senderDocumentId) {
        return db.withHandle(h -> h.createQuery("SELECT id FROM incoming WHERE sender_organ_id = :o "
                        + "AND sender_document_id = :d ORDER BY received_at DESC")
                .bind("o", senderOrganId).bind("d", senderDocumentId).mapTo(String.class).findFirst())
                .flatMap(this::find);
    }

    Optional<Incoming> find(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM incoming WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> IncomingRows.row(rs, cooperators(h, id))).findOne());
    }

    /** One page of what the viewer may see, newest first: a single query whatever the page size. */
    List<Incoming> list(Viewer v, String status, String assignee, int limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incoming WHERE " + VISIBLE);
        if (status != null) {
            sql.append(" AND status = :st");
        }
        if (assignee != null) {
            sql.append(" AND (lead_user_id = :a OR EXISTS (SELECT 1 FROM incoming_cooperators c2 "
                    + "WHERE c2.incoming_id = incoming.id AND c2.user_id = :a))");
        }
        sql.append(" ORDER BY received_at DESC, id LIMIT :lim OFFSET :off");
        return db.withHandle(h -> {
            Query q = visible(h.createQuery(sql.toString()), v).bind("lim", limit).bind("off", offset);
            if (status != null) {
                q.bind("st", status);
            }
            if (assignee != null) {
                q.bind("a", assignee);
            }
            return q.map((rs, ctx) -> IncomingRows.row(rs, List.of())).list();
        });
    }

    /**
     * What is tracked: registered but not directed, open with a deadline before {@code horizon}, done late since;
     * with {@code ownOnly} only what the viewer leads or cooperates on.
     */
    List<Incoming> tracked(Viewer v, LocalDate horizon, OffsetDateTime doneSince, boolean ownOnly) {
        String own = ownOnly ? " AND (lead_user_id = :me OR EXISTS (SELECT 1 FROM incoming_cooperators c3 "
                + "WHERE c3.incoming_id = incoming.id AND c3.user_id = :me))" : "";
        return db.withHandle(h -> visible(h.createQuery("SELECT " + COLUMNS + " FROM incoming WHERE " + VISIBLE + own
                        + " AND (status = 'REGISTERED' OR (status IN ('ASSIGNED', 'IN_PROGRESS') AND deadline <= :hz)"
                        + " OR (status = 'DONE' AND deadline IS NOT NULL AND completed_at >= :since))"
                        + " ORDER BY received_at, id LIMIT 5000"), v)
                .bind("hz", horizon).bind("since", doneSince).map((rs, ctx) -> IncomingRows.row(rs, List.of())).list());
    }

    List<Incoming.File> files(String id) {
        return db.withHandle(h -> h.createQuery("SELECT ordinal, file_name, media_type, sha256 FROM incoming_files "
                        + "WHERE incoming_id = :id ORDER BY ordinal").bind("id", id)
                .map((rs, ctx) -> new Incoming.File(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
    }

    List<Incoming.Verdict> verdicts(String id) {
        return db.withHandle(h -> h.createQuery("SELECT file_ordinal, indication, sub_indication, signed_by "
                        + "FROM incoming_signatures WHERE incoming_id = :id ORDER BY ordinal").bind("id", id)
                .map((rs, ctx) -> new Incoming.Verdict(rs.getInt(1), Indication.of(rs.getString(2)), rs.getString(3),
                        rs.getString(4))).list());
    }

    List<Incoming.Event> history(String id) {
        return db.withHandle(h -> h.createQuery("SELECT at, user_id, action, details FROM incoming_history "
                        + "WHERE incoming_id = :id ORDER BY id").bind("id", id)
                .map((rs, ctx) -> new Incoming.Event(IncomingRows.time(rs, "at"), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list());
    }

    private static Query visible(Query q, Viewer v) {
        return q.bind("clerk", v.clerk()).bind("me", v.userId());
    }

    private void change(String id, String sql, String value, String code, String message, OffsetDateTime at,
                        String userId, String action, AuditLog.Entry audit) {
        db.useTransaction(h -> {
            int n = h.createUpdate(sql).bind("x", value).bind("id", id).execute();
            requireOne(n, code, message);
            event(h, id, at, userId, action, value);
            AuditDao.append(h, audit);
        });
    }

    private static void requireOne(int updated, String code, String message) {
        if (updated != 1) {
            throw ApiException.conflict(code, message);
        }
    }

    private static List<String> cooperators(Handle h, String id) {
        return h.createQuery("SELECT user_id FROM incoming_cooperators WHERE incoming_id = :id ORDER BY user_id")
                .bind("id", id).mapTo(String.class).list();
    }

    /** A step of the history; the exchange hears of it in the same transaction (a status to the sender). */
    private void event(Handle h, String id, OffsetDateTime at, String userId, String action, String details) {
        statuses.changed(h, id, action, details);
        h.createUpdate("INSERT INTO incoming_history (incoming_id, at, user_id, action, details) VALUES (:i, :at, :u, :a, :x)")
                .bind("i", id).bind("at", at.withOffsetSameInstant(ZoneOffset.UTC)).bind("u", userId).bind("a", action)
                .bind("x", details).execute();
    }
}
