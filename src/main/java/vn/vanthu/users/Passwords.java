package vn.vanthu.users;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import vn.vanthu.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Password hashing (Argon2id, stored as a PHC string {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}) and the
 * password policy: 12 to 128 characters, not the user name, not one character repeated, not a well-known password.
 *
 * <pre>{@code String phc = Passwords.hash("một mật khẩu dài"); boolean ok = Passwords.matches("…", phc);}</pre>
 */
final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** OWASP's minimum for Argon2id: 19 MiB, two passes, one lane. */
    private static final int MEMORY_KIB = 19_456;
    /**
     * The development profile's demo users, whose passwords lie in clear beside the database: 256 KiB. Their five
     * hashes at 19 MiB, made or checked at every development start, left G1 about 100 MB of promoted garbage, and
     * the mixed collections that cleared it set its adaptive IHOP on start-up rates (docs/performance.md).
     */
    private static final int DEMO_MEMORY_KIB = 256;
    private static final int ITERATIONS = 2;
    private static final int LANES = 1;
    private static final int HASH_BYTES = 32;
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final Set<String> WELL_KNOWN = Set.of("123456789012", "password1234", "qwertyuiop12",
            "matkhau12345", "123456123456", "abcdefghijkl", "adminadmin12", "password123!", "iloveyou1234");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /**
     * Compared against when the user is unknown, so that an unknown name costs as long as a wrong password; made
     * at the first such sign-in, not at start.
     */
    private static final class Dummy {
        static final String PHC = hash("a password nobody has 7c1e");
    }

    private Passwords() {}

    /** Throws 400 WEAK_PASSWORD naming the rule the password breaks. */
    static void checkPolicy(String userName, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw weak("The password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userName != null && lower.contains(userName.toLowerCase(Locale.ROOT))) {
            throw weak("The password must not contain the user name");
        }
        if (password.chars().distinct().count() < 4) {
            throw weak("The password must use at least four different characters");
        }
        if (WELL_KNOWN.contains(lower)) {
            throw weak("This password is too well known");
        }
    }

    private static ApiException weak(String message) {
        return ApiException.badRequest("WEAK_PASSWORD", message, "password");
    }

    static String dummy() {
        return Dummy.PHC;
    }

    static String hash(String password) {
        return hash(password, MEMORY_KIB);
    }

    /** A demo user's password (development profile only). */
    static String demoHash(String password) {
        return hash(password, DEMO_MEMORY_KIB);
    }

    private static String hash(String password, int memoryKib) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, memoryKib, ITERATIONS, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(out);
    }

    /** False for a wrong password and for a stored value that is not an Argon2id PHC string. */
    static boolean matches(String password, String phc) {
        if (password == null || phc == null || password.length() > MAX_LENGTH) {
            return false;
        }
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int m = 0, t = 0, p = 0;
            for (String kv : parts[3].split(",")) {
                int v = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = v;
                    case 't' -> t = v;
                    case 'p' -> p = v;
                    default -> { return false; }
                }
            }
            if (m < 8 || m > 1 << 20 || t < 1 || t > 10 || p < 1 || p > 8) {
                return false;
            }
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = derive(password, B64D.decode(parts[4]), m, t, p, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(lanes).build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] out = new byte[length];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** A random password that meets the policy (demo users, first passwords an administrator may hand out). */
    static String random() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
