package vn.vanthu.digitization;

import vn.vanthu.config.AppConfig;
import vn.vanthu.jobs.Jobs;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;

import java.time.Clock;

/**
 * The digitization of paper records, built once: scan checks, the OCR runner, the service and its controller.
 *
 * <pre>{@code DigitizationFeature d = DigitizationFeature.create(config.digitization(), db, documents, jobs, clock);}</pre>
 */
public record DigitizationFeature(DigitizationService service, DigitizationController controller) {
    public static DigitizationFeature create(AppConfig.Digitization config, Database db, DocumentStore documents,
                                             Jobs jobs, Clock clock) {
        var service = new DigitizationService(new DigitizationDao(db), documents, jobs,
                new ScanChecks(config.minDpi(), config.maxPages()), new OcrRunner(config.ocrmypdf(), config.pageTimeout()),
                clock);
        return new DigitizationFeature(service, new DigitizationController(service, new Batches(service)));
    }
}
