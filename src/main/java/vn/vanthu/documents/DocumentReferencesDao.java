package vn.vanthu.documents;

import vn.vanthu.store.Database;

import java.util.List;

/**
 * What references a stored document: every object whose column holds its SHA-256 (the columns the orphan
 * sweeper checks), and who uploaded it. {@link DocumentAccess} asks each object's feature whether the caller
 * may see it.
 *
 * <pre>{@code List<DocumentReferencesDao.Reference> refs = dao.references(sha256);}</pre>
 */
final class DocumentReferencesDao {
    /** The kinds of object that hold a document. */
    enum Kind { UPLOAD, DISPATCH, COPY, DOSSIER, DIGITIZATION, INCOMING, VALIDATION }

    /** One object holding the document: its id (for a copy, its source dispatch, if any) and its owner, if kept. */
    record Reference(Kind kind, String objectId, String ownerId) {}

    private static final String SQL = String.join(" UNION ALL ",
            "SELECT 'UPLOAD', sha256, user_id FROM document_uploads WHERE sha256 = :s",
            "SELECT 'DISPATCH', id, CAST(NULL AS VARCHAR(40)) FROM dispatches WHERE current_sha256 = :s OR edxml_sha256 = :s",
            "SELECT 'DISPATCH', dispatch_id, CAST(NULL AS VARCHAR(40)) FROM dispatch_attachments WHERE sha256 = :s",
            "SELECT 'COPY', source_id, created_by FROM dispatch_copies WHERE sha256 = :s",
            "SELECT 'DOSSIER', dossier_id, CAST(NULL AS VARCHAR(40)) FROM dossier_items WHERE sha256 = :s OR report_sha256 = :s",
            "SELECT 'DOSSIER', id, CAST(NULL AS VARCHAR(40)) FROM dossiers WHERE seal_sha256 = :s",
            "SELECT 'DIGITIZATION', id, created_by FROM digitizations WHERE result_sha256 = :s",
            "SELECT 'INCOMING', incoming_id, CAST(NULL AS VARCHAR(40)) FROM incoming_files WHERE sha256 = :s",
            "SELECT 'VALIDATION', id, requested_by FROM validations WHERE document_sha256 = :s OR etsi_report_sha256 = :s");

    private final Database db;

    DocumentReferencesDao(Database db) {
        this.db = db;
    }

    List<Reference> references(String sha256) {
        return db.jdbi().withHandle(h -> h.createQuery(SQL).bind("s", sha256)
                .map((rs, ctx) -> new Reference(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .list());
    }
}
