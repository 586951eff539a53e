package vn.vanthu.digitization;

import vn.vanthu.web.User;

import java.util.List;

/**
 * Files the documents of a batch into a work dossier. Defined here and implemented by the dossier feature (which
 * depends on this package, never the other way round); the application passes it in when it wires the features.
 * The dossier's filing rules apply: it must be OPEN and the caller allowed to file into it.
 *
 * <pre>{@code
 * filing.check(clerk, dossierId, metadata);          // before the job starts: 404, 403, 409 or 422
 * filing.file(clerk, dossierId, digitizedDocuments);  // at the end of the job, all in one transaction
 * }</pre>
 */
public interface DossierFiling {
    /** One digitized document to file: its digitization, its searchable PDF/A's address and the clerk's metadata. */
    record Digitized(String digitizationId, String sha256, PaperMetadata metadata) {}

    /** Refuses, as the dossier's filing would, a dossier these documents cannot be filed into. */
    void check(User caller, String dossierId, List<PaperMetadata> documents);

    /** Files every document or none (an ApiException when the dossier no longer takes them). */
    void file(User caller, String dossierId, List<Digitized> documents);
}
