package vn.vanthu.users;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.store.RecentLookups;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rows of {@code users} and {@code tokens} (V1). A second user of the same name is refused by the unique
 * name, which {@link Database#inTransaction} turns into the 409 USER_EXISTS even when two requests race.
 */
final class UserDao {
    private static final RowMapper<User> USER = (rs, ctx) -> new User(rs.getString("id"), rs.getString("name"),
            rs.getString("display_name"), parseRoles(rs.getString("roles")), rs.getBoolean("disabled"));

    private final Database db;

    /** Who holds a valid token, and until when it is valid. */
    private record Holder(User user, Instant expiresAt) {}

    /** Tokens found valid in the last second, by hash; revoking a token or disabling a user here forgets them all. */
    private final RecentLookups<String, Holder> recent = new RecentLookups<>((h, now) -> now.isBefore(h.expiresAt()));

    UserDao(Database db) {
        this.db = db;
    }

    /** Inserts the user and the audit event of its creation in one transaction. */
    void insert(User user, OffsetDateTime at, AuditLog.Entry event) {
        db.inTransaction(() -> duplicate(user.name()), h -> {
            if (findByName(h, user.name()).isPresent()) {
                throw duplicate(user.name());
            }
            h.createUpdate("INSERT INTO users (id, name, display_name, roles, disabled, created_at) "
                            + "VALUES (:id, :name, :dn, :roles, FALSE, :t)")
                    .bind("id", user.id()).bind("name", user.name()).bind("dn", user.displayName())
                    .bind("roles", formatRoles(user.roles())).bind("t", at).execute();
            AuditDao.append(h, event);
            return null;
        });
    }

    private static ApiException duplicate(String name) {
        return ApiException.conflict("USER_EXISTS", "A user named '" + name + "' already exists");
    }

    Optional<User> find(String id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id").bind("id", id).map(USER).findOne());
    }

    Optional<User> findByName(String name) {
        return db.withHandle(h -> findByName(h, name));
    }

    private static Optional<User> findByName(Handle h, String name) {
        return h.createQuery("SELECT * FROM users WHERE name = :n").bind("n", name).map(USER).findOne();
    }

    List<User> list() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY name").map(USER).list());
    }

    /** False when no such user. */
    boolean setDisabled(String id, boolean disabled, AuditLog.Entry event) {
        boolean changed = db.inTransaction(h -> {
            int n = h.createUpdate("UPDATE users SET disabled = :d WHERE id = :id").bind("d", disabled).bind("id", id).execute();
            if (n == 1) {
                AuditDao.append(h, event);
            }
            return n == 1;
        });
        recent.forget();
        return changed;
    }

    void insertToken(String id, String userId, String tokenHash, String label, OffsetDateTime at,
                     OffsetDateTime expiresAt, AuditLog.Entry event) {
        db.useTransaction(h -> {
            h.createUpdate("INSERT INTO tokens (id, user_id, token_hash, label, created_at, expires_at) "
                            + "VALUES (:id, :u, :h, :l, :t, :x)")
                    .bind("id", id).bind("u", userId).bind("h", tokenHash).bind("l", label).bind("t", at)
                    .bind("x", expiresAt).execute();
            AuditDao.append(h, event);
        });
    }

    List<UserService.TokenInfo> tokens(String userId) {
        return db.withHandle(h -> h.createQuery("SELECT id, label, created_at, revoked_at, expires_at, last_used_at "
                        + "FROM tokens WHERE user_id = :u ORDER BY created_at")
                .bind("u", userId)
                .map((rs, ctx) -> new UserService.TokenInfo(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list());
    }

    /** False when the user has no such active token. */
    boolean revokeToken(String userId, String tokenId, OffsetDateTime at, AuditLog.Entry event) {
        boolean revoked = db.inTransaction(h -> {
            int n = h.createUpdate("UPDATE tokens SET revoked_at = :t WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                    .bind("t", at).bind("id", tokenId).bind("u", userId).execute();
            if (n == 1) {
                AuditDao.append(h, event);
            }
            return n == 1;
        });
        recent.forget();
        return revoked;
    }

    /**
     * The user of an active token; its last use is written only when older than {@code step}, so most requests
     * only read (the conditional UPDATE also keeps two instances from both writing). A token found valid within the
     * last second is not looked up again ({@link RecentLookups}).
     */
    Optional<User> byToken(String tokenHash, OffsetDateTime now, Duration step) {
        return recent.find(tokenHash, now.toInstant(), () -> lookUp(tokenHash, now, step)).map(Holder::user);
    }

    private Optional<Holder> lookUp(String tokenHash, OffsetDateTime now, Duration step) {
        record Found(User user, String tokenId, OffsetDateTime lastUsed, OffsetDateTime expiresAt) {}
        Optional<Found> found = db.withHandle(h -> h.createQuery("SELECT u.*, t.id AS token_id, t.last_used_at AS token_used, "
                        + "t.expires_at AS token_expires FROM tokens t JOIN users u ON u.id = t.user_id "
                        + "WHERE t.token_hash = :h AND t.revoked_at IS NULL AND t.expires_at > :now AND u.disabled = FALSE")
                .bind("h", tokenHash).bind("now", now)
                .map((rs, ctx) -> new Found(USER.map(rs, ctx), rs.getString("token_id"),
                        rs.getObject("token_used", OffsetDateTime.class), rs.getObject("token_expires", OffsetDateTime.class)))
                .findOne());
        found.filter(f -> f.lastUsed() == null || !f.lastUsed().plus(step).isAfter(now)).ifPresent(f ->
                db.useTransaction(h -> h.createUpdate("UPDATE tokens SET last_used_at = :now WHERE id = :id "
                                + "AND (last_used_at IS NULL OR last_used_at <= :since)")
                        .bind("now", now).bind("id", f.tokenId()).bind("since", now.minus(step)).execute()));
        return found.map(f -> new Holder(f.user(), f.expiresAt().toInstant()));
    }

    /** Tokens from before expiry existed expire {@code lifetime} after their creation. */
    void giveExpiry(Duration lifetime) {
        List<Map.Entry<String, OffsetDateTime>> open = db.withHandle(h -> h.createQuery(
                        "SELECT id, created_at FROM tokens WHERE expires_at IS NULL")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).list());
        for (Map.Entry<String, OffsetDateTime> t : open) {
            db.useTransaction(h -> h.createUpdate("UPDATE tokens SET expires_at = :x WHERE id = :id AND expires_at IS NULL")
                    .bind("x", t.getValue().plus(lifetime)).bind("id", t.getKey()).execute());
        }
    }

    /** A demo token's new expiry (development start-up); revoked tokens stay revoked. */
    void renew(String tokenHash, OffsetDateTime expiresAt) {
        db.useTransaction(h -> h.createUpdate("UPDATE tokens SET expires_at = :x WHERE token_hash = :h "
                        + "AND revoked_at IS NULL AND label = 'demo'")
                .bind("x", expiresAt).bind("h", tokenHash).execute());
    }

    static Set<Role> parseRoles(String csv) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : csv.split(",")) {
            if (!r.isBlank()) {
                roles.add(Role.valueOf(r.trim()));
            }
        }
        return roles;
    }

    private static String formatRoles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
