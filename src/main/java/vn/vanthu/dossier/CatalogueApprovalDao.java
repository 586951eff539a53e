package vn.vanthu.dossier;

import org.jdbi.v3.core.Handle;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Rows of {@code catalogue_approvals} (V111) and the catalogue's revision they were given to. */
final class CatalogueApprovalDao {
    private static final String COLUMNS = "catalogue_year, version, catalogue_revision, decision_number, decision_date, "
            + "place, approver_position, approved_by, approved_at, pdf_sha256";

    private final Database db;

    CatalogueApprovalDao(Database db) {
        this.db = db;
    }

    /** The year's catalogue revision (counts its replacements); empty when the year has no catalogue. */
    Optional<Integer> revision(int year) {
        return db.withHandle(h -> h.createQuery("SELECT revision FROM catalogues WHERE catalogue_year = :y")
                .bind("y", year).mapTo(Integer.class).findOne());
    }

    /** Every approval of the year, the first one first. */
    List<CatalogueApprovals.Approval> list(int year) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM catalogue_approvals WHERE catalogue_year = :y "
                + "ORDER BY version").bind("y", year).map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Records the approval of {@code revision}, numbered after the year's last one; 409 {@code CATALOGUE_CHANGED}
     * when the catalogue was replaced meanwhile (nothing is recorded) and {@code ALREADY_APPROVED} when another
     * approval of this revision came first.
     */
    CatalogueApprovals.Approval insert(CatalogueApprovals.Approval a, AuditLog.Entry audit) {
        return db.inTransaction(() -> ApiException.conflict("ALREADY_APPROVED", "The catalogue of " + a.year()
                + " was approved meanwhile"), h -> {
            Integer current = h.createQuery("SELECT revision FROM catalogues WHERE catalogue_year = :y FOR UPDATE")
                    .bind("y", a.year()).mapTo(Integer.class).findOne().orElse(null);
            if (current == null || current != a.revision()) {
                throw ApiException.conflict("CATALOGUE_CHANGED", "The catalogue of " + a.year()
                        + " was replaced while it was being approved; approve the new one");
            }
            if (latestRevision(h, a.year()).filter(r -> r == a.revision()).isPresent()) {
                throw ApiException.conflict("ALREADY_APPROVED", "This version of the catalogue of " + a.year() + " is approved already");
            }
            int version = h.createQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM catalogue_approvals WHERE catalogue_year = :y")
                    .bind("y", a.year()).mapTo(Integer.class).one();
            var stored = new CatalogueApprovals.Approval(a.year(), version, a.revision(), a.decisionNumber(), a.decisionDate(),
                    a.place(), a.position(), a.approvedBy(), a.approvedAt(), a.pdfSha256());
            h.createUpdate("INSERT INTO catalogue_approvals (" + COLUMNS + ") VALUES (:y, :v, :r, :n, :d, :p, :pos, :u, :at, :sha)")
                    .bind("y", stored.year()).bind("v", version).bind("r", stored.revision()).bind("n", stored.decisionNumber())
                    .bind("d", stored.decisionDate()).bind("p", stored.place()).bind("pos", stored.position())
                    .bind("u", stored.approvedBy()).bind("at", stored.approvedAt()).bind("sha", stored.pdfSha256()).execute();
            AuditDao.append(h, audit);
            return stored;
        });
    }

    private static Optional<Integer> latestRevision(Handle h, int year) {
        return h.createQuery("SELECT catalogue_revision FROM catalogue_approvals WHERE catalogue_year = :y "
                + "ORDER BY version DESC").bind("y", year).mapTo(Integer.class).findFirst();
    }

    private static CatalogueApprovals.Approval row(ResultSet rs) throws SQLException {
        return new CatalogueApprovals.Approval(rs.getInt("catalogue_year"), rs.getInt("version"), rs.getInt("catalogue_revision"),
                rs.getString("decision_number"), rs.getString("decision_date"), rs.getString("place"),
                rs.getString("approver_position"), rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), rs.getString("pdf_sha256"));
    }
}
