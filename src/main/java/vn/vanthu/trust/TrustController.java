package vn.vanthu.trust;

import io.javalin.http.Context;
import vn.vanthu.config.Setting;
import vn.vanthu.web.Views;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The trust anchors the service validates against and the agency seal's certificate, as configuration made them
 * (they change only with the settings and a restart): {@code GET /api/v1/trust-anchors} as JSON, and the
 * administrator's page with a badge per certificate (OK, expiring within 30 days, expired).
 *
 * <pre>{@code new TrustController(trust, () -> Optional.of(sealCertificate), clock)}</pre>
 */
public final class TrustController {
    /** The settings that change what this page shows. */
    static final List<Setting> SETTINGS = List.of(Setting.TRUST_ANCHORS, Setting.TRUST_ANCHORS_PASSWORD, Setting.DEV_PKI,
            Setting.REPORT_SEAL_KEYSTORE, Setting.REPORT_SEAL_PASSWORD);
    private final TrustServices trust;
    private final Supplier<Optional<X509Certificate>> seal;
    private final Clock clock;

    /** {@code seal}: the agency seal's certificate, empty when the service holds no seal. */
    public TrustController(TrustServices trust, Supplier<Optional<X509Certificate>> seal, Clock clock) {
        this.trust = trust;
        this.seal = seal;
        this.clock = clock;
    }

    public void anchors(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", anchors().stream().map(CertificateFacts::view).toList());
        m.put("sealCertificate", sealFacts().map(CertificateFacts::view).orElse(null));
        ctx.json(m);
    }

    public void page(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("anchors", anchors());
        model.put("seal", sealFacts().orElse(null));
        model.put("settings", SETTINGS.stream().map(Setting::envName).toList());
        Views.render(ctx, "admin-trust", model);
    }

    private List<CertificateFacts> anchors() {
        return trust.anchors().stream().map(c -> CertificateFacts.of(c, clock)).toList();
    }

    private Optional<CertificateFacts> sealFacts() {
        return seal.get().map(c -> CertificateFacts.of(c, clock));
    }
}
