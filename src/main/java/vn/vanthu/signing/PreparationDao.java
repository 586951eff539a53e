package vn.vanthu.signing;

import org.jdbi.v3.core.mapper.RowMapper;
import vn.vanthu.store.Database;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Two-step signing preparations in the database, so that any instance sharing it can complete them.
 * {@link #claim} is the single-use guard: one conditional UPDATE, so of two concurrent completions only one wins.
 *
 * <pre>{@code preparations.insert(row); if (preparations.claim(id, now)) { … produce the signed file … }}</pre>
 */
final class PreparationDao {

    /** One stored preparation; documents is a JSON array of {sha256,name,mediaType}. */
    record Row(String id, String userId, String format, String level, String packaging, String documents,
               String certificateChain, long signingDateMs, String visible, String reason, String location,
               OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean used) {}

    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
            rs.getObject(13, OffsetDateTime.class), rs.getBoolean(14));

    private final Database db;

    PreparationDao(Database db) {
        this.db = db;
    }

    void insert(Row r) {
        db.useTransaction(h -> h.createUpdate("""
                INSERT INTO signing_preparations (id, user_id, format, level, packaging, documents, certificate_chain,
                    signing_date_ms, visible, reason, location, created_at, expires_at, used)
                VALUES (:id, :userId, :format, :level, :packaging, :documents, :certificateChain, :signingDateMs,
                    :visible, :reason, :location, :createdAt, :expiresAt, FALSE)""")
                .bind("id", r.id()).bind("userId", r.userId()).bind("format", r.format()).bind("level", r.level())
                .bind("packaging", r.packaging()).bind("documents", r.documents())
                .bind("certificateChain", r.certificateChain()).bind("signingDateMs", r.signingDateMs())
                .bind("visible", r.visible()).bind("reason", r.reason()).bind("location", r.location())
                .bind("createdAt", r.createdAt()).bind("expiresAt", r.expiresAt()).execute());
    }

    Optional<Row> find(String id) {
        return db.withHandle(h -> h.createQuery("""
                SELECT id, user_id, format, level, packaging, documents, certificate_chain, signing_date_ms, visible,
                    reason, location, created_at, expires_at, used FROM signing_preparations WHERE id = :id""")
                .bind("id", id)
                .map(ROW)
                .findOne());
    }

    /** Forgets preparations that expired before {@code cutoff} (their documents stay in the content store). */
    int purgeExpiredBefore(OffsetDateTime cutoff) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM signing_preparations WHERE expires_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    /** Marks the preparation used; true only for the one caller that flipped it while still unexpired. */
    boolean claim(String id, OffsetDateTime now) {
        return db.withHandle(h -> h.createUpdate(
                        "UPDATE signing_preparations SET used = TRUE WHERE id = :id AND used = FALSE AND expires_at > :now")
                .bind("id", id).bind("now", now).execute()) == 1;
    }
}
