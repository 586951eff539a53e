package vn.vanthu.users;

import org.jdbi.v3.core.Handle;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.store.Database;
import vn.vanthu.web.PageSession;
import vn.vanthu.web.User;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Passwords, failed sign-ins and sessions (V100). The failure count and the lockout live in the users row, so
 * every instance counts the same attempts; each change writes its audit event in its own transaction.
 */
final class SessionDao {
    /** What sign-in needs to know of a user. */
    record Account(User user, String passwordHash, boolean mustChange, int failures, OffsetDateTime lockedUntil) {}

    private final Database db;

    SessionDao(Database db) {
        this.db = db;
    }

    Optional<Account> account(String name) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE name = :n").bind("n", name)
                .map((rs, ctx) -> new Account(new User(rs.getString("id"), rs.getString("name"),
                        rs.getString("display_name"), UserDao.parseRoles(rs.getString("roles")), rs.getBoolean("disabled")),
                        rs.getString("password_hash"), rs.getBoolean("password_must_change"), rs.getInt("failed_sign_ins"),
                        rs.getObject("locked_until", OffsetDateTime.class))).findOne());
    }

    /**
     * Counts one failed attempt; the {@code max}-th in a row locks the account until {@code until}. An attempt
     * after an expired lock starts counting again from one.
     */
    void fail(String userId, OffsetDateTime now, int max, OffsetDateTime until, AuditLog.Entry event) {
        db.useTransaction(h -> {
            h.createUpdate("UPDATE users SET "
                            + "failed_sign_ins = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1 "
                            + "ELSE failed_sign_ins + 1 END, "
                            + "locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL "
                            + "WHEN failed_sign_ins + 1 >= :max THEN :until ELSE locked_until END WHERE id = :id")
                    .bind("now", now).bind("max", max).bind("until", until).bind("id", userId).execute();
            AuditDao.append(h, event);
        });
    }

    /** Only an audit event (an unknown user name, a locked or disabled account). */
    void record(AuditLog.Entry event) {
        db.useTransaction(h -> AuditDao.append(h, event));
    }

    void start(String sessionId, String secretHash, String userId, String csrf, OffsetDateTime now,
               OffsetDateTime expires, AuditLog.Entry event) {
        db.useTransaction(h -> {
            h.createUpdate("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
                    .bind("id", userId).execute();
            h.createUpdate("INSERT INTO sessions (id, secret_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                            + "VALUES (:id, :s, :u, :c, :now, :now, :x)")
                    .bind("id", sessionId).bind("s", secretHash).bind("u", userId).bind("c", csrf).bind("now", now)
                    .bind("x", expires).execute();
            AuditDao.append(h, event);
        });
    }

    /** The live session of an enabled user: not ended, not expired, seen within {@code idleSince}. */
    Optional<PageSession> live(String secretHash, OffsetDateTime now, OffsetDateTime idleSince, OffsetDateTime touchBefore) {
        record Found(PageSession session, OffsetDateTime lastSeen) {}
        Optional<Found> found = db.withHandle(h -> h.createQuery("SELECT s.id AS sid, s.csrf_token, s.last_seen_at, u.* "
                        + "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.secret_hash = :h AND s.ended_at IS NULL "
                        + "AND s.expires_at > :now AND s.last_seen_at > :idle AND u.disabled = FALSE")
                .bind("h", secretHash).bind("now", now).bind("idle", idleSince)
                .map((rs, ctx) -> new Found(new PageSession(rs.getString("sid"), new User(rs.getString("id"),
                        rs.getString("name"), rs.getString("display_name"), UserDao.parseRoles(rs.getString("roles")),
                        false), rs.getString("csrf_token"), rs.getBoolean("password_must_change")),
                        rs.getObject("last_seen_at", OffsetDateTime.class))).findOne());
        found.filter(f -> f.lastSeen().isBefore(touchBefore)).ifPresent(f -> db.useTransaction(h ->
                h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id = :id AND last_seen_at < :before")
                        .bind("now", now).bind("id", f.session().id()).bind("before", touchBefore).execute()));
        return found.map(Found::session);
    }

    void end(String secretHash, OffsetDateTime now, AuditLog.Entry event) {
        db.useTransaction(h -> {
            int n = h.createUpdate("UPDATE sessions SET ended_at = :now WHERE secret_hash = :h AND ended_at IS NULL")
                    .bind("now", now).bind("h", secretHash).execute();
            if (n == 1 && event != null) {
                AuditDao.append(h, event);
            }
        });
    }

    /** A new password; every open session of the user ends, except {@code keepSessionId} (may be null). */
    boolean setPassword(String userId, String hash, boolean mustChange, OffsetDateTime now, String keepSessionId,
                        AuditLog.Entry event) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("UPDATE users SET password_hash = :p, password_must_change = :m, failed_sign_ins = 0, "
                            + "locked_until = NULL WHERE id = :id")
                    .bind("p", hash).bind("m", mustChange).bind("id", userId).execute();
            if (n == 1) {
                endOthers(h, userId, keepSessionId, now);
                if (event != null) {
                    AuditDao.append(h, event);
                }
            }
            return n == 1;
        });
    }

    private static void endOthers(Handle h, String userId, String keep, OffsetDateTime now) {
        h.createUpdate("UPDATE sessions SET ended_at = :now WHERE user_id = :u AND ended_at IS NULL AND id <> :keep")
                .bind("now", now).bind("u", userId).bind("keep", keep == null ? "" : keep).execute();
    }
}
