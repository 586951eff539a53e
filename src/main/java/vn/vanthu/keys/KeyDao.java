package vn.vanthu.keys;

import org.jdbi.v3.core.mapper.RowMapper;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.store.Database;
import vn.vanthu.store.RecentLookups;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code signing_keys} table (registrations, images) and {@code key_pin_failures} (wrong PINs per key and user). */
final class KeyDao {
    private static final String COLUMNS = "id, owner, kind, purpose, alias, p12, library, slot_id, token_label, certificate, "
            + "subject, issuer, serial_number, not_before, not_after, failed_attempts, locked_until";
    /** For lists and /health: everything but the keystore and certificate bytes. */
    private static final String LIST_COLUMNS = COLUMNS.replace("p12,", "NULL AS p12,").replace("certificate,", "NULL AS certificate,");
    private static final RowMapper<KeyRecord> ROW = (rs, ctx) -> new KeyRecord(
            rs.getString("id"), rs.getString("owner"), rs.getString("kind"), rs.getString("purpose"), rs.getString("alias"),
            rs.getBytes("p12"), rs.getString("library"), (Long) rs.getObject("slot_id", Long.class),
            rs.getString("token_label"), rs.getBytes("certificate"), rs.getString("subject"),
            rs.getString("issuer"), rs.getString("serial_number"), instant(rs.getObject("not_before", OffsetDateTime.class)),
            instant(rs.getObject("not_after", OffsetDateTime.class)), rs.getInt("failed_attempts"),
            instant(rs.getObject("locked_until", OffsetDateTime.class)));

    /** Thrown by {@link #insert} when the id is taken (also by a concurrent insert). */
    static final class DuplicateKeyId extends RuntimeException {
        DuplicateKeyId() {
            super(null, null, false, false);
        }
    }

    private final Database db;
    /** Each key with a user's lock on it as last read, for a second: a burst of signatures reads it once a second. */
    private final RecentLookups<List<String>, ForUser> recent = new RecentLookups<>((f, now) -> f.lockedUntil() == null);

    KeyDao(Database db) {
        this.db = db;
    }

