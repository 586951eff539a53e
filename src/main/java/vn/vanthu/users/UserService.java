package vn.vanthu.users;

import vn.vanthu.web.Role;
import vn.vanthu.web.User;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.store.Hashes;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Users, their roles and their bearer tokens. Tokens are shown once, when issued, and stored only as SHA-256.
 *
 * <pre>{@code
 * User u = users.create("clerk2", "Lê Thị Hoa", Set.of(Role.CLERK));
 * IssuedToken t = users.issueToken(u.id(), "laptop");
 * Optional<User> who = users.authenticate(t.token());
 * }</pre>
 */
public final class UserService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final RowMapper<User> USER = (rs, ctx) -> new User(rs.getString("id"), rs.getString("name"),
            rs.getString("display_name"), parseRoles(rs.getString("roles")), rs.getBoolean("disabled"));

    /** A token as given to its holder: the secret appears here and nowhere else. */
    public record IssuedToken(String id, String userId, String token) {}

    /** What is kept about a token: never the secret. */
    public record TokenInfo(String id, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}

    private final Jdbi jdbi;

    public UserService(Database db) {
        this.jdbi = db.jdbi();
    }

    public User create(String name, String displayName, Set<Role> roles) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("INVALID_NAME",
                    "name must be 2-64 characters: lower-case letters, digits, '.', '_' or '-'", "name");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw ApiException.badRequest("INVALID_DISPLAY_NAME", "displayName must be 1-200 characters", "displayName");
        }
        if (roles == null || roles.isEmpty()) {
            throw ApiException.badRequest("INVALID_ROLES", "roles must name at least one of " + Arrays.toString(Role.values()), "roles");
        }
        User user = new User(UUID.randomUUID().toString(), name, displayName.strip(), EnumSet.copyOf(roles), false);
        jdbi.useTransaction(h -> {
            if (findByName(h, name).isPresent()) {
                throw ApiException.conflict("USER_EXISTS", "A user named '" + name + "' already exists");
            }
            h.createUpdate("INSERT INTO users (id, name, display_name, roles, disabled, created_at) "
                            + "VALUES (:id, :name, :dn, :roles, FALSE, :t)")
                    .bind("id", user.id()).bind("name", name).bind("dn", user.displayName())
                    .bind("roles", formatRoles(user.roles())).bind("t", now()).execute();
        });
        return user;
    }

    public Optional<User> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id").bind("id", id).map(USER).findOne());
    }

    public Optional<User> findByName(String name) {
        return jdbi.withHandle(h -> findByName(h, name));
    }

    private static Optional<User> findByName(Handle h, String name) {
        return h.createQuery("SELECT * FROM users WHERE name = :n").bind("n", name).map(USER).findOne();
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY name").map(USER).list());
    }

    public User get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("User " + id));
    }

    /** Disables the user: every token of theirs stops working at once. */
    public User setDisabled(String id, boolean disabled) {
        get(id);
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET disabled = :d WHERE id = :id")
                .bind("d", disabled).bind("id", id).execute());
        return get(id);
    }

    public IssuedToken issueToken(String userId, String label) {
        User user = get(userId);
        if (user.disabled()) {
            throw ApiException.conflict("USER_DISABLED", "User " + user.name() + " is disabled");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO tokens (id, user_id, token_hash, label, created_at) "
                        + "VALUES (:id, :u, :h, :l, :t)")
                .bind("id", id).bind("u", userId).bind("h", Hashes.sha256Hex(token))
                .bind("l", label == null ? "" : label).bind("t", now()).execute());
        return new IssuedToken(id, userId, token);
    }

    public List<TokenInfo> tokens(String userId) {
        get(userId);
        return jdbi.withHandle(h -> h.createQuery("SELECT id, label, created_at, revoked_at FROM tokens "
                        + "WHERE user_id = :u ORDER BY created_at")
                .bind("u", userId)
                .map((rs, ctx) -> new TokenInfo(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)))
                .list());
    }

    public void revokeToken(String userId, String tokenId) {
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE tokens SET revoked_at = :t "
                        + "WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                .bind("t", now()).bind("id", tokenId).bind("u", userId).execute());
        if (n == 0) {
            throw ApiException.notFound("Active token " + tokenId + " of user " + userId);
        }
    }

    /** The enabled user holding this unrevoked token, if any. */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT u.* FROM tokens t JOIN users u ON u.id = t.user_id "
                        + "WHERE t.token_hash = :h AND t.revoked_at IS NULL AND u.disabled = FALSE")
                .bind("h", Hashes.sha256Hex(token)).map(USER).findOne());
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

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
