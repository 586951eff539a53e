package vn.vanthu.exchange;

import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.dispatch.EdXmlSender;
import vn.vanthu.incoming.AnswerLookup;
import vn.vanthu.store.Database;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of {@code exchange_answers} (V80): the incoming document an outgoing dispatch answers. Read at issue through
 * {@link EdXmlSender.ResponseLookup}: the answered document as its sender identified it (organ id, DocumentId,
 * number and symbol, date), for the edXML {@code ResponseFor}; and read by incoming document for the handler's page.
 */
final class AnswerDao implements EdXmlSender.ResponseLookup, AnswerLookup {
    private final Database db;

    AnswerDao(Database db) {
        this.db = db;
    }

    /** Names (or renames) the incoming document the dispatch answers. */
    void save(String dispatchId, String incomingId, String userId, OffsetDateTime at, AuditLog.Entry audit) {
        db.useTransaction(h -> {
            h.createUpdate("DELETE FROM exchange_answers WHERE dispatch_id = :d").bind("d", dispatchId).execute();
            h.createUpdate("INSERT INTO exchange_answers (dispatch_id, incoming_id, named_by, named_at) VALUES (:d, :i, :u, :at)")
                    .bind("d", dispatchId).bind("i", incomingId).bind("u", userId)
                    .bind("at", at.withOffsetSameInstant(ZoneOffset.UTC)).execute();
            AuditDao.append(h, audit);
        });
    }

    @Override
    public Optional<EdXmlSender.ResponseFor> find(String dispatchId) {
        return db.withHandle(h -> h.createQuery("SELECT i.sender_organ_id, i.sender_document_id, i.number_symbol, "
                        + "i.document_date, i.id FROM exchange_answers a JOIN incoming i ON i.id = a.incoming_id "
                        + "WHERE a.dispatch_id = :d").bind("d", dispatchId)
                .map((rs, ctx) -> new EdXmlSender.ResponseFor(rs.getString(5), nonNull(rs.getString(1)), nonNull(rs.getString(2)),
                        rs.getString(3), String.valueOf(rs.getObject(4, java.time.LocalDate.class))))
                .findOne());
    }

    /** The incoming document the dispatch answers, if one is named. */
    Optional<String> incomingOf(String dispatchId) {
        return db.withHandle(h -> h.createQuery("SELECT incoming_id FROM exchange_answers WHERE dispatch_id = :d")
                .bind("d", dispatchId).mapTo(String.class).findOne());
    }

    @Override
    public Map<String, String> answers(Collection<String> incomingIds) {
        if (incomingIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        db.withHandle(h -> h.createQuery("SELECT incoming_id, dispatch_id FROM exchange_answers WHERE incoming_id IN (<ids>) "
                        + "ORDER BY named_at, dispatch_id").bindList("ids", List.copyOf(incomingIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
