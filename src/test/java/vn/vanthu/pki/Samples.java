package vn.vanthu.pki;

import java.nio.file.Path;

/** The committed development PKI, shared by the tests (loading keystores costs PBKDF2 rounds). */
final class Samples {
    static final Path DIR = Path.of("keystore-samples");
    private static DevPki pki;

    private Samples() {
    }

    static synchronized DevPki pki() {
        if (pki == null) {
            pki = DevPki.load(DIR);
        }
        return pki;
    }

    static Path file(String name) {
        return DIR.resolve(name).toAbsolutePath();
    }
}
