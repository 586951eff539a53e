package vn.vanthu.keys;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.web.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.signing.KeyVault;
import vn.vanthu.signing.shortcuts.OpenedKeys;
import vn.vanthu.store.Database;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;
import vn.vanthu.users.UserService;
import vn.vanthu.web.Health;

import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Signing keys by id, each bound to its owner: a user (an OFFICIAL uses only their own keys) or the agency
 * seal (used by a CLERK). The PIN is given per use, never stored or logged. Attempts are counted in the
 * database per key and user before the PIN is tried, so that {@code pin.attempts} wrong PINs in a row lock the
 * key for that user for {@code key.lock.minutes} on every instance, however many requests race; one clerk's
 * typos lock the shared seal for that clerk only.
 *
 * <p>Close an {@link UnlockedKey} promptly: the keys of one PKCS#11 library are open one at a time in an
 * instance (a token login is shared by the whole process, so a second open login would let any PIN through);
 * a second {@code unlock} of such a key waits up to 30 s, then answers 503 {@code KEY_BUSY}. Certificates are
 * not judged here: an expired or not-yet-valid key still unlocks, and signing code decides.
 *
 * <pre>{@code
 * try (UnlockedKey key = keys.unlock(caller, "official1", pin)) {   // 403 KEY_NOT_ALLOWED / WRONG_PIN, 429 KEY_LOCKED
 *     SignedDocument out = signing.sign(SignRequest.pades(pdf), key);
 * }
 * }</pre>
 */
public final class KeyService implements KeyVault {
    private static final Logger log = LoggerFactory.getLogger(KeyService.class);
    private static final long TOKEN_WAIT_SECONDS = 30;

    private final KeyDao dao;
    private final Registrations registrations;
    private final AppConfig.Keys config;
    private final Clock clock;
    /** A PKCS#11 login is shared by the whole process, so one user at a time per token (see UnlockedKey#close). */
    private final Map<String, Semaphore> tokenLocks = new ConcurrentHashMap<>();
    private final SealAlarm sealAlarm = new SealAlarm();
    private final OpenedKeys<KeyOpener.Opened> opened = new OpenedKeys<>(o -> KeyOpener.closeQuietly(o.token()));

    public KeyService(Database db, UserService users, AppConfig.Keys config, Clock clock) {
        this.dao = new KeyDao(db);
        this.config = config;
        this.clock = clock;
        this.registrations = new Registrations(dao, users, config, this::withToken, clock);
    }

    /** Opens the key for the caller: owner check, then the lock, then the PIN. Close the result when done. */
    @Override
    public UnlockedKey unlock(User caller, String keyId, String pin) {
        Instant now = clock.instant();
        KeyDao.ForUser found = dao.findForUser(keyId, caller.id(), now).orElseThrow(() -> ApiException.notFound("Key " + keyId));
        KeyRecord key = found.key();
        if (!mayUse(caller, key.owner())) {
            throw ApiException.forbidden("KEY_NOT_ALLOWED", "You may not use the key " + keyId);
        }
        if (pin == null || pin.isEmpty()) {
            throw ApiException.badRequest("PIN_REQUIRED", "Give the key's PIN or keystore password", "pin");
        }
        if (found.lockedUntil() != null) {
            throw locked(found.lockedUntil());
        }
        boolean pkcs11 = KeyInfo.PKCS11.equals(key.kind());
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(pin.toCharArray());
        if (!pkcs11) {
            // Only the right PIN is found here, so no guess escapes the count below.
            Optional<KeyOpener.Opened> recent = opened.find(key.id(), key.p12(), pin, now);
            if (recent.isPresent()) {
                return new UnlockedKey(recent.get().token(), recent.get().entry(), key, now, protection, () -> { }, false);
            }
        }
        // Tried under this user's counter row for the key: guesses run one after the other and each is counted
        // before the next can start; a request that waited behind the one that opened the key finds it opened.
        Runnable release = pkcs11 ? acquire(key.tokenKey()) : () -> { };
        KeyDao.PinTry<Opening> tried;
        try {
            tried = dao.underCount(keyId, caller.id(), config.pinAttempts(), config.lockDuration(), now, () -> {
                Optional<KeyOpener.Opened> recent = pkcs11 ? Optional.empty() : opened.find(key.id(), key.p12(), pin, now);
                return recent.map(o -> new Opening(o, true)).orElseGet(() -> new Opening(KeyOpener.open(key, protection), false));
            }, e -> e instanceof KeyOpener.WrongPin);
        } catch (RuntimeException e) {
            release.run();
            destroy(protection);
            throw e;
        }
        if (tried.value() == null) {
            release.run();
            destroy(protection);
            throw tried.refused() ? locked(tried.lockedUntil()) : failure(caller, key, tried);
        }
        Opening o = tried.value();
        if (o.cached()) {
            release.run();
            return new UnlockedKey(o.opened().token(), o.opened().entry(), key, now, protection, () -> { }, false);
        }
        boolean kept = !pkcs11 && opened.remember(key.id(), key.p12(), pin, o.opened(), now);
        return new UnlockedKey(o.opened().token(), o.opened().entry(), key, now, protection, release, !kept);
    }

