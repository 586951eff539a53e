package vn.vanthu.signing;

import java.time.Clock;
import vn.vanthu.config.AppConfig;
import vn.vanthu.limits.WorkBudget;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.trust.TrustServices;

/**
 * The signing feature, built once: the signing service (one step and two steps) and its HTTP controller, over the
 * keys the service holds ({@link KeyVault}, implemented by the keys feature) and the rule for the agency seal
 * ({@link SealRule}). Signings get as many slots at once as validations, in a budget of their own.
 */
public record SigningFeature(SigningService service, TwoStepSigning twoStep, SigningController controller) {
    public static SigningFeature create(AppConfig config, Database db, DocumentStore documents, TrustServices trust,
                                        KeyVault keys, SealRule sealRule, Clock clock) {
        AppConfig.Validation v = config.validation();
        int slots = v.maxConcurrent() > 0 ? v.maxConcurrent() : Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        SigningService signing = SigningService.over(trust,
                new WorkBudget(slots, v.workSecondsPerMb(), v.workMinimumSeconds(), "signing"));
        TwoStepSigning twoStep = new TwoStepSigning(signing, documents, db, config.keys().preparationTtl(), clock);
        return new SigningFeature(signing, twoStep, new SigningController(signing, twoStep, keys, sealRule));
    }
}
