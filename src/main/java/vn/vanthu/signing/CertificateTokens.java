package vn.vanthu.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DSS's token of each certificate a key presents, made once: a token computes its identifiers (digests of the
 * key and the encoding) on first use, and a burst of signatures with one key should pay that once, as it did when
 * keys handed DSS tokens directly. Certificates compare by their encoding; only so many are remembered.
 *
 * <pre>{@code List<CertificateToken> chain = tokens.of(key.chain());}</pre>
 */
final class CertificateTokens {
    private static final int MAX_REMEMBERED = 512;
    private final Map<X509Certificate, CertificateToken> known = new ConcurrentHashMap<>();

    List<CertificateToken> of(List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("A signing key must present its certificate");
        }
        return chain.stream().map(this::of).toList();
    }

    private CertificateToken of(X509Certificate c) {
        CertificateToken t = known.get(c);
        if (t != null) {
            return t;
        }
        if (known.size() >= MAX_REMEMBERED) {
            known.clear();
        }
        return known.computeIfAbsent(c, CertificateToken::new);
    }
}