    /** A key opened for this request, or found opened by an earlier one with the same PIN. */
    private record Opening(KeyOpener.Opened opened, boolean cached) {}

    private RuntimeException failure(User caller, KeyRecord key, KeyDao.PinTry<?> tried) {
        RuntimeException e = tried.error();
        if (e instanceof KeyOpener.WrongPin) {
            Optional<Instant> lockedUntil = Optional.ofNullable(tried.lockedUntil());
            sealAlarm.wrongPin(key, caller, lockedUntil);
            log.info("Wrong PIN for key {}{}", key.id(), lockedUntil.map(u -> "; locked until " + u).orElse(""));
            return new ApiException(403, "WRONG_PIN", lockedUntil
                    .map(u -> "Wrong PIN; the key is now locked until " + iso(u))
                    .orElse("Wrong PIN for the key " + key.id()), "pin");
        }
        if (e instanceof ApiException api) {
            return api;
        }
        log.warn("Key {} could not be opened: {}", key.id(), Registrations.describe(e));
        return new ApiException(503, "KEY_UNAVAILABLE", "The key " + key.id() + " could not be opened", null);
    }

    /** Lines for {@code /metrics}: wrong PINs on the agency seal (an alert when they repeat). */
    public String metrics() {
        return sealAlarm.render();
    }

    /** The key's public facts (LOCKED when locked for any user); 404 when unknown. */
    public KeyInfo info(String keyId) {
        Instant now = clock.instant();
        return withLock(record(keyId).info(now), dao.lockedKeys(null, now));
    }

    /** The keys this caller may unlock: their own keys (OFFICIAL), the agency seal (CLERK). */
    public List<KeyInfo> usableBy(User caller) {
        List<String> owners = new ArrayList<>();
        if (caller.has(Role.OFFICIAL)) {
            owners.add(caller.id());
        }
        if (caller.has(Role.CLERK)) {
            owners.add(KeyInfo.AGENCY_SEAL);
        }
        Instant now = clock.instant();
        Set<String> locked = dao.lockedKeys(caller.id(), now);
        return dao.byOwners(owners).stream().map(k -> withLock(k.info(now), locked)).toList();
    }

    /** What {@code GET /api/v1/keys} shows: every key to an ADMIN, the usable ones to anyone else. */
    public List<KeyInfo> visibleTo(User caller) {
        if (!caller.has(Role.ADMIN)) {
            return usableBy(caller);
        }
        Instant now = clock.instant();
        Set<String> locked = dao.lockedKeys(null, now);
        return dao.all().stream().map(k -> withLock(k.info(now), locked)).toList();
    }

    /** LOCKED when too many wrong PINs locked the key (for this caller; for an ADMIN's list, for anyone). */
    private static KeyInfo withLock(KeyInfo k, Set<String> locked) {
        return !locked.contains(k.id()) ? k : new KeyInfo(k.id(), k.owner(), k.subject(), k.issuer(), k.serialNumber(),
                k.notBefore(), k.notAfter(), k.kind(), "LOCKED");
    }

