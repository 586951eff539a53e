package vn.vanthu.validation;

import java.nio.file.Files;
import java.nio.file.Path;

/** Keys made by openssl (a tool nobody here wrote), outside the development PKI. */
final class OutsideKeys {
    private OutsideKeys() {}

    /** A self-signed RSA key and certificate in a PKCS#12 with password 123456: a root nobody trusts. */
    static Path selfSignedP12(String commonName) throws Exception {
        Path dir = Files.createTempDirectory("vanthu-stranger");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-utf8", "-subj", "/CN=" + commonName + "/C=VN",
                "-days", "365", "-keyout", "key.pem", "-out", "cert.pem",
                "-addext", "keyUsage=critical,digitalSignature,nonRepudiation");
        run(dir, "openssl", "pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-name", "stranger",
                "-passout", "pass:123456", "-out", "stranger.p12");
        return dir.resolve("stranger.p12");
    }

    static void run(Path dir, String... command) {
        vn.vanthu.support.OutsideTools.Result r = vn.vanthu.support.OutsideTools.run(dir, command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.output());
        }
    }
}
