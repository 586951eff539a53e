package vn.vanthu.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/** A private key and its chain (leaf first) read from one of the development PKCS#12 files. */
record SigningKey(PrivateKey key, List<X509Certificate> chain) {

    /** Contract of keystore-samples: every keystore and key uses this password. */
    static final char[] PASSWORD = "123456".toCharArray();

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** Reads {@code <dir>/<name>.p12}, whose single key entry has the alias {@code name}. */
    static SigningKey load(Path dir, String name) {
        Path file = dir.resolve(name + ".p12");
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            PrivateKey key = (PrivateKey) ks.getKey(name, PASSWORD);
            Certificate[] chain = ks.getCertificateChain(name);
            if (key == null || chain == null) {
                throw new IllegalStateException(file + " has no key entry with alias " + name);
            }
            return new SigningKey(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open " + file, e);
        }
    }
}