    /** The PNG drawn in visible signatures made with this key, if one was registered. */
    @Override
    public Optional<byte[]> image(String keyId) {
        record(keyId);
        return dao.image(keyId);
    }

    /** Registers a keystore outside any request (tests, set-up): no audit event. */
    public KeyInfo registerPkcs12(Registrations.Pkcs12 request) {
        return registerPkcs12(null, request);
    }

    public KeyInfo registerPkcs12(RequestOrigin origin, Registrations.Pkcs12 request) {
        return registrations.pkcs12(request, origin).info(clock.instant());
    }

    /** Registers a token key outside any request (tests, set-up): no audit event. */
    public KeyInfo registerPkcs11(Registrations.Pkcs11 request) {
        return registerPkcs11(null, request);
    }

    public KeyInfo registerPkcs11(RequestOrigin origin, Registrations.Pkcs11 request) {
        return registrations.pkcs11(request, origin).info(clock.instant());
    }

    public void delete(RequestOrigin origin, String keyId) {
        if (!dao.delete(keyId, AuditLog.Entry.ofChange(origin, "KEY_DELETE", keyId, null))) {
            throw ApiException.notFound("Key " + keyId);
        }
        opened.forget(keyId);
    }

    /** For {@code /health}: UP when the registry is readable, with the earliest expiry among ACTIVE keys. */
    public Health.Check health() {
        try {
            Instant now = clock.instant();
            List<KeyInfo> all = dao.all().stream().map(k -> k.info(now)).toList();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("keys", all.size());
            all.stream().filter(k -> KeyInfo.ACTIVE.equals(k.status())).map(KeyInfo::notAfter).min(Comparator.naturalOrder())
                    .ifPresent(t -> details.put("earliestSigningCertificateExpiry", iso(t)));
            return Health.Check.of(true, details);
        } catch (RuntimeException e) {
            log.warn("The key registry is unreadable: {}", e.getClass().getSimpleName());
            return Health.Check.of(false, Map.of("error", "key registry unreadable"));
        }
    }

    /** The rule that keeps the agency seal after a person's signature, judged with {@code validation}. */
    public vn.vanthu.signing.SealRule sealRule(vn.vanthu.validation.ValidationService validation) {
        return new SealGuard(dao, validation);
    }

    /** Seeds the development keys (idempotent; see {@link DevKeys}). */
    public void seedDevelopmentKeys(java.nio.file.Path dir, UserService users) {
        DevKeys.ensure(dao, registrations, users, dir);
    }

    static boolean mayUse(User caller, String owner) {
        if (KeyInfo.AGENCY_SEAL.equals(owner)) {
            return caller.has(Role.CLERK);
        }
        return caller.has(Role.OFFICIAL) && caller.id().equals(owner);
    }

    private KeyRecord record(String keyId) {
        return dao.find(keyId).orElseThrow(() -> ApiException.notFound("Key " + keyId));
    }

    /** Runs work with exclusive use of a PKCS#11 token (registration reads it too). */
    private <T> T withToken(String tokenKey, java.util.function.Supplier<T> work) {
        Runnable release = acquire(tokenKey);
        try {
            return work.get();
        } finally {
            release.run();
        }
    }

    private Runnable acquire(String tokenKey) {
        Semaphore s = tokenLocks.computeIfAbsent(tokenKey, k -> new Semaphore(1, true));
        try {
            if (!s.tryAcquire(TOKEN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ApiException(503, "KEY_BUSY", "The key's token is in use; try again shortly", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "KEY_BUSY", "The key's token is in use; try again shortly", null);
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                s.release();
            }
        };
    }

    private static ApiException locked(Instant until) {
        return ApiException.tooManyAttempts("KEY_LOCKED", "Too many wrong PINs: the key is locked until " + iso(until));
    }

    private static void destroy(KeyStore.PasswordProtection p) {
        try {
            p.destroy();
        } catch (javax.security.auth.DestroyFailedException ignored) {
            // the password array is cleared regardless
        }
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(java.time.ZoneOffset.UTC));
    }
}
