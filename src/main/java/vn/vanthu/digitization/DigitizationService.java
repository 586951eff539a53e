package vn.vanthu.digitization;

import vn.vanthu.error.ApiException;
import vn.vanthu.jobs.Job;
import vn.vanthu.jobs.Jobs;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Digitizes paper documents: checks the scans against the rules at once (a broken rule is a 422 and nothing is
 * stored), then OCRs them in a job into a searchable PDF/A-2b that is stored in the document store, with the
 * metadata read from page 1 kept as suggestions.
 *
 * <pre>{@code
 * Submitted s = service.submit(clerk, metadata, List.of(scanPdf));   // 422 when a scan breaks a rule
 * Job job = jobs.find(s.jobId()).orElseThrow();                        // … until DONE
 * String sha256 = service.resultOf(s.digitizationId());              // 409 before
 * }</pre>
 */
public final class DigitizationService {
    static final String KIND = "DIGITIZATION";

    /** The answer of a submission: the job to follow and the digitization it makes. */
    public record Submitted(String jobId, String digitizationId) {}

    /** A digitization with its job's state. */
    public record View(Digitization digitization, Job job) {}

    private final DigitizationDao dao;
    private final DocumentStore documents;
    private final Jobs jobs;
    private final ScanChecks checks;
    private final OcrRunner ocr;
    private final Clock clock;

    DigitizationService(DigitizationDao dao, DocumentStore documents, Jobs jobs, ScanChecks checks, OcrRunner ocr,
                        Clock clock) {
        this.dao = dao;
        this.documents = documents;
        this.jobs = jobs;
        this.checks = checks;
        this.ocr = ocr;
        this.clock = clock;
    }

    /** Checks the scans (the caller keeps and deletes them) and starts the job. */
    public Submitted submit(User user, PaperMetadata metadata, List<Path> scans) {
        PaperMetadata m = metadata.validated(checks.maxPages());
        if (scans.isEmpty()) {
            throw ApiException.badRequest("MISSING_FILE", "Send the scanned pages as one or more 'scan' parts", "scan");
        }
        Prepared p = prepare("", m, scans);
        Batch started = start(user, List.of(p), null);
        return new Submitted(started.jobId(), started.digitizationIds().get(0));
    }

    /** The answer of a batch: one job for all its documents. */
    public record Batch(String jobId, List<String> digitizationIds) {}

    /** A document checked and assembled, ready for its job; {@code label} names it in a batch's errors. */
    record Prepared(String label, PaperMetadata metadata, Path input, int pages) {}

    /** Checks one document's scans and assembles them (the caller deletes the input if it is not started). */
    Prepared prepare(String label, PaperMetadata m, List<Path> scans) {
        List<ScanPage> pages = checks.check(scans, m.paperPages());
        requireOcr();
        return new Prepared(label, m, ScanAssembler.assemble(scans, pages), pages.size());
    }

    /** One job for all the documents; their rows are recorded together; {@code target} (or null) files them. */
    Batch start(User user, List<Prepared> prepared, DigitizationWork.Target target) {
        Job job;
        List<Digitization> rows = new ArrayList<>();
        try {
            job = jobs.create(KIND, prepared.stream().mapToInt(Prepared::pages).sum(), user.id());
            for (Prepared p : prepared) {
                rows.add(new Digitization(UUID.randomUUID().toString(), job.id(), p.metadata(), null, null, user.id(),
                        OffsetDateTime.now(clock)));
            }
            try {
                dao.insert(rows);
            } catch (RuntimeException e) {
                jobs.abandon(job, "JOB_NOT_STARTED", "The digitization could not be recorded");
                throw e;
            }
        } catch (RuntimeException e) {
            prepared.forEach(p -> TempFiles.delete(p.input()));
            throw e;
        }
        List<DigitizationWork.Planned> planned = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            planned.add(new DigitizationWork.Planned(rows.get(i).id(), p.label(), p.input(), p.pages(), p.metadata()));
        }
        jobs.start(job, new DigitizationWork(planned, ocr, documents, dao, target));
        return new Batch(job.id(), rows.stream().map(Digitization::id).toList());
    }

    void requireOcr() {
        if (!ocr.available()) {
            throw new ApiException(503, "OCR_UNAVAILABLE", "The OCR program is not installed on this server "
                    + "(VANTHU_OCRMYPDF; Debian packages ocrmypdf and tesseract-ocr-vie)", null);
        }
    }

    int maxPages() {
        return checks.maxPages();
    }

    /** The searchable PDF/A, verified as it streams; 409 before the job is DONE. */
    public java.io.InputStream openResult(String id) {
        return documents.open(resultOf(id));
    }

    public View get(String id) {
        Digitization d = dao.find(id).orElseThrow(() -> ApiException.notFound("Digitization"));
        return new View(d, jobs.find(d.jobId()).orElseThrow());
    }

    /**
     * The clerk confirms some of page 1's suggestions ({@code numberSymbol}, {@code documentDate},
     * {@code issuingOrgan}): they replace those fields of the metadata. 409 before the job is DONE; 422 for a field
     * with no suggestion.
     */
    /** The metadata fields page 1 may suggest. */
    public static final List<String> SUGGESTED = List.of("numberSymbol", "documentDate", "issuingOrgan");

    public View accept(String id, List<String> fields) {
        View v = get(id);
        Suggestions s = v.digitization().suggestions();
        if (v.job().state() != Job.State.DONE || s == null) {
            throw ApiException.conflict("DIGITIZATION_NOT_READY", "Suggestions exist once the digitization is DONE");
        }
        if (fields == null || fields.isEmpty()) {
            throw ApiException.badRequest("MALFORMED_JSON", "Name the suggestions to accept: {\"fields\":[\"issuingOrgan\"]}", "fields");
        }
        PaperMetadata m = v.digitization().metadata();
        for (String field : fields) {
            String value = switch (String.valueOf(field)) {
                case "numberSymbol" -> s.numberSymbol();
                case "documentDate" -> s.documentDate();
                case "issuingOrgan" -> s.issuingOrgan();
                default -> throw ApiException.badRequest("UNKNOWN_FIELD", "No suggestion is named '" + field
                        + "' (numberSymbol, documentDate, issuingOrgan)", "fields");
            };
            if (value == null) {
                throw ApiException.unprocessable("NO_SUGGESTION", "Page 1 offered no " + field, "fields");
            }
            m = new PaperMetadata(field.equals("numberSymbol") ? value : m.numberSymbol(),
                    field.equals("documentDate") ? value : m.documentDate(),
                    field.equals("issuingOrgan") ? value : m.issuingOrgan(), m.documentType(), m.subject(), m.paperPages());
        }
        dao.updateMetadata(id, m);
        return get(id);
    }

    /** The stored PDF/A's address; 409 while the job runs or when it failed. */
    public String resultOf(String id) {
        View v = get(id);
        if (v.digitization().resultSha256() != null && v.job().state() == Job.State.DONE) {
            return v.digitization().resultSha256();
        }
        if (v.job().state() == Job.State.FAILED) {
            throw ApiException.conflict("DIGITIZATION_FAILED", "The digitization failed: "
                    + v.job().errors().stream().map(Job.Error::message).findFirst().orElse("see its job"));
        }
        throw ApiException.conflict("DIGITIZATION_NOT_READY", "The digitization is " + v.job().state()
                + " (" + v.job().done() + " of " + v.job().total() + " pages done); follow job " + v.job().id());
    }
}
