package vn.vanthu.users;

import vn.vanthu.web.Json;
import vn.vanthu.web.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * The demo users of a development installation and their tokens in {@code demo-tokens.json} (mode 600).
 * A second start finds the users and the file and reuses both (the file's tokens get a full lifetime again);
 * a missing or stale file gets new tokens.
 */
public final class DemoUsers {
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    public static final String TOKENS_FILE = "demo-tokens.json";
    public static final String PASSWORDS_FILE = "demo-passwords.json";

    record Demo(String name, String displayName, Set<Role> roles, boolean tokenInFile) {}

    /** official2 is a second signer for sequential signatures; an admin issues its token when needed. */
    static final java.util.List<Demo> DEMOS = java.util.List.of(
            new Demo("official", "Nguyễn Hữu Thắng", Set.of(Role.OFFICIAL), true),
            new Demo("clerk", "Lê Thị Hoa", Set.of(Role.CLERK), true),
            new Demo("auditor", "Phạm Văn Kiểm", Set.of(Role.AUDITOR), true),
            new Demo("admin", "Quản trị hệ thống", Set.of(Role.ADMIN), true),
            new Demo("handler", "Đỗ Văn Hùng", Set.of(Role.HANDLER), true),
            new Demo("official2", "Trần Thị Mai Hương", Set.of(Role.OFFICIAL), false));

    private DemoUsers() {}

    /** Ensures the demo users exist and that the tokens file holds working tokens; returns the file. */
    public static Path ensure(UserService users, Path dataDir) {
        for (Demo d : DEMOS) {
            if (users.findByName(d.name()).isEmpty()) {
                users.create(d.name(), d.displayName(), d.roles());
            }
        }
        Path file = dataDir.resolve(TOKENS_FILE);
        Map<String, String> tokens = read(file);
        tokens.values().forEach(users::renewDemoToken);   // a restarted dev service keeps working tokens
        // A valid token is kept as it is (an older file without a newer demo user keeps its entries exactly).
        keepOrRenew(file, tokens, (name, t) -> users.authenticate(t).map(u -> u.name().equals(name)).orElse(false),
                name -> users.issueToken(users.findByName(name).orElseThrow().id(), "demo").token());
        log.info("Demo users official, clerk, auditor, admin, handler: their bearer tokens are in {}", file);
        return file;
    }

    /**
     * The demo users of the file also get passwords, written to {@code demo-passwords.json} (mode 600) and not to
     * be changed; a password that still opens its account is kept across restarts.
     */
    static Path ensurePasswords(UserService users, SignIn signIn, Path dataDir) {
        Path file = dataDir.resolve(PASSWORDS_FILE);
        keepOrRenew(file, read(file), signIn::opens, name -> {
            String p = Passwords.random();
            signIn.setDemoPassword(users.findByName(name).orElseThrow().id(), p);
            return p;
        });
        log.info("Demo users' passwords for the pages are in {}", file);
        return file;
    }

    /**
     * The secrets (tokens or passwords) of the demo users in the file: a known one that still {@code works} is kept
     * as it is, any other is replaced by a {@code fresh} one, and the file is written again only when one was.
     */
    private static void keepOrRenew(Path file, Map<String, String> known, BiPredicate<String, String> works,
                                    UnaryOperator<String> fresh) {
        Map<String, String> kept = new LinkedHashMap<>();
        boolean changed = false;
        for (Demo d : DEMOS) {
            if (!d.tokenInFile()) {
                continue;
            }
            String secret = known.get(d.name());
            if (secret == null || !works.test(d.name(), secret)) {
                secret = fresh.apply(d.name());
                changed = true;
            }
            kept.put(d.name(), secret);
        }
        if (changed) {
            write(file, kept);
        }
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> m = Json.MAPPER.readValue(file.toFile(), Map.class);
            return m;
        } catch (IOException | RuntimeException e) {
            log.warn("{} is unreadable; making new demo secrets", file);
            return Map.of();
        }
    }

    private static void write(Path file, Map<String, String> tokens) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tokens));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
