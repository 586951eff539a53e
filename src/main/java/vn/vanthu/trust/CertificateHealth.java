package vn.vanthu.trust;

import vn.vanthu.web.Health;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health of certificates the service depends on (trust anchors, the agency seal): DOWN when there is none or one
 * has expired, WARN when one expires within {@value #WARN_DAYS} days (time to renew), else UP; the details name them.
 *
 * <pre>{@code health.add("trustAnchors", () -> CertificateHealth.of(trust.anchors(), clock));}</pre>
 */
public final class CertificateHealth {
    static final int WARN_DAYS = 30;

    private CertificateHealth() {}

    public static Health.Check of(List<X509Certificate> certificates, Clock clock) {
        Instant now = clock.instant();
        List<String> expired = new ArrayList<>();
        List<String> expiring = new ArrayList<>();
        for (X509Certificate c : certificates) {
            switch (CertificateFacts.state(c, now)) {
                case EXPIRED -> expired.add(c.getSubjectX500Principal().getName());
                case EXPIRING -> expiring.add(c.getSubjectX500Principal().getName());
                case OK -> { }
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("count", certificates.size());
        d.put("earliestExpiry", certificates.stream().map(c -> c.getNotAfter().toInstant()).min(Comparator.naturalOrder())
                .map(Instant::toString).orElse(null));
        if (!expired.isEmpty()) {
            d.put("expired", expired);
        }
        if (!expiring.isEmpty()) {
            d.put("expiresWithin" + WARN_DAYS + "Days", expiring);
        }
        Health.Status status = certificates.isEmpty() || !expired.isEmpty() ? Health.Status.DOWN
                : expiring.isEmpty() ? Health.Status.UP : Health.Status.WARN;
        return new Health.Check(status, d);
    }
}
