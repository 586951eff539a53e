package vn.vanthu.digitization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;
import vn.vanthu.jobs.Job;
import vn.vanthu.jobs.Jobs;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
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
    private static final Logger log = LoggerFactory.getLogger(DigitizationService.class);
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
        List<ScanPage> pages = checks.check(scans, m.paperPages());
        requireOcr();
        Path input = ScanAssembler.assemble(scans, pages);
        Job job;
        Digitization d;
        try {
            job = jobs.create(KIND, pages.size(), user.id());
            d = new Digitization(UUID.randomUUID().toString(), job.id(), m, null, null, user.id(), OffsetDateTime.now(clock));
            try {
                dao.insert(d);
            } catch (RuntimeException e) {
                jobs.abandon(job, "JOB_NOT_STARTED", "The digitization could not be recorded");
                throw e;
            }
        } catch (RuntimeException e) {
            TempFiles.delete(input);
            throw e;
        }
        jobs.start(job, progress -> ocr(d.id(), input, pages.size(), progress));
        return new Submitted(job.id(), d.id());
    }

    void requireOcr() {
        if (!ocr.available()) {
            throw new ApiException(503, "OCR_UNAVAILABLE", "The OCR program is not installed on this server "
                    + "(VANTHU_OCRMYPDF; Debian packages ocrmypdf and tesseract-ocr-vie)", null);
        }
    }

    /** The job's work: OCR, store the PDF/A, record it with page 1's suggestions. */
    private void ocr(String id, Path input, int pages, Jobs.Progress progress) throws InterruptedException {
        Path output = TempFiles.create("digitization-output");
        try {
            String text = ocr.run(input, output, pages, progress);
            DocumentStore.StoredDocument doc = documents.put(output, "application/pdf");
            int formFeed = text.indexOf('\f');
            dao.complete(id, doc.sha256(), Suggestions.read(formFeed < 0 ? text : text.substring(0, formFeed)));
            log.info("Digitization {}: {} pages recognised, stored as {}", id, pages, doc.sha256());
        } finally {
            TempFiles.delete(input);
            TempFiles.delete(output);
        }
    }

    /** The searchable PDF/A, verified as it streams; 409 before the job is DONE. */
    public java.io.InputStream openResult(String id) {
        return documents.open(resultOf(id));
    }

    public View get(String id) {
        Digitization d = dao.find(id).orElseThrow(() -> ApiException.notFound("Digitization"));
        return new View(d, jobs.find(d.jobId()).orElseThrow());
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
