package vn.vanthu.digitization;

import vn.vanthu.config.AppConfig;
import vn.vanthu.jobs.Jobs;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The digitization of paper records, built once: scan checks, the OCR runner, the service and its controller.
 *
 * <pre>{@code DigitizationFeature d = DigitizationFeature.create(config.digitization(), db, documents, jobs, filing, clock);}</pre>
 * ({@code filing} is the dossier feature's, read when a batch names a dossier: that feature is built later.)
 */
public record DigitizationFeature(DigitizationService service, DigitizationController controller) {
    public static DigitizationFeature create(AppConfig.Digitization config, Database db, DocumentStore documents,
                                             Jobs jobs, Supplier<DossierFiling> filing, Clock clock) {
        var service = new DigitizationService(new DigitizationDao(db), documents, jobs,
                new ScanChecks(config.minDpi(), config.maxPages()), new OcrRunner(config.ocrmypdf(), config.pageTimeout()),
                clock);
        return new DigitizationFeature(service, new DigitizationController(service, new Batches(service, filing)));
    }
}
