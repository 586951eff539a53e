package vn.vanthu.dispatch;

import vn.vanthu.store.Database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an issued dispatch was filed (Appendix VI FileCode and DocOrdinal): the first work dossier it was filed
 * in, and its document ordinal there. Reads the dossier tables (V6) in the dossier's own order (document date,
 * filing time, id), each document counted once with its appendices, as the dossier's metadata numbers them.
 */
final class FiledDao {
    /** The dossier's file code and the document's ordinal in it. */
    record Filed(String fileCode, int docOrdinal) {}

    private final Database db;

    FiledDao(Database db) {
        this.db = db;
    }

    Optional<Filed> filed(String dispatchId) {
        return db.withHandle(h -> {
            Optional<Map<String, Object>> first = h.createQuery("SELECT i.dossier_id AS dossier, d.file_code AS code "
                            + "FROM dossier_items i JOIN dossiers d ON d.id = i.dossier_id WHERE i.dispatch_id = :id "
                            + "ORDER BY i.filed_at, i.id").bind("id", dispatchId).mapToMap().findFirst();
            if (first.isEmpty()) {
                return Optional.<Filed>empty();
            }
            List<Map<String, Object>> items = h.createQuery("SELECT id, dispatch_id FROM dossier_items WHERE dossier_id = :d "
                    + "ORDER BY document_date, filed_at, id").bind("d", first.get().get("dossier")).mapToMap().list();
            Map<String, Integer> ordinals = new LinkedHashMap<>();
            for (Map<String, Object> it : items) {
                Object dispatch = it.get("dispatch_id");
                ordinals.computeIfAbsent(dispatch != null ? "dispatch:" + dispatch : "item:" + it.get("id"), k -> ordinals.size() + 1);
            }
            return Optional.of(new Filed(String.valueOf(first.get().get("code")), ordinals.get("dispatch:" + dispatchId)));
        });
    }
}
