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
import java.time.Duration;
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
 * Users, their roles and their bearer tokens. Tokens are shown once, when issued, and stored only as SHA-256;
 * each expires (an expired token is refused like a revoked one) and keeps the time it was last used.
 * Each change made through a request writes its audit event in the change's own transaction.
 *
 * <pre>{@code
 * User u = users.create(origin, "clerk2", "Lê Thị Hoa", Set.of(Role.CLERK));
 * IssuedToken t = users.issueToken(origin, u.id(), "laptop", 30);   // expires in 30 days (null: VANTHU_TOKEN_DAYS)
 * Optional<User> who = users.authenticate(t.token());
 * }</pre>
 */
public final class UserService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The longest login name, display name and token label (the columns hold them). */
    public static final int NAME_LENGTH = 64;
    /** The longest life of a bearer token, in days. */
    public static final int MAX_TOKEN_DAYS = 3650;
    public static final int DISPLAY_NAME = 200;
    public static final int LABEL = 200;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1," + (NAME_LENGTH - 1) + "}");

    /** A token as given to its holder: the secret appears here and nowhere else. */
    public record IssuedToken(String id, String userId, String token) {}

    /** What is kept about a token: never the secret. */
    public record TokenInfo(String id, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt,
                            OffsetDateTime expiresAt, OffsetDateTime lastUsedAt) {}

    /** The default lifetime of a token ({@code VANTHU_TOKEN_DAYS}). */
    public static final int DEFAULT_TOKEN_DAYS = 90;
    /** A token's last use is written at most this often, not on every request. */
    private static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

    private final UserDao dao;
    private final Clock clock;
    private final int tokenDays;

    public UserService(Database db, Clock clock) {
        this(db, clock, DEFAULT_TOKEN_DAYS);
    }

    /** Tokens issued without their own lifetime expire after {@code tokenDays}; so do older tokens without one. */
    public UserService(Database db, Clock clock, int tokenDays) {
        this.dao = new UserDao(db);
        this.clock = clock;
        this.tokenDays = tokenDays;
        dao.giveExpiry(Duration.ofDays(tokenDays));
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
        if (displayName == null || displayName.isBlank() || displayName.length() > DISPLAY_NAME) {
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

    /** Disables the user: every token of theirs stops working at once (on another instance, within a second). */
    public User setDisabled(RequestOrigin origin, String id, boolean disabled) {
        if (!dao.setDisabled(id, disabled, AuditLog.Entry.ofChange(origin, null, "id=" + id, disabled ? "disabled" : "enabled"))) {
            throw ApiException.notFound("User " + id);
        }
        return get(id);
    }

    /** A token issued outside any request (demo tokens at start-up): no audit event. */
    public IssuedToken issueToken(String userId, String label) {
        return issueToken(null, userId, label, null);
    }

    /** {@code expiresInDays}: 1 to 3650, or null for {@code VANTHU_TOKEN_DAYS}. */
    public IssuedToken issueToken(RequestOrigin origin, String userId, String label, Integer expiresInDays) {
        if (label != null && label.length() > LABEL) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "label must be at most " + LABEL + " characters", "label");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS)) {
            throw ApiException.badRequest("INVALID_EXPIRY", "expiresInDays must be between 1 and " + MAX_TOKEN_DAYS, "expiresInDays");
        }
        User user = get(userId);
        if (user.disabled()) {
            throw ApiException.conflict("USER_DISABLED", "User " + user.name() + " is disabled");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        dao.insertToken(id, userId, Hashes.sha256Hex(token), label == null ? "" : label, now,
                now.plusDays(expiresInDays == null ? tokenDays : expiresInDays),
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

    /**
     * The enabled user holding this unrevoked, unexpired token, if any; notes the token's use (once a minute). A
     * token found valid within the last second is not looked up again.
     */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return dao.byToken(Hashes.sha256Hex(token), now(), LAST_USED_STEP);
    }

    /**
     * Development only: the demo tokens of the tokens file get a full lifetime again at each start, so that a
     * development service started months later still answers them (the file is the contract).
     */
    void renewDemoToken(String token) {
        if (token != null && token.length() <= 200) {
            dao.renew(Hashes.sha256Hex(token), now().plusDays(tokenDays));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
