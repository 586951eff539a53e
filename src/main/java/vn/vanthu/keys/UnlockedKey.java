package vn.vanthu.keys;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import vn.vanthu.signing.SigningKey;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A key opened with its PIN, ready to sign, for as long as it stays open. {@link #close()} logs out of the
 * token, forgets the PIN and lets the next user of a PKCS#11 token in.
 *
 * <pre>{@code
 * try (UnlockedKey key = keys.unlock(caller, "official1", pin)) {
 *     SignedDocument out = signing.sign(SignRequest.pades(pdf), key);
 * }
 * }</pre>
 */
public final class UnlockedKey implements SigningKey {
    private final TokenKey key;
    private final KeyInfo info;
    private final KeyStore.PasswordProtection pin;
    private final Runnable release;
    private final boolean ownsToken;
    private final boolean agencySeal;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** {@code record}: the key's registration, whose facts at {@code now} it shows. */
    UnlockedKey(SignatureTokenConnection token, DSSPrivateKeyEntry entry, KeyRecord record, Instant now,
                KeyStore.PasswordProtection pin, Runnable release, boolean ownsToken) {
        this.key = new TokenKey(token, entry);
        this.agencySeal = record.agencySeal();
        this.ownsToken = ownsToken;
        this.info = record.info(now);
        this.pin = pin;
        this.release = release;
    }

    SignatureTokenConnection token() {
        return key.token();
    }

    DSSPrivateKeyEntry entry() {
        return key.entry();
    }

    /** The certificate chain, signer first. */
    @Override
    public List<X509Certificate> chain() {
        return key.chain();
    }

    @Override
    public byte[] sign(String algorithm, byte[] data) {
        if (closed.get()) {
            throw new IllegalStateException("The key was closed");
        }
        return key.sign(algorithm, data);
    }

    @Override
    public boolean agencySeal() {
        return agencySeal;
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
            if (ownsToken) {
                key.token().close();   // a recently opened PKCS#12 key stays open in OpenedKeys instead
            }
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
