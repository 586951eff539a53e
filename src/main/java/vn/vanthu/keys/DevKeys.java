package vn.vanthu.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.User;
import vn.vanthu.users.UserService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The development keys from {@code keystore-samples/}: ids equal the file base names, bound to the demo users
 * (official1 and the negative-test signers to {@code official}, official2 to {@code official2}) and the seal
 * to the agency. Safe to run at every start and by two instances at once: a key that exists is refreshed
 * only when its file changed, and an id taken concurrently is left to the other instance.
 *
 * <pre>{@code keys.seedDevelopmentKeys(config.pki().devPkiDir(), users);   // when dev.pki and demo.users}</pre>
 */
final class DevKeys {
    private static final Logger log = LoggerFactory.getLogger(DevKeys.class);
    /** The development PKI's published PIN (keystore-samples/README.md); not a secret. */
    private static final String DEV_PIN = "123456";

    record Seed(String id, String userName, String image) {}

    static final List<Seed> SEEDS = List.of(
            new Seed("official1", "official", "official1-signature.png"),
            new Seed("official2", "official2", "official2-signature.png"),
            new Seed("seal", null, "seal.png"),
            new Seed("expired", "official", "generic-signature.png"),
            new Seed("revoked", "official", "generic-signature.png"),
            new Seed("notyet", "official", "generic-signature.png"),
            new Seed("nokeyusage", "official", "generic-signature.png"));

    private DevKeys() {}

    static void ensure(KeyDao dao, Registrations registrations, UserService users, Path dir) {
        int added = 0;
        for (Seed s : SEEDS) {
            Path p12 = dir.resolve(s.id() + ".p12");
            if (!Files.isRegularFile(p12)) {
                log.warn("Development key {} is missing ({}); not seeded", s.id(), p12);
                continue;
            }
            Optional<String> owner = s.userName() == null ? Optional.of(KeyInfo.AGENCY_SEAL)
                    : users.findByName(s.userName()).map(User::id);
            if (owner.isEmpty()) {
                log.warn("Development key {}: user {} does not exist; not seeded", s.id(), s.userName());
                continue;
            }
            byte[] bytes = read(p12);
            byte[] image = Files.isRegularFile(dir.resolve(s.image())) ? read(dir.resolve(s.image())) : null;
            Optional<KeyRecord> existing = dao.find(s.id());
            if (existing.isPresent() && Arrays.equals(existing.get().p12(), bytes)) {
                continue;
            }
            try {
                if (existing.isPresent()) {
                    dao.replacePkcs12(registrations.readPkcs12(s.id(), owner.get(), bytes, DEV_PIN), image);
                    log.info("Development key {} refreshed from {}", s.id(), p12);
                } else {
                    registrations.pkcs12(new Registrations.Pkcs12(s.id(), owner.get(), bytes, DEV_PIN, s.id(), image));
                    added++;
                }
            } catch (ApiException e) {
                if (!"KEY_EXISTS".equals(e.code())) {
                    log.warn("Development key {} not seeded: {}", s.id(), e.getMessage());
                }
            }
        }
        if (added > 0) {
            log.info("Seeded {} development signing keys from {}", added, dir);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
