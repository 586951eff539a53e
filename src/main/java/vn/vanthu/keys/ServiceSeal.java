package vn.vanthu.keys;

import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import vn.vanthu.config.AppConfig;
import vn.vanthu.signing.SigningKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The agency seal the service holds itself ({@code report.seal.keystore}, the keystore that seals validation
 * report PDFs): it seals what the service produces on its own, without a clerk's PIN — the edXML envelope of an
 * issued dispatch. Not configured (no keystore) means the service holds no seal. The keystore is opened once, on
 * first use; the opened token is shared (a PKCS#12 key in memory, like a recently opened key of KeyService).
 *
 * <pre>{@code if (seal.configured()) { SignedDocument s = signing.sign(SignRequest.xadesEnveloped(xml), seal.key()); }}</pre>
 */
public final class ServiceSeal {
    private final Path keystore;
    private final String password;
    private volatile SigningKey key;

    public ServiceSeal(Path keystore, String password) {
        this.keystore = keystore;
        this.password = password;
    }

    public static ServiceSeal of(AppConfig config) {
        return new ServiceSeal(config.validation().sealKeystore(), config.validation().sealPassword());
    }

    public boolean configured() {
        return keystore != null;
    }

    /** The seal's certificate (opening the seal on first use), empty when none is configured. */
    public Optional<X509Certificate> certificate() {
        return configured() ? Optional.of(key().chain().get(0)) : Optional.empty();
    }

    /** The opened seal (never closed: it stays open while the service runs); {@link IllegalStateException} when none is configured. */
    public SigningKey key() {
        SigningKey k = key;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (key == null) {
                if (keystore == null) {
                    throw new IllegalStateException("No service seal is configured (report.seal.keystore)");
                }
                try {
                    Pkcs12SignatureToken token = new Pkcs12SignatureToken(keystore.toFile(),
                            new KeyStore.PasswordProtection(password.toCharArray()));
                    key = new TokenKey(token, token.getKeys().get(0));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot open the service seal " + keystore, e);
                }
            }
            return key;
        }
    }
}
