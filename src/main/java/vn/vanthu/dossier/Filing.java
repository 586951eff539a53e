package vn.vanthu.dossier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.vanthu.dispatch.Dispatch;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;
import vn.vanthu.validation.ValidationReport;
import vn.vanthu.validation.ValidationService;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Files documents into an open dossier: an issued dispatch (its sealed PDF and sealed appendices, by reference
 * to the bytes already stored) or an upload with its metadata. Each file is validated as it is filed, so the
 * dossier shows at once which items carry signatures and whether they hold.
 *
 * <pre>{@code List<Dossier.Item> items = filing.fileDispatch(clerk, dossierId, dispatchId);}</pre>
 */
public final class Filing {
    private static final Set<String> KINDS = Set.of("INCOMING", "OTHER");

    private final DossierService dossiers;
    private final DossierDao dao;
    private final DispatchService dispatches;
    private final DocumentStore store;
    private final ValidationService validation;

    Filing(DossierService dossiers, DossierDao dao, DispatchService dispatches, DocumentStore store,
           ValidationService validation) {
        this.dossiers = dossiers;
        this.dao = dao;
        this.dispatches = dispatches;
        this.store = store;
        this.validation = validation;
    }

    /** Files an issued dispatch: the sealed document first, then its appendices. */
    public List<Dossier.Item> fileDispatch(User caller, RequestOrigin origin, String dossierId, String dispatchId) {
        Dossier dossier = openDossier(caller, dossierId);
        Dispatch d = dispatches.get(caller, dispatchId);
        if (d.status() != Dispatch.Status.ISSUED) {
            throw ApiException.conflict("DISPATCH_NOT_ISSUED", "Only an issued dispatch can be filed; this one is " + d.status());
        }
        Dispatch.Issued issued = d.issued();
        String organ = dossiers.agency().name();
        List<Dossier.Item> out = new ArrayList<>();
        out.add(item(caller, dossier, "DISPATCH", d.id(), d.currentSha256(), d.fileName(), issued.number(),
                issued.issuedDate(), organ, d.type().vietnameseName(), d.subject()));
        for (Dispatch.Attachment a : dispatches.attachments(d.id())) {
            out.add(item(caller, dossier, "DISPATCH", d.id(), a.sha256(), a.fileName(), issued.number(),
                    issued.issuedDate(), organ, "Phụ lục", "Phụ lục " + a.ordinal() + ": " + d.subject()));
        }
        dao.insertItems(out, AuditLog.Entry.ofChange(origin, "DOSSIER_FILE", dossierId, "dispatch " + dispatchId));
        return out;
    }

    /** Files an uploaded document with its metadata. */
    public Dossier.Item fileUpload(User caller, RequestOrigin origin, String dossierId, Path file, String fileName,
                                   String mediaType, NewItem m) {
        Dossier dossier = openDossier(caller, dossierId);
        NewItem meta = m == null ? new NewItem(null, null, null, null, null, null) : m;
        String kind = meta.kind() == null || meta.kind().isBlank()
                ? (meta.numberSymbol() == null ? "OTHER" : "INCOMING") : meta.kind().trim().toUpperCase(java.util.Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw ApiException.badRequest("INVALID_KIND", "kind must be INCOMING or OTHER (file an issued dispatch with {\"dispatchId\"})", "kind");
        }
        if (kind.equals("INCOMING")) {
            required(meta.numberSymbol(), "numberSymbol");
            required(meta.documentDate(), "documentDate");
            required(meta.issuingOrgan(), "issuingOrgan");
            required(meta.subject(), "subject");
        }
        String date = meta.documentDate() == null ? dossiers.today().toString()
                : DossierService.date(meta.documentDate(), "documentDate").toString();
        DocumentStore.StoredDocument doc = store.put(file, mediaType == null ? "application/octet-stream" : mediaType);
        String name = fileName == null || fileName.isBlank() ? "tai-lieu" : fileName;
        Dossier.Item item = item(caller, dossier, kind, null, doc.sha256(), name,
                limit(meta.numberSymbol(), NewItem.max("numberSymbol"), "numberSymbol"), date, limit(meta.issuingOrgan(), NewItem.max("issuingOrgan"), "issuingOrgan"),
                limit(meta.documentType(), NewItem.max("documentType"), "documentType"), limit(meta.subject(), NewItem.max("subject"), "subject"));
        dao.insertItems(List.of(item), AuditLog.Entry.ofChange(origin, "DOSSIER_FILE", dossierId, kind + " " + item.fileName()));
        return item;
    }

    private Dossier openDossier(User caller, String id) {
        Dossier d = dossiers.changeableBy(caller, id);
        if (!d.isOpen()) {
            throw ApiException.conflict("DOSSIER_NOT_OPEN", "Dossier " + id + " is " + d.status() + "; nothing more can be filed");
        }
        return d;
    }

    /** The item to file, its signatures validated (not stored yet). */
    private Dossier.Item item(User caller, Dossier dossier, String kind, String dispatchId, String sha, String fileName,
                              String number, String date, String organ, String type, String subject) {
        DocumentStore.StoredDocument doc = store.find(sha).orElseThrow(() -> ApiException.notFound("Document " + sha));
        byte[] bytes = store.readAllBytes(sha);
        Signatures v = signatures(fileName, bytes);
        var item = new Dossier.Item(UUID.randomUUID().toString(), dossier.id(), kind, dispatchId, sha,
                fileName.length() > 300 ? fileName.substring(0, 300) : fileName, doc.mediaType(), doc.size(),
                pages(bytes), number, date, organ, type, subject, v.count(), v.verdict(), null, caller.id(),
                dossiers.now());
        return item;
    }

    /** How many signatures a file carries and their overall verdict (null when it has none). */
    record Signatures(int count, Verdict verdict) {}

    Signatures signatures(String name, byte[] bytes) {
        if (!ValidationService.maySign(bytes)) {
            return new Signatures(0, null);
        }
        ValidationReport r;
        try {
            r = validation.validate(new ValidationService.Request(name, bytes, List.of(), null, Set.of(), null)).report();
        } catch (ApiException e) {
            return new Signatures(0, null);   // not a signed format this service reads: an unsigned file
        }
        return new Signatures(r.signaturesCount(), Verdict.of(r));
    }

    private static int pages(byte[] bytes) {
        if (bytes.length < 5 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return 0;
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return pdf.getNumberOfPages();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("MISSING_FIELD", "An incoming document needs its " + field, field);
        }
    }

    private static String limit(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest("TOO_LONG", field + " may have at most " + max + " characters", field);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
