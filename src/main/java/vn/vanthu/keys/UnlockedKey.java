package vn.vanthu.keys;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A key opened with its PIN, ready to sign, for as long as it stays open. {@link #close()} logs out of the
 * token, forgets the PIN and lets the next user of a PKCS#11 token in.
 *
 * <pre>{@code
 * try (UnlockedKey key = keys.unlock(caller, "official1", pin)) {
 *     SignatureValue v = key.token().signDigest(digest, key.entry());
 * }
 * }</pre>
 */
public final class UnlockedKey implements AutoCloseable {
    private final SignatureTokenConnection token;
    private final DSSPrivateKeyEntry entry;
    private final KeyInfo info;
    private final KeyStore.PasswordProtection pin;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    UnlockedKey(SignatureTokenConnection token, DSSPrivateKeyEntry entry, KeyInfo info,
                KeyStore.PasswordProtection pin, Runnable release) {
        this.token = token;
        this.entry = entry;
        this.info = info;
        this.pin = pin;
        this.release = release;
    }

    public SignatureTokenConnection token() {
        return token;
    }

    public DSSPrivateKeyEntry entry() {
        return entry;
    }

    /** The certificate chain, signer first. */
    public List<X509Certificate> chain() {
        CertificateToken[] tokens = entry.getCertificateChain();
        if (tokens == null || tokens.length == 0) {
            return List.of(entry.getCertificate().getCertificate());
        }
        return Arrays.stream(tokens).map(CertificateToken::getCertificate).toList();
    }

    public KeyInfo info() {
        return info;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            token.close();
        } finally {
            try {
                pin.destroy();
            } catch (javax.security.auth.DestroyFailedException ignored) {
                // the char[] is cleared even when destroy reports this
            }
            release.run();
        }
    }
}