    Optional<KeyRecord> find(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM signing_keys WHERE id = :id")
                .bind("id", id).map(ROW).findOne());
    }

    List<KeyRecord> all() {
        return db.withHandle(h -> h.createQuery("SELECT " + LIST_COLUMNS + " FROM signing_keys ORDER BY id").map(ROW).list());
    }

    List<KeyRecord> byOwners(List<String> owners) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return db.withHandle(h -> h.createQuery("SELECT " + LIST_COLUMNS + " FROM signing_keys WHERE owner IN (<owners>) ORDER BY id")
                .bindList("owners", owners).map(ROW).list());
    }

    int count() {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM signing_keys").mapTo(Integer.class).one());
    }

    /** Inserts the key and the audit event of its registration; {@link DuplicateKeyId} when the id is taken. */
    void insert(KeyRecord k, byte[] image, Instant now, AuditLog.Entry audit) {
        db.inTransaction(DuplicateKeyId::new, h -> {
            h.createUpdate("INSERT INTO signing_keys (" + COLUMNS + ", image, created_at) VALUES "
                            + "(:id, :owner, :kind, :purpose, :alias, :p12, :library, :slot, :label, :cert, :subject, :issuer, "
                            + ":serial, :nb, :na, 0, NULL, :image, :now)")
                    .bind("id", k.id()).bind("owner", k.owner()).bind("kind", k.kind()).bind("purpose", k.purpose()).bind("alias", k.alias())
                    .bind("p12", k.p12()).bind("library", k.library()).bind("slot", k.slotId())
                    .bind("label", k.tokenLabel()).bind("cert", k.certificate()).bind("subject", k.subject())
                    .bind("issuer", k.issuer()).bind("serial", k.serialNumber()).bind("nb", odt(k.notBefore()))
                    .bind("na", odt(k.notAfter())).bind("image", image).bind("now", odt(now))
                    .execute();
            AuditDao.append(h, audit);
            return null;
        });
    }

    /** Replaces a PKCS#12 key's keystore, certificate facts and image (development re-seeding). */
    void replacePkcs12(KeyRecord k, byte[] image) {
        db.useTransaction(h -> h.createUpdate("UPDATE signing_keys SET p12 = :p12, alias = :alias, certificate = :cert, "
                        + "subject = :subject, issuer = :issuer, serial_number = :serial, not_before = :nb, "
                        + "not_after = :na, image = :image WHERE id = :id")
                .bind("p12", k.p12()).bind("alias", k.alias()).bind("cert", k.certificate())
                .bind("subject", k.subject()).bind("issuer", k.issuer()).bind("serial", k.serialNumber())
                .bind("nb", odt(k.notBefore())).bind("na", odt(k.notAfter())).bind("image", image)
                .bind("id", k.id()).execute());
        recent.forget();
    }

    /** Deletes the key and writes the audit event of it; false (and no event) when there was no such key. */
    boolean delete(String id, AuditLog.Entry audit) {
        boolean deleted = db.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM signing_keys WHERE id = :id").bind("id", id).execute();
            if (n > 0) {
                AuditDao.append(h, audit);
            }
            return n > 0;
        });
        recent.forget();
        return deleted;
    }

    Optional<byte[]> image(String id) {
        return db.withHandle(h -> h.createQuery("SELECT image FROM signing_keys WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> rs.getBytes(1)).findOne()).filter(b -> b != null && b.length > 0);
    }

    /** A counter row: wrong PINs since the last success or lock, and the lock if any. */
    private record Attempt(int number, Instant lockedUntil) {}

    /** Thrown when a concurrent request created the same counter row first. */
    private static final class DuplicateCounter extends RuntimeException {
        DuplicateCounter() {
            super(null, null, false, false);
        }
    }

    /** What trying a PIN under the counter's lock gave: the opened key, or the error, and the lock it set or met. */
    record PinTry<T>(T value, RuntimeException error, Instant lockedUntil, boolean refused) {}

    /**
     * Tries a PIN while holding this user's counter row for this key (SELECT … FOR UPDATE), so attempts of one user
     * on one key run one after the other, on every instance sharing the database: a wrong PIN is counted before the
     * next attempt can start, at most {@code maxAttempts} PINs are ever tried before the lock, and concurrent right
     * PINs are never mistaken for guesses. The right PIN resets the count; the wrong one that reaches the limit
     * locks the key for this user. Other failures (token unavailable) are not counted.
     */
    <T> PinTry<T> underCount(String keyId, String userId, int maxAttempts, Duration lock, Instant now,
                             java.util.function.Supplier<T> attempt, java.util.function.Predicate<RuntimeException> wrongPin) {
        ensureCounter(keyId, userId);
        try {
            return counted(keyId, userId, maxAttempts, lock, now, attempt, wrongPin);
        } finally {
            recent.forget(List.of(keyId, userId));   // the count moved, and may have locked the key for this user
        }
    }

    private <T> PinTry<T> counted(String keyId, String userId, int maxAttempts, Duration lock, Instant now,
                                  java.util.function.Supplier<T> attempt, java.util.function.Predicate<RuntimeException> wrongPin) {
        return db.inTransaction(h -> {
            Attempt row = h.createQuery("SELECT failures, locked_until FROM key_pin_failures "
                            + "WHERE key_id = :k AND user_id = :u FOR UPDATE")
                    .bind("k", keyId).bind("u", userId)
                    .map((rs, ctx) -> new Attempt(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)))).one();
            if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
                return new PinTry<T>(null, null, row.lockedUntil(), true);
            }
            int failures = row.lockedUntil() == null ? row.number() : 0;   // an expired lock starts afresh
            try {
                T value = attempt.get();
                if (failures != 0 || row.lockedUntil() != null) {
                    setCount(h, keyId, userId, 0);
                }
                return new PinTry<>(value, null, null, false);
            } catch (RuntimeException e) {
                if (!wrongPin.test(e)) {
                    return new PinTry<T>(null, e, null, false);
                }
                if (failures + 1 >= maxAttempts) {
                    Instant until = now.plus(lock);
                    lock(h, keyId, userId, until);
                    return new PinTry<T>(null, e, until, false);
                }
                setCount(h, keyId, userId, failures + 1);
                return new PinTry<T>(null, e, null, false);
            }
        });
    }

    private void ensureCounter(String keyId, String userId) {
        boolean exists = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM key_pin_failures WHERE key_id = :k "
                + "AND user_id = :u").bind("k", keyId).bind("u", userId).mapTo(Integer.class).one()) > 0;
        if (exists) {
            return;
        }
        try {
            db.inTransaction(DuplicateCounter::new, h -> h.createUpdate("INSERT INTO key_pin_failures "
                    + "(key_id, user_id, failures, locked_until) VALUES (:k, :u, 0, NULL)")
                    .bind("k", keyId).bind("u", userId).execute());
        } catch (DuplicateCounter raced) {
            // another request created it first
        }
    }

    private static void setCount(org.jdbi.v3.core.Handle h, String keyId, String userId, int failures) {
        h.createUpdate("UPDATE key_pin_failures SET failures = :n, locked_until = NULL WHERE key_id = :k AND user_id = :u")
                .bind("n", failures).bind("k", keyId).bind("u", userId).execute();
    }

    private static void lock(org.jdbi.v3.core.Handle h, String keyId, String userId, Instant until) {
        h.createUpdate("UPDATE key_pin_failures SET failures = 0, locked_until = :until WHERE key_id = :k AND user_id = :u")
                .bind("until", odt(until)).bind("k", keyId).bind("u", userId).execute();
    }



    /** A key with the end of this user's lock on it (null when not locked now). */
    record ForUser(KeyRecord key, Instant lockedUntil) {}

    /**
     * The key and this user's lock on it, in one query: every signature asks both. The answer serves the user's next
     * signatures for a second; a PIN tried or a key deleted or replaced here forgets it at once ({@link RecentLookups}).
     */
    Optional<ForUser> findForUser(String keyId, String userId, Instant now) {
        return recent.find(List.of(keyId, userId), now, () -> db.withHandle(h -> h.createQuery(
                        "SELECT k." + COLUMNS.replace(", ", ", k.") + ", f.locked_until AS user_locked_until "
                        + "FROM signing_keys k LEFT JOIN key_pin_failures f ON f.key_id = k.id AND f.user_id = :u "
                        + "AND f.locked_until > :now WHERE k.id = :k")
                .bind("k", keyId).bind("u", userId).bind("now", odt(now))
                .map((rs, ctx) -> new ForUser(ROW.map(rs, ctx), instant(rs.getObject("user_locked_until", OffsetDateTime.class))))
                .findOne()));
    }

    /** The keys locked now for this user (null: for anyone). */
    java.util.Set<String> lockedKeys(String userId, Instant now) {
        return db.withHandle(h -> h.createQuery("SELECT DISTINCT key_id FROM key_pin_failures WHERE locked_until > :now "
                        + "AND (:anyone OR user_id = :u)")
                .bind("now", odt(now)).bind("anyone", userId == null).bind("u", userId).mapTo(String.class).set());
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
