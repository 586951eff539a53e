package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The check before signing that Decree 68/2024 asks for: the signer's certificate is within its validity
 * period, allows digital signatures (digitalSignature or nonRepudiation), and is not revoked according to the
 * verifier's OCSP responder or CRL. Anything else is 422 CERTIFICATE_NOT_USABLE, and nothing gets signed.
 * A "good" answer is reused for {@link #GOOD_FOR} so that a burst of signatures costs one OCSP round trip.
 */
final class CertificateCheck {
    private static final Logger log = LoggerFactory.getLogger(CertificateCheck.class);
    static final Duration GOOD_FOR = Duration.ofMinutes(2);
    private final Map<String, Instant> goodUntil = new ConcurrentHashMap<>();

    void assertUsable(List<CertificateToken> chain, CertificateVerifier verifier, Date at) {
        assertUsable(chain, verifier, at, false);
    }

    /**
     * {@code clientSupplied}: the chain came with the request (two-step signing), so it must first build to a
     * configured trust anchor; otherwise 422 CERTIFICATE_NOT_TRUSTED before any revocation fetch, so a client
     * cannot make the service fetch from addresses its own certificate names.
     */
    void assertUsable(List<CertificateToken> chain, CertificateVerifier verifier, Date at, boolean clientSupplied) {
        CertificateToken cert = chain.get(0);
        if (at.after(cert.getNotAfter())) {
            throw notUsable("The signing certificate expired on " + day(cert.getNotAfter()));
        }
        if (at.before(cert.getNotBefore())) {
            throw notUsable("The signing certificate is not valid before " + day(cert.getNotBefore()));
        }
        boolean[] ku = cert.getCertificate().getKeyUsage();
        if (ku != null && !ku[0] && !ku[1]) {
            throw notUsable("The signing certificate's key usage allows neither digitalSignature nor nonRepudiation");
        }
        if (clientSupplied) {
            TrustedChain.require(chain, verifier);
        }
        Instant cached = goodUntil.get(cert.getDSSIdAsString());
        if (cached != null && cached.isAfter(Instant.now())) {
            return;
        }
        if (verifier.getOcspSource() == null && verifier.getCrlSource() == null) {
            log.warn("No OCSP or CRL source is configured: the signing certificate's revocation is not checked");
            return;
        }
        CertificateToken issuer = chain.size() > 1 ? chain.get(1) : null;
        if (issuer == null) {
            throw notUsable("The certificate chain is incomplete: send the issuing CA certificate after the signer's");
        }
        RevocationToken<?> status = ask(verifier.getOcspSource(), cert, issuer);
        if (status == null) {
            status = ask(verifier.getCrlSource(), cert, issuer);
        }
        if (status == null || status.getStatus() == null) {
            throw notUsable("The revocation status of the signing certificate could not be obtained (OCSP and CRL did not answer)");
        }
        if (status.getStatus() == CertificateStatus.REVOKED) {
            throw notUsable("The signing certificate was revoked on " + day(status.getRevocationDate())
                    + (status.getReason() == null ? "" : " (" + status.getReason().name() + ")"));
        }
        if (status.getStatus() != CertificateStatus.GOOD) {
            throw notUsable("The revocation status of the signing certificate is unknown to its CA");
        }
        goodUntil.put(cert.getDSSIdAsString(), Instant.now().plus(GOOD_FOR));
    }

    private static <R extends eu.europa.esig.dss.model.x509.revocation.Revocation> RevocationToken<R> ask(
            RevocationSource<R> source, CertificateToken cert, CertificateToken issuer) {
        if (source == null) {
            return null;
        }
        try {
            return source.getRevocationToken(cert, issuer);
        } catch (RuntimeException e) {
            log.info("Revocation source {} failed: {}", source.getClass().getSimpleName(), e.toString());
            return null;
        }
    }

    private static String day(Date d) {
        return d == null ? "an unknown date" : d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static ApiException notUsable(String message) {
        return ApiException.unprocessable("CERTIFICATE_NOT_USABLE", message);
    }
}
