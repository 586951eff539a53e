package vn.vanthu.digitization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;
import vn.vanthu.jobs.JobFailure;
import vn.vanthu.jobs.Jobs;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A digitization job's work: OCR each document in turn (progress counts pages across all of them), and only when
 * every one has succeeded store the PDF/As and record them all at once, so that a failed job leaves no document
 * of its batch behind as digitized. A batch for a dossier files them all into it just before they are recorded
 * (one transaction): when the dossier no longer takes them the job fails and none is filed or recorded.
 */
final class DigitizationWork implements Jobs.Work {
    private static final Logger log = LoggerFactory.getLogger(DigitizationWork.class);

    /** One document of the job: its row id, how errors name it ("" alone), its assembled scan and page count. */
    record Planned(String id, String label, Path input, int pages, PaperMetadata metadata) {}

    /** The dossier the documents are filed into once all are digitized, and who files them. */
    record Target(DossierFiling filing, User user, String dossierId) {}

    private final List<Planned> documents;
    private final OcrRunner ocr;
    private final DocumentStore store;
    private final DigitizationDao dao;
    private final Target target;

    DigitizationWork(List<Planned> documents, OcrRunner ocr, DocumentStore store, DigitizationDao dao, Target target) {
        this.target = target;
        this.documents = documents;
        this.ocr = ocr;
        this.store = store;
        this.dao = dao;
    }

    @Override
    public void run(Jobs.Progress progress) throws InterruptedException {
        List<Path> outputs = new ArrayList<>();
        try {
            Map<String, String> texts = new LinkedHashMap<>();
            int before = 0;
            for (Planned d : documents) {
                Path output = TempFiles.create("digitization-output");
                outputs.add(output);
                int offset = before;
                try {
                    texts.put(d.id(), ocr.run(d.input(), output, d.pages(), n -> progress.done(offset + n)));
                } catch (JobFailure f) {
                    throw new JobFailure(f.code(), d.label() + f.getMessage());
                }
                before += d.pages();
            }
            Map<String, DigitizationDao.Result> results = new LinkedHashMap<>();
            for (int i = 0; i < documents.size(); i++) {
                String id = documents.get(i).id();
                String sha256 = store.put(outputs.get(i), "application/pdf").sha256();
                results.put(id, new DigitizationDao.Result(sha256, Suggestions.read(pageOne(texts.get(id)))));
            }
            file(results);
            dao.complete(results);
            log.info("Digitized {} document(s), {} pages", documents.size(), before);
        } finally {
            documents.forEach(d -> TempFiles.delete(d.input()));
            outputs.forEach(TempFiles::delete);
        }
    }

    /** Files every document into the target dossier in one transaction, or none (the job fails, naming the dossier). */
    private void file(Map<String, DigitizationDao.Result> results) {
        if (target == null) {
            return;
        }
        List<DossierFiling.Digitized> filed = new ArrayList<>();
        for (Planned d : documents) {
            filed.add(new DossierFiling.Digitized(d.id(), results.get(d.id()).sha256(), d.metadata()));
        }
        try {
            target.filing().file(target.user(), target.dossierId(), filed);
        } catch (ApiException e) {
            throw new JobFailure("DOSSIER_FILING_FAILED", "No document was filed into dossier " + target.dossierId()
                    + ": " + e.getMessage());
        }
    }

    private static String pageOne(String text) {
        int formFeed = text.indexOf('\f');
        return formFeed < 0 ? text : text.substring(0, formFeed);
    }
}
