package vn.vanthu.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs the CRL of one CA and keeps it for a few minutes: validators fetch the same CRL many times during
 * one validation, and re-signing each time would only burn CPU and make thisUpdate jitter.
 */
final class CrlIssuer {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    static final Duration VALID_FOR = Duration.ofDays(1);

    private final SigningKey ca;
    private final List<RevokedEntry> revoked;
    private final Clock clock;
    private byte[] cached;
    private Instant cachedAt;

    CrlIssuer(SigningKey ca, List<RevokedEntry> revoked, Clock clock) {
        this.ca = ca;
        this.revoked = revoked;
        this.clock = clock;
    }

    synchronized byte[] current() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedAt.plus(CACHE_FOR)) || now.isBefore(cachedAt)) {
            cached = sign(now);
            cachedAt = now;
        }
        return cached.clone();
    }

    private byte[] sign(Instant now) {
        X509Certificate issuer = ca.certificate();
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(VALID_FOR)));
            for (RevokedEntry entry : revoked) {
                builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), entry.reason());
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
            // Milliseconds since the epoch: strictly increasing across restarts without any stored state.
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.key())).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot sign the CRL of " + issuer.getSubjectX500Principal(), e);
        }
    }
}
