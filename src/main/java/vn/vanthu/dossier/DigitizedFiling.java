package vn.vanthu.dossier;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.digitization.DigitizationService;
import vn.vanthu.digitization.DossierFiling;
import vn.vanthu.digitization.PaperMetadata;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.util.ArrayList;
import java.util.List;

/**
 * Files digitized paper documents: their searchable PDF/A with the clerk's metadata and the origin DIGITIZED
 * (Circular 05/2025 origin code 02), one at a time ({@code {"digitizationId"}}) or a batch's documents together
 * at the end of its job. The dossier's filing rules apply as for any filing: OPEN, and the caller its responsible
 * person or a clerk.
 *
 * <pre>{@code
 * Dossier.Item item = digitized.fileDigitization(clerk, origin, dossierId, digitizationId);   // 409 until DONE
 * }</pre>
 */
final class DigitizedFiling implements DossierFiling {
    private final Filing filing;
    private final DossierService dossiers;
    private final DossierDao dao;
    private final DigitizationService digitizations;

    DigitizedFiling(Filing filing, DossierService dossiers, DossierDao dao, DigitizationService digitizations) {
        this.filing = filing;
        this.dossiers = dossiers;
        this.dao = dao;
        this.digitizations = digitizations;
    }

    /** Files one digitization whose job is DONE, with its (confirmed) metadata. */
    Dossier.Item fileDigitization(User caller, RequestOrigin origin, String dossierId, String digitizationId) {
        Dossier dossier = filing.openDossier(caller, dossierId);
        if (digitizationId.length() > 40) {
            throw ApiException.notFound("Digitization");
        }
        PaperMetadata m = digitizations.get(digitizationId).digitization().metadata();
        String sha256 = digitizations.resultOf(digitizationId);
        checkLimits(m, "");
        Dossier.Item item = item(caller, dossier, new Digitized(digitizationId, sha256, m));
        dao.insertItems(List.of(item), AuditLog.Entry.ofChange(origin, "DOSSIER_FILE", dossierId,
                "digitization " + digitizationId));
        return item;
    }

    @Override
    public void check(User caller, String dossierId, List<PaperMetadata> documents) {
        filing.openDossier(caller, dossierId);
        for (int i = 0; i < documents.size(); i++) {
            checkLimits(documents.get(i), "Document " + (i + 1) + " of the CSV: ");
        }
    }

    @Override
    public void file(User caller, String dossierId, List<Digitized> documents) {
        Dossier dossier = filing.openDossier(caller, dossierId);
        List<Dossier.Item> items = new ArrayList<>();
        for (Digitized d : documents) {
            items.add(item(caller, dossier, d));
        }
        AuditLog.Entry audit = new AuditLog.Entry(caller.id(), "DOSSIER_FILE", dossierId, "SUCCESS", null,
                items.size() + " digitized documents", dossiers.now().toInstant());
        dao.insertItems(items, audit);
    }

    private Dossier.Item item(User caller, Dossier dossier, Digitized d) {
        PaperMetadata m = d.metadata();
        String kind = m.numberSymbol() == null ? "OTHER" : "INCOMING";
        String date = m.documentDate() == null ? dossiers.today().toString() : m.documentDate();
        return filing.item(caller, dossier, kind, null, d.sha256(), "so-hoa-" + d.digitizationId() + ".pdf",
                m.numberSymbol(), date, m.issuingOrgan(), m.documentType(), m.subject(), Dossier.Origin.DIGITIZED,
                d.digitizationId());
    }

    /** A digitization's metadata may be longer than a dossier item takes: refused, never cut. */
    private static void checkLimits(PaperMetadata m, String where) {
        limit(m.numberSymbol(), "numberSymbol", where);
        limit(m.issuingOrgan(), "issuingOrgan", where);
        limit(m.documentType(), "documentType", where);
        limit(m.subject(), "subject", where);
    }

    private static void limit(String value, String field, String where) {
        int max = NewItem.max(field);
        if (value != null && value.length() > max) {
            throw ApiException.unprocessable("TOO_LONG", where + field + " may have at most " + max
                    + " characters in a dossier", field);
        }
    }
}
