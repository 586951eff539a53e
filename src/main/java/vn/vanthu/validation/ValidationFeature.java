package vn.vanthu.validation;

import java.time.Clock;
import vn.vanthu.config.AppConfig;
import vn.vanthu.store.Database;
import vn.vanthu.trust.TrustServices;

/** The validation feature, built once: the validator over the trust anchors and policies, its store and reports. */
public record ValidationFeature(ValidationService service, ValidationController controller,
                                ValidationPagesController pages) {
    public static ValidationFeature create(AppConfig config, Database db, TrustServices trust, Clock clock) {
        var validation = new ValidationService(trust, Policies.load(config.validation().policyDir()),
                config.validation().maxSignatures(), config.validation().maxConcurrent(),
                config.validation().workSecondsPerMb(), config.validation().workMinimumSeconds());
        var validations = new Validations(validation, new ValidationStore(db, clock));
        var reportPdf = ReportPdf.create(config, trust);
        return new ValidationFeature(validation, new ValidationController(validations, reportPdf),
                new ValidationPagesController(validations, reportPdf));
    }
}
