package vn.vanthu.dossier;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.validation.Indication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of the dossier tables (V6, V8). Changes to a dossier's contents take the dossier's row lock and check that
 * it is still OPEN in the same transaction, so a document cannot slip into a dossier that is being closed; each
 * change writes its audit event in that transaction too. Lists read their item totals in one grouped query.
 */
final class DossierDao {
    private static final String COLUMNS = "id, dossier_year, symbol, file_code, title, retention, rights, language, "
            + "category, keyword, description, responsible_user_id, start_date, end_date, status, created_by, created_at, "
            + "closed_at, forced_reason, seal_sha256, package_manifest, newest_stamp_expiry, submitted_at";
    private static final String ITEM_COLUMNS = "id, dossier_id, kind, dispatch_id, sha256, file_name, media_type, "
            + "size_bytes, page_count, number_symbol, document_date, issuing_organ, document_type, subject, "
            + "signatures_count, indication, sub_indication, report_sha256, filed_by, filed_at, origin, digitization_id";

    private final Database db;
    private final Clock clock;

    DossierDao(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts a new dossier; 409 DUPLICATE_SYMBOL when its symbol is already used in that year, even by a racing request. */
    void insert(Dossier d, AuditLog.Entry audit) {
        db.inTransaction(() -> ApiException.conflict("DUPLICATE_SYMBOL",
                "A dossier with symbol " + d.symbol() + " already exists in " + d.year()), h -> {
            h.createUpdate("INSERT INTO dossiers (id, dossier_year, symbol, file_code, title, retention, rights, "
                            + "language, category, keyword, description, responsible_user_id, start_date, end_date, status, "
                            + "created_by, created_at) VALUES (:id, :y, :sym, :fc, :t, :ret, :r, :lang, :cat, :kw, :desc, "
                            + ":resp, :sd, :ed, :st, :cb, :ca)")
                    .bind("id", d.id()).bind("y", d.year()).bind("sym", d.symbol()).bind("fc", d.fileCode())
                    .bind("t", d.title()).bind("ret", d.retention()).bind("r", d.rights()).bind("lang", d.language())
                    .bind("cat", d.category().name()).bind("kw", d.keyword()).bind("desc", d.description())
                    .bind("resp", d.responsibleUserId()).bind("sd", d.startDate()).bind("ed", d.endDate())
                    .bind("st", d.status().name()).bind("cb", d.createdBy()).bind("ca", d.createdAt()).execute();
            event(h, d.id(), d.createdBy(), "CREATED", d.fileCode());
            AuditDao.append(h, audit);
            return null;
        });
    }

    /** The totals of these dossiers in one query, whatever their number (a dossier without items has none). */
    Map<String, Dossier.Totals> totals(Collection<String> dossierIds) {
        if (dossierIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Dossier.Totals> out = new HashMap<>();
        db.withHandle(h -> h.createQuery("SELECT dossier_id, COUNT(DISTINCT COALESCE(dispatch_id, id)), COALESCE(SUM(page_count), 0) FROM dossier_items "
                        + "WHERE dossier_id IN (<ids>) GROUP BY dossier_id")
                .bindList("ids", List.copyOf(dossierIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), new Dossier.Totals(rs.getInt(2), rs.getInt(3))))
                .list()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    Optional<Dossier> find(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dossiers WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    /** A page of the dossiers of {@code year}, {@code status} and {@code responsible} (each null: any), in list order. */
    List<Dossier> list(Integer year, String status, String responsible, int limit, long offset) {
        return db.withHandle(h -> filtered(h, "SELECT " + COLUMNS, year, status, responsible,
                " ORDER BY dossier_year DESC, symbol, id LIMIT :lim OFFSET :off").bind("lim", limit).bind("off", offset)
                .map((rs, ctx) -> row(rs)).list());
    }

    /** How many dossiers {@link #list} finds with the same filters. */
    long count(Integer year, String status, String responsible) {
        return db.withHandle(h -> filtered(h, "SELECT COUNT(*)", year, status, responsible, "").mapTo(Long.class).one());
    }

    private static Query filtered(Handle h, String select, Integer year, String status, String responsible, String tail) {
        StringBuilder sql = new StringBuilder(select + " FROM dossiers WHERE 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        if (year != null) {
            sql.append(" AND dossier_year = :y");
            binds.put("y", year);
        }
        if (status != null) {
            sql.append(" AND status = :st");
            binds.put("st", status);
        }
        if (responsible != null) {
            sql.append(" AND responsible_user_id = :r");
            binds.put("r", responsible);
        }
        return h.createQuery(sql + tail).bindMap(binds);
    }

    /** Closed dossiers not yet submitted: the candidates of the submission reminder. */
    List<Dossier> awaitingSubmission() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dossiers WHERE status = 'CLOSED' "
                + "AND end_date IS NOT NULL ORDER BY end_date, id").map((rs, ctx) -> row(rs)).list());
    }

    /** Sealed dossiers whose newest timestamp's certificate expires before {@code before}. */
    List<Dossier> sealedExpiringBefore(OffsetDateTime before) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dossiers WHERE status IN ('CLOSED', 'SUBMITTED') "
                + "AND newest_stamp_expiry < :t ORDER BY newest_stamp_expiry").bind("t", before).map((rs, ctx) -> row(rs)).list());
    }

    List<Dossier.Item> items(String dossierId) {
        return db.withHandle(h -> h.createQuery("SELECT " + ITEM_COLUMNS + " FROM dossier_items WHERE dossier_id = :d "
                        + "ORDER BY document_date, filed_at, id")
                .bind("d", dossierId).map((rs, ctx) -> item(rs)).list());
    }

    /** Files items of one dossier, in the same transaction as the check that the dossier is still open. */
    void insertItems(List<Dossier.Item> items, AuditLog.Entry audit) {
        db.useTransaction(h -> {
            requireOpen(h, items.get(0).dossierId());
            for (Dossier.Item i : items) {
                insertItem(h, i);
            }
            AuditDao.append(h, audit);
        });
    }

    private void insertItem(Handle h, Dossier.Item i) {
        h.createUpdate("INSERT INTO dossier_items (" + ITEM_COLUMNS + ") VALUES (:id, :d, :k, :disp, :sha, :fn, :mt, "
                        + ":size, :pages, :ns, :dd, :org, :type, :subj, :sigs, :ind, :sub, :rep, :fb, :fa, :orig, :dig)")
                .bind("id", i.id()).bind("d", i.dossierId()).bind("k", i.kind()).bind("disp", i.dispatchId())
                .bind("sha", i.sha256()).bind("fn", i.fileName()).bind("mt", i.mediaType()).bind("size", i.size())
                .bind("pages", i.pageCount()).bind("ns", i.numberSymbol()).bind("dd", i.documentDate())
                .bind("org", i.issuingOrgan()).bind("type", i.documentType()).bind("subj", i.subject())
                .bind("sigs", i.signaturesCount()).bind("ind", indication(i.verdict()))
                .bind("sub", subIndication(i.verdict())).bind("rep", i.reportSha256())
                .bind("fb", i.filedBy()).bind("fa", i.filedAt()).bind("orig", i.origin().name())
                .bind("dig", i.digitizationId()).execute();
        event(h, i.dossierId(), i.filedBy(), "FILED", i.id() + " " + i.fileName());
    }

    void deleteItem(String dossierId, String itemId, String userId, AuditLog.Entry audit) {
        db.useTransaction(h -> {
            requireOpen(h, dossierId);
            int n = h.createUpdate("DELETE FROM dossier_items WHERE id = :i AND dossier_id = :d")
                    .bind("i", itemId).bind("d", dossierId).execute();
            if (n == 0) {
                throw ApiException.notFound("Item " + itemId + " of dossier " + dossierId);
            }
            event(h, dossierId, userId, "REMOVED", itemId);
            AuditDao.append(h, audit);
        });
    }

    /** Records the verdicts of closing, the package and its seal, and the CLOSED state (409 if no longer OPEN). */
    void markClosed(Dossier d, List<Dossier.Item> verdicts, String endDate, String forcedReason, String sealSha,
                       String manifestSha, OffsetDateTime stampExpiry, String userId, AuditLog.Entry audit) {
        db.useTransaction(h -> {
            requireOpen(h, d.id());
            var update = h.prepareBatch("UPDATE dossier_items SET indication = :ind, sub_indication = :sub, "
                    + "report_sha256 = :r WHERE id = :i");
            for (Dossier.Item i : verdicts) {
                update.bind("ind", indication(i.verdict())).bind("sub", subIndication(i.verdict()))
                        .bind("r", i.reportSha256()).bind("i", i.id()).add();
            }
            if (!verdicts.isEmpty()) {
                update.execute();
            }
            h.createUpdate("UPDATE dossiers SET status = 'CLOSED', end_date = :ed, closed_at = :at, forced_reason = :fr, "
                            + "seal_sha256 = :seal, package_manifest = :pm, newest_stamp_expiry = :exp WHERE id = :id")
                    .bind("ed", endDate).bind("at", now()).bind("fr", forcedReason).bind("seal", sealSha)
                    .bind("pm", manifestSha).bind("exp", stampExpiry).bind("id", d.id()).execute();
            event(h, d.id(), userId, forcedReason == null ? "CLOSED" : "CLOSED_FORCED", forcedReason);
            AuditDao.append(h, audit);
        });
    }

    /** Replaces the seal after a renewal; false when someone else renewed it first. */
    boolean replaceSeal(String id, String oldSeal, String newSeal, OffsetDateTime stampExpiry, String userId) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("UPDATE dossiers SET seal_sha256 = :n, newest_stamp_expiry = :exp WHERE id = :id AND seal_sha256 = :o")
                    .bind("n", newSeal).bind("exp", stampExpiry).bind("id", id).bind("o", oldSeal).execute();
            if (n == 1) {
                event(h, id, userId, "RENEWED", "archive timestamp added; seal " + newSeal);
            }
            return n == 1;
        });
    }

    boolean markSubmitted(String id, String userId) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("UPDATE dossiers SET status = 'SUBMITTED', submitted_at = :at WHERE id = :id AND status = 'CLOSED'")
                    .bind("at", now()).bind("id", id).execute();
            if (n == 1) {
                event(h, id, userId, "SUBMITTED", null);
            }
            return n == 1;
        });
    }

    List<Dossier.Event> history(String id) {
        return db.withHandle(h -> h.createQuery("SELECT at, user_id, action, details FROM dossier_history "
                        + "WHERE dossier_id = :d ORDER BY id").bind("d", id)
                .map((rs, ctx) -> new Dossier.Event(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list());
    }

    private static void requireOpen(Handle h, String dossierId) {
        String status = h.createQuery("SELECT status FROM dossiers WHERE id = :id FOR UPDATE").bind("id", dossierId)
                .mapTo(String.class).findOne().orElseThrow(() -> ApiException.notFound("Dossier " + dossierId));
        if (!Dossier.Status.OPEN.name().equals(status)) {
            throw ApiException.conflict("DOSSIER_NOT_OPEN", "Dossier " + dossierId + " is " + status + "; its contents can no longer change");
        }
    }

    private void event(Handle h, String dossierId, String userId, String action, String details) {
        h.createUpdate("INSERT INTO dossier_history (dossier_id, at, user_id, action, details) VALUES (:d, :at, :u, :a, :x)")
                .bind("d", dossierId).bind("at", now()).bind("u", userId).bind("a", action)
                .bind("x", details == null ? null : details.length() > 1000 ? details.substring(0, 1000) : details).execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Dossier row(ResultSet rs) throws SQLException {
        return new Dossier(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), Dossier.Category.valueOf(rs.getString(9)),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                Dossier.Status.valueOf(rs.getString(15)), rs.getString(16), rs.getObject(17, OffsetDateTime.class),
                rs.getObject(18, OffsetDateTime.class), rs.getString(19), rs.getString(20), rs.getString(21),
                rs.getObject(22, OffsetDateTime.class), rs.getObject(23, OffsetDateTime.class));
    }

    private static Dossier.Item item(ResultSet rs) throws SQLException {
        return new Dossier.Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getInt(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getInt(15), verdict(rs.getString(16),
                rs.getString(17)), rs.getString(18), rs.getString(19), rs.getObject(20, OffsetDateTime.class),
                Dossier.Origin.valueOf(rs.getString(21)), rs.getString(22));
    }

    private static Verdict verdict(String indication, String subIndication) {
        return indication == null ? null : new Verdict(Indication.valueOf(indication), subIndication);
    }

    private static String indication(Verdict v) {
        return v == null ? null : v.indication().name();
    }

    private static String subIndication(Verdict v) {
        return v == null ? null : v.subIndication();
    }
}
