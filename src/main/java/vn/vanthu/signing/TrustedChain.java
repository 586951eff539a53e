package vn.vanthu.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.ListCertificateSource;
import vn.vanthu.error.ApiException;

import java.util.List;

/**
 * Whether a certificate chain sent by a client builds to one of the configured trust anchors, checked offline:
 * each certificate is signed by the next, and the chain ends in an anchor or in a certificate an anchor signed.
 * Only then may the service spend network requests on its revocation status.
 *
 * <pre>{@code TrustedChain.require(chain, verifier);   // 422 CERTIFICATE_NOT_TRUSTED otherwise}</pre>
 */
final class TrustedChain {
    /** Longer chains are refused before parsing them further (real ones have two to four certificates). */
    static final int MAX_CERTIFICATES = 10;

    private TrustedChain() {}

    static void require(List<CertificateToken> chain, CertificateVerifier verifier) {
        ListCertificateSource trusted = verifier.getTrustedCertSources();
        List<CertificateToken> anchors = trusted == null ? List.of() : trusted.getCertificates();
        for (int i = 0; i < chain.size(); i++) {
            CertificateToken c = chain.get(i);
            if (anchors.contains(c) || anchors.stream().anyMatch(a -> issuedBy(c, a))) {
                return;
            }
            if (i + 1 < chain.size() && !issuedBy(c, chain.get(i + 1))) {
                break;
            }
        }
        throw ApiException.unprocessable("CERTIFICATE_NOT_TRUSTED",
                "The certificate chain does not lead to a trust anchor this service is configured with", "certificate");
    }

    private static boolean issuedBy(CertificateToken c, CertificateToken issuer) {
        return c.getIssuerX500Principal().equals(issuer.getSubject().getPrincipal()) && c.isSignedBy(issuer);
    }
}
