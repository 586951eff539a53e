package vn.vanthu.exchange;

import vn.vanthu.error.ApiException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * A partner's seal certificate and its trust anchor, given as PEM: read, and the certificate checked to be the
 * anchor itself or issued by it (one level, or through the intermediates given with the certificate), and valid
 * now. Anchors are per partner: the JVM's trust store is never asked.
 *
 * <pre>{@code X509Certificate seal = PartnerCertificates.checked(organ.certificate(), organ.anchor(), clock);}</pre>
 */
final class PartnerCertificates {
    private PartnerCertificates() {}

    /** The seal certificate (the first of {@code certificatePem}) once its chain to the anchor is checked. */
    static X509Certificate checked(String certificatePem, String anchorPem, Clock clock) {
        List<X509Certificate> chain = read(certificatePem, "certificate");
        List<X509Certificate> anchors = read(anchorPem, "anchor");
        X509Certificate seal = chain.get(0);
        try {
            seal.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw ApiException.unprocessable("CERTIFICATE_NOT_VALID", "The partner's seal certificate is not valid now", "certificate");
        }
        X509Certificate current = seal;
        for (int depth = 0; depth <= chain.size(); depth++) {
            for (X509Certificate anchor : anchors) {
                if (current.equals(anchor) || issuedBy(current, anchor)) {
                    return seal;
                }
            }
            X509Certificate next = null;
            for (X509Certificate c : chain) {
                if (!c.equals(current) && issuedBy(current, c)) {
                    next = c;
                }
            }
            if (next == null) {
                break;
            }
            current = next;
        }
        throw ApiException.unprocessable("UNTRUSTED_CERTIFICATE", "The partner's seal certificate does not chain to the anchor given", "anchor");
    }

    private static boolean issuedBy(X509Certificate c, X509Certificate issuer) {
        if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static List<X509Certificate> read(String pem, String field) {
        try {
            var f = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = f.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
            if (out.isEmpty() || out.size() > 10) {
                throw ApiException.unprocessable("INVALID_CERTIFICATE", field + " must hold 1 to 10 PEM certificates", field);
            }
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof ApiException a) {
                throw a;
            }
            throw ApiException.unprocessable("INVALID_CERTIFICATE", field + " is not a PEM certificate", field);
        }
    }
}
