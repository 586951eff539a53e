package vn.vanthu.signing.shortcuts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * PKCS#12 keys opened in the last two minutes, so that a burst of signatures does not pay the keystore's
 * key derivation (PBKDF2, tens of milliseconds) on every request. A key is reused only for the same PIN —
 * compared as a salted SHA-256 that never leaves memory — and the same keystore bytes; anything else opens
 * the keystore again, so wrong PINs still count toward the lockout. PKCS#11 keys are never given here.
 * With the shortcuts off ({@link Shortcuts#install}) nothing is kept: every unlock opens the keystore.
 *
 * <pre>{@code
 * OpenedKeys<Opened> opened = new OpenedKeys<>(o -> o.token().close());
 * Optional<Opened> recent = opened.find("official1", p12Bytes, pin, now);
 * boolean kept = opened.remember("official1", p12Bytes, pin, fresh, now);   // false: the caller closes it
 * }</pre>
 */
public final class OpenedKeys<T> {
    static final Duration TTL = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry<T>(byte[] salt, byte[] pinHash, byte[] keystoreHash, T opened, Instant expires) {}

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Consumer<T> close;

    /** {@code close}: how a key that leaves the cache is closed. */
    public OpenedKeys(Consumer<T> close) {
        this.close = close;
    }

    /** The key opened recently with this PIN from these keystore bytes, if any. */
    public Optional<T> find(String keyId, byte[] keystore, String pin, Instant now) {
        Entry<T> e = entries.get(keyId);
        if (!Shortcuts.enabled() || e == null || now.isAfter(e.expires())
                || !MessageDigest.isEqual(e.keystoreHash(), sha256().digest(keystore))) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(e.pinHash(), hash(e.salt(), pin)) ? Optional.of(e.opened()) : Optional.empty();
    }

    /**
     * Keeps a key just opened with this PIN, closing the entry it replaces. False when the shortcuts are off:
     * nothing was kept and the caller closes the key after use.
     */
    public boolean remember(String keyId, byte[] keystore, String pin, T opened, Instant now) {
        if (!Shortcuts.enabled()) {
            return false;
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Entry<T> old = entries.put(keyId, new Entry<>(salt, hash(salt, pin), sha256().digest(keystore), opened, now.plus(TTL)));
        if (old != null && old.opened() != opened) {
            close.accept(old.opened());
        }
        return true;
    }

    /** Drops (and closes) the key kept for this id, e.g. when the key is deleted. */
    public void forget(String keyId) {
        Entry<T> old = entries.remove(keyId);
        if (old != null) {
            close.accept(old.opened());
        }
    }

    private static byte[] hash(byte[] salt, String pin) {
        MessageDigest md = sha256();
        md.update(salt);
        return md.digest(pin.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
