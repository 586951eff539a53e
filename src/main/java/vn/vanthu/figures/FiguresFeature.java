package vn.vanthu.figures;

import vn.vanthu.config.AppConfig;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.signing.SigningService;
import vn.vanthu.store.Database;
import vn.vanthu.time.WorkingDays;

import java.time.Clock;

/**
 * The figures of electronic processing, built once in {@code App}: the grouped queries, the service that adds
 * them up per period and unit, the CSV and the sealed PDF report, and the page with its chart.
 *
 * <pre>{@code FiguresFeature figures = FiguresFeature.create(config, db, signing.service(), seal, clock);}</pre>
 */
public record FiguresFeature(FiguresService service, FiguresController controller, FiguresPagesController pages) {
    public static FiguresFeature create(AppConfig config, Database db, SigningService signing, ServiceSeal seal,
                                        Clock clock) {
        var service = new FiguresService(new FiguresDao(db), new WorkingDays(config.agency().holidays()),
                config.dossiers(), clock);
        return new FiguresFeature(service, new FiguresController(service,
                new FiguresPdf(config.agency().name(), signing, seal)), new FiguresPagesController(service));
    }
}
