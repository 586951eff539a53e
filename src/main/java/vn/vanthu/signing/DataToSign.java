package vn.vanthu.signing;

import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

/**
 * The first step of two-step signing ({@link SigningService#prepare}): the bytes the client-held key signs and
 * the algorithms to sign them with, and everything that fixes them — the request (its level resolved), the
 * certificate chain and the signing instant — so that {@link SigningService#complete} rebuilds the same signature.
 * A preparation restored from storage has no {@code bytes}: completing needs only what fixes them.
 *
 * <pre>{@code
 * DataToSign d = signing.prepare(SignRequest.pades(pdf), chain);
 * byte[] value = clientToken.sign(d.bytes());     // on the client, with d.signatureAlgorithm(), e.g. RSA_SHA256
 * SignedDocument out = signing.complete(d, value);
 * }</pre>
 */
public record DataToSign(SignRequest request, List<X509Certificate> chain, Date signingDate, byte[] bytes,
                         String digestAlgorithm, String signatureAlgorithm) {

    public DataToSign {
        chain = List.copyOf(chain);
    }

    /** A preparation read back from storage, to complete it. */
    static DataToSign restored(SignRequest request, List<X509Certificate> chain, Date signingDate) {
        return new DataToSign(request, chain, signingDate, null, DIGEST, SigningService.algorithm(chain.get(0)).name());
    }

    static final String DIGEST = "SHA256";
}
