package vn.vanthu.keys;

import org.junit.jupiter.api.Assumptions;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throwaway SoftHSM2 token for the PKCS#11 tests, made once per test JVM: a fresh token folder named by the
 * file in {@code SOFTHSM2_CONF} (surefire sets it), {@code softhsm2-util --init-token}, then the official1 key
 * and chain imported through the JDK's PKCS#11 key store. Where SoftHSM2 is not installed the calling test is
 * skipped, with a banner on stderr so that the skip is seen.
 */
public final class SoftHsm {
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String LABEL = "vanthu-test";
    public static final String PIN = "123456";
    public static final String ALIAS = "official1";

    /** The token: its slot id as SoftHSM2 reassigned it. */
    public record Token(String library, long slot, String label, String alias) {}

    private static Token token;

    private SoftHsm() {}

    public static synchronized Token token() {
        boolean installed = Files.isRegularFile(LIBRARY) && vn.vanthu.support.OutsideTools.onPath("softhsm2-util");
        String conf = System.getenv("SOFTHSM2_CONF");
        if (!installed || conf == null) {
            String why = !installed ? "SoftHSM2 is not installed (" + LIBRARY + ", softhsm2-util; Debian package softhsm2)"
                    : "SOFTHSM2_CONF is not set (run the tests through Maven, which sets it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("PKCS#11 tests must run in CI: " + why);
            }
            System.err.println("\n**********************************************************************\n"
                    + "*** SKIPPED: PKCS#11 tests: " + why + "\n"
                    + "**********************************************************************\n");
            Assumptions.assumeTrue(installed && conf != null, "PKCS#11 tests skipped: " + why);
        }
        if (token == null) {
            token = create(Path.of(conf));
        }
        return token;
    }

    private static Token create(Path conf) {
        try {
            Path dir = Files.createTempDirectory("vanthu-softhsm");
            Files.createDirectories(conf.toAbsolutePath().getParent());
            Files.writeString(conf, "directories.tokendir = " + dir + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            Process p = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", LABEL,
                    "--pin", PIN, "--so-pin", "12345678").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("softhsm2-util failed: " + out);
            }
            Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("No slot in softhsm2-util output: " + out);
            }
            long slot = Long.parseLong(m.group(1));
            importKey(slot);
            return new Token(LIBRARY.toString(), slot, LABEL, ALIAS);
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Could not create the SoftHSM2 test token", e);
        }
    }

    private static void importKey(long slot) throws IOException, java.security.GeneralSecurityException {
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(Path.of("keystore-samples", ALIAS + ".p12").toFile())) {
            p12.load(in, PIN.toCharArray());
        }
        KeyStore.Entry entry = p12.getEntry(ALIAS, new KeyStore.PasswordProtection(PIN.toCharArray()));
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name=vanthu-import\nlibrary=" + LIBRARY + "\nslot=" + slot + "\n");
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, PIN.toCharArray());
        token.setEntry(ALIAS, entry, null);
        try {
            ((AuthProvider) provider).logout();
        } catch (javax.security.auth.login.LoginException e) {
            throw new IllegalStateException(e);
        }
    }

}
