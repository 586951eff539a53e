package vn.vanthu.incoming;

import org.jdbi.v3.core.Handle;
import vn.vanthu.store.Database;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The document an incoming one answers (its edXML's {@code ResponseFor}), kept with the incoming document in the
 * transaction that keeps it; shown with our dispatch's id when the answered document is one we issued.
 *
 * <pre>{@code Optional<Map<String, Object>> rf = responseFor.find("7f3c…");   // {organId, documentId, dispatchId}}</pre>
 */
final class ResponseForDao {
    private final Database db;
    private final String ownOrganId;

    ResponseForDao(Database db, String ownOrganId) {
        this.db = db;
        this.ownOrganId = ownOrganId;
    }

    /** Within the transaction that inserts the incoming document. */
    static void insert(Handle h, String incomingId, Arrival.ResponseFor rf) {
        h.createUpdate("INSERT INTO incoming_response_for (incoming_id, organ_id, document_id) VALUES (:i, :o, :d)")
                .bind("i", incomingId).bind("o", rf.organId()).bind("d", rf.documentId()).execute();
    }

    /** {@code organId}, {@code documentId} and, when the organ is ours and the dispatch is known, {@code dispatchId}. */
    Optional<Map<String, Object>> find(String incomingId) {
        return db.withHandle(h -> h.createQuery("SELECT r.organ_id, r.document_id, d.id FROM incoming_response_for r "
                        + "LEFT JOIN dispatches d ON d.document_id = r.document_id AND r.organ_id = :own "
                        + "WHERE r.incoming_id = :i")
                .bind("i", incomingId).bind("own", ownOrganId == null ? "" : ownOrganId)
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("organId", rs.getString(1));
                    m.put("documentId", rs.getString(2));
                    m.put("dispatchId", rs.getString(3));
                    return m;
                }).findOne());
    }
}
