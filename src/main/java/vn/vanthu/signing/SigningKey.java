package vn.vanthu.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * <em>With which key</em>: a certificate chain and a way to sign bytes, knowing nothing of PDF, XML or CMS. The
 * keys feature opens PKCS#12 keystores and PKCS#11 tokens behind it; two-step signing puts a client-held key
 * behind it ({@link SigningService#complete}). Close a key opened for one use: closing logs out of its token.
 *
 * <pre>{@code
 * try (SigningKey key = keys.unlock(caller, "official1", pin)) {
 *     SignedDocument out = signing.sign(SignRequest.pades(SignDocument.of(pdf)), key);
 * }
 * }</pre>
 */
public interface SigningKey extends AutoCloseable {

    /** The certificate chain, signer first. */
    List<X509Certificate> chain();

    /**
     * Signs {@code data} with a JCA signature algorithm ({@code SHA256withRSA}, {@code SHA256withECDSA}) and answers
     * the signature value as that algorithm encodes it.
     */
    byte[] sign(String algorithm, byte[] data);

    /** True for the agency's seal, which only the service holds (a client-held key never is one). */
    default boolean agencySeal() {
        return false;
    }

    /** Releases the key; a key nobody holds open has nothing to release. */
    @Override
    default void close() {
    }
}
