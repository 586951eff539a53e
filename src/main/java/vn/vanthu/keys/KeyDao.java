package vn.vanthu.keys;

import org.jdbi.v3.core.mapper.RowMapper;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code signing_keys} table: registrations, images and the shared wrong-PIN counter and lock. */
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
    }

    /** Deletes the key and writes the audit event of it; false (and no event) when there was no such key. */
    boolean delete(String id, AuditLog.Entry audit) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM signing_keys WHERE id = :id").bind("id", id).execute();
            if (n > 0) {
                AuditDao.append(h, audit);
            }
            return n > 0;
        });
    }

    Optional<byte[]> image(String id) {
        return db.withHandle(h -> h.createQuery("SELECT image FROM signing_keys WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> rs.getBytes(1)).findOne()).filter(b -> b != null && b.length > 0);
    }

    /**
     * Counts one wrong PIN under a row lock, so that instances sharing the database count together; the
     * attempt that reaches {@code maxAttempts} locks the key and starts the count afresh.
     *
     * @return the lock's end when this attempt locked the key, else empty
     */
    Optional<Instant> recordWrongPin(String id, int maxAttempts, Duration lock, Instant now) {
        return db.inTransaction(h -> {
            int failed = h.createQuery("SELECT failed_attempts FROM signing_keys WHERE id = :id FOR UPDATE")
                    .bind("id", id).mapTo(Integer.class).findOne().orElse(0) + 1;
            Instant until = failed >= maxAttempts ? now.plus(lock) : null;
            h.createUpdate("UPDATE signing_keys SET failed_attempts = :f, locked_until = :u WHERE id = :id")
                    .bind("f", until == null ? failed : 0).bind("u", odt(until)).bind("id", id).execute();
            return Optional.ofNullable(until);
        });
    }

    void resetAttempts(String id) {
        db.useTransaction(h -> h.createUpdate("UPDATE signing_keys SET failed_attempts = 0, locked_until = NULL "
                + "WHERE id = :id AND (failed_attempts <> 0 OR locked_until IS NOT NULL)").bind("id", id).execute());
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
