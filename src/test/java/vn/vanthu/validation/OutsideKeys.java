package vn.vanthu.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

    static void run(Path dir, String... command) throws Exception {
        vn.vanthu.support.OutsideTools.require(command[0]);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
