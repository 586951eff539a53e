package vn.vanthu.keys;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.Digest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.signing.shortcuts.Shortcuts;
import vn.vanthu.store.Database;
import vn.vanthu.support.Databases;
import vn.vanthu.users.UserService;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The opened-key cache (a DSS shortcut) changes nothing a caller sees: a key served from it signs the same bytes
 * as one opened afresh, a wrong PIN is still refused and counted, and with the shortcuts off every unlock opens
 * the keystore again.
 */
class OpenedKeyCacheTest {
    private static final byte[] HASH = sha256("Quyết định số 12/QĐ-SKHCN");
    private Database db;
    private KeyService keys;
    private User official;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("vanthu-opened-keys");
        Databases.Target t = Databases.fresh(Databases.Kind.H2, dir);
        db = Database.open(new AppConfig.Storage(dir, t.url(), t.user(), t.password(), 4));
        UserService users = new UserService(db, java.time.Clock.systemUTC());
        official = users.create("official", "Nguyễn Hữu Thắng", Set.of(Role.OFFICIAL));
        keys = new KeyService(db, users, new AppConfig.Keys(5, Duration.ofMinutes(15), Duration.ofMinutes(5), List.of()), java.time.Clock.systemUTC());
        byte[] p12 = Files.readAllBytes(Path.of("keystore-samples/official1.p12"));
        keys.registerPkcs12(new Registrations.Pkcs12("mine", official.id(), p12, "123456", null, null));
    }

    @AfterEach
    void close() {
        Shortcuts.install(true);
        db.close();
    }

    @Test
    void a_key_from_the_cache_signs_the_same_bytes_as_a_key_opened_afresh() {
        Shortcuts.install(false);
        byte[] fresh = signature();
        Shortcuts.install(true);
        byte[] first = signature();
        byte[] cached = signature();
        assertArrayEquals(fresh, first);
        assertArrayEquals(fresh, cached);
    }

    @Test
    void the_cache_serves_the_same_token_only_while_the_shortcuts_are_on() {
        Shortcuts.install(true);
        assertSame(tokenOfAnUnlock(), tokenOfAnUnlock(), "kept for the next unlock");
        Shortcuts.install(false);
        assertNotSame(tokenOfAnUnlock(), tokenOfAnUnlock(), "opened afresh every time");
    }

    @Test
    void a_wrong_pin_is_refused_after_a_good_unlock_with_the_shortcuts_on_as_off() {
        for (boolean on : List.of(true, false)) {
            Shortcuts.install(on);
            signature();
            ApiException e = assertThrows(ApiException.class, () -> keys.unlock(official, "mine", "654321"));
            assertEquals("WRONG_PIN", e.code());
        }
    }

    private Object tokenOfAnUnlock() {
        try (UnlockedKey key = keys.unlock(official, "mine", "123456")) {
            return key.token();
        }
    }

    private byte[] signature() {
        try (UnlockedKey key = keys.unlock(official, "mine", "123456")) {
            return key.token().signDigest(new Digest(DigestAlgorithm.SHA256, HASH), key.entry()).getValue();
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
