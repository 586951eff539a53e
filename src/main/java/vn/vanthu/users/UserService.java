package vn.vanthu.users;

import java.time.Clock;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.store.Hashes;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

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

/**
 * Users, their roles and their bearer tokens. Tokens are shown once, when issued, and stored only as SHA-256.
 * Each change made through a request writes its audit event in the change's own transaction.
 *
 * <pre>{@code
 * User u = users.create(origin, "clerk2", "Lê Thị Hoa", Set.of(Role.CLERK));
 * IssuedToken t = users.issueToken(origin, u.id(), "laptop");
 * Optional<User> who = users.authenticate(t.token());
 * }</pre>
 */
public final class UserService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** A token as given to its holder: the secret appears here and nowhere else. */
    public record IssuedToken(String id, String userId, String token) {}

    /** What is kept about a token: never the secret. */
    public record TokenInfo(String id, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}

    private final UserDao dao;
    private final Clock clock;

    public UserService(Database db, Clock clock) {
        this.dao = new UserDao(db);
        this.clock = clock;
    }

    /** A user created outside any request (demo users, tests): no audit event. */
    public User create(String name, String displayName, Set<Role> roles) {
        return create(null, name, displayName, roles);
    }

    public User create(RequestOrigin origin, String name, String displayName, Set<Role> roles) {
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
        dao.insert(user, now(), AuditLog.Entry.ofChange(origin, null, user.id(), "created"));
        return user;
    }

    public Optional<User> find(String id) {
        return dao.find(id);
    }

    public Optional<User> findByName(String name) {
        return dao.findByName(name);
    }

    public List<User> list() {
        return dao.list();
    }

    public User get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("User " + id));
    }

    /** Disables the user: every token of theirs stops working at once. */
    public User setDisabled(RequestOrigin origin, String id, boolean disabled) {
        if (!dao.setDisabled(id, disabled, AuditLog.Entry.ofChange(origin, null, "id=" + id, disabled ? "disabled" : "enabled"))) {
            throw ApiException.notFound("User " + id);
        }
        return get(id);
    }

    /** A token issued outside any request (demo tokens at start-up): no audit event. */
    public IssuedToken issueToken(String userId, String label) {
        return issueToken(null, userId, label);
    }

    public IssuedToken issueToken(RequestOrigin origin, String userId, String label) {
        User user = get(userId);
        if (user.disabled()) {
            throw ApiException.conflict("USER_DISABLED", "User " + user.name() + " is disabled");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        dao.insertToken(id, userId, Hashes.sha256Hex(token), label == null ? "" : label, now(),
                AuditLog.Entry.ofChange(origin, null, "user=" + userId + ",token=" + id, "token issued"));
        return new IssuedToken(id, userId, token);
    }

    public List<TokenInfo> tokens(String userId) {
        get(userId);
        return dao.tokens(userId);
    }

    public void revokeToken(RequestOrigin origin, String userId, String tokenId) {
        if (!dao.revokeToken(userId, tokenId, now(),
                AuditLog.Entry.ofChange(origin, null, "id=" + userId + ",tokenId=" + tokenId, "token revoked"))) {
            throw ApiException.notFound("Active token " + tokenId + " of user " + userId);
        }
    }

    /** The enabled user holding this unrevoked token, if any. */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return dao.byToken(Hashes.sha256Hex(token));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
