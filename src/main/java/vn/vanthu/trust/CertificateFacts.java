package vn.vanthu.trust;

import vn.vanthu.pki.DevelopmentCertificates;
import vn.vanthu.store.Hashes;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an administrator reads about a certificate the service trusts or seals with: names, serial (hex), SHA-256
 * fingerprint of its DER, validity, its {@link State} now (expiring: within {@value CertificateHealth#WARN_DAYS}
 * days, the same threshold as {@code /health}), and whether it belongs to the development PKI.
 *
 * <pre>{@code CertificateFacts f = CertificateFacts.of(anchor, clock); if (f.state() == State.EXPIRED) …}</pre>
 */
public record CertificateFacts(String subject, String issuer, String serialNumber, String sha256, Instant notBefore,
                               Instant notAfter, State state, boolean development) {
    /** OK; EXPIRING within the warning period; EXPIRED (its end has passed). */
    public enum State { OK, EXPIRING, EXPIRED }

    public static CertificateFacts of(X509Certificate c, Clock clock) {
        try {
            return new CertificateFacts(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    c.getSerialNumber().toString(16), Hashes.sha256Hex(c.getEncoded()), c.getNotBefore().toInstant(),
                    c.getNotAfter().toInstant(), state(c, clock.instant()), DevelopmentCertificates.isDevelopment(c));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A certificate read before cannot be encoded again", e);
        }
    }

    static State state(X509Certificate c, Instant now) {
        Instant end = c.getNotAfter().toInstant();
        if (!end.isAfter(now)) {
            return State.EXPIRED;
        }
        return end.isAfter(now.plus(Duration.ofDays(CertificateHealth.WARN_DAYS))) ? State.OK : State.EXPIRING;
    }

    /** As answered by {@code GET /api/v1/trust-anchors}. */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("issuer", issuer);
        m.put("serialNumber", serialNumber);
        m.put("sha256", sha256);
        m.put("notBefore", notBefore.toString());
        m.put("notAfter", notAfter.toString());
        m.put("state", state.name());
        m.put("development", development);
        return m;
    }
}
