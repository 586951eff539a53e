package vn.vanthu.keys;

import vn.vanthu.store.Hashes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PKCS#12 keys opened in the last two minutes, so that a burst of signatures does not pay the keystore's
 * key derivation (PBKDF2, tens of milliseconds) on every request. A key is reused only for the same PIN —
 * compared as a salted SHA-256 that never leaves memory — and the same keystore bytes; anything else opens
 * the keystore again, so wrong PINs still count toward the lockout. PKCS#11 keys are never cached.
 */
final class OpenedKeys {
    static final Duration TTL = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(byte[] salt, byte[] pinHash, String p12Sha256, KeyOpener.Opened opened, Instant expires) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<KeyOpener.Opened> find(KeyRecord key, String pin, Instant now) {
        Entry e = entries.get(key.id());
        if (e == null || now.isAfter(e.expires()) || !e.p12Sha256().equals(Hashes.sha256Hex(key.p12()))) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(e.pinHash(), hash(e.salt(), pin)) ? Optional.of(e.opened()) : Optional.empty();
    }

    /** Remembers a key just opened with this PIN; the previous entry's token is closed. */
    KeyOpener.Opened remember(KeyRecord key, String pin, KeyOpener.Opened opened, Instant now) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Entry old = entries.put(key.id(), new Entry(salt, hash(salt, pin), Hashes.sha256Hex(key.p12()), opened, now.plus(TTL)));
        if (old != null && old.opened() != opened) {
            KeyOpener.closeQuietly(old.opened().token());
        }
        return opened;
    }

    void forget(String keyId) {
        Entry old = entries.remove(keyId);
        if (old != null) {
            KeyOpener.closeQuietly(old.opened().token());
        }
    }

    private static byte[] hash(byte[] salt, String pin) {
        MessageDigest md = Hashes.sha256Digest();
        md.update(salt);
        return md.digest(pin.getBytes(StandardCharsets.UTF_8));
    }
}
