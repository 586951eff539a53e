package vn.vanthu.users;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Hashes;
import vn.vanthu.web.PageSession;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * People signing in to the pages with a password: five wrong passwords in a row lock the account for fifteen
 * minutes (counted in the database, so across instances); a session ends when signed out, after thirty minutes
 * without a request, or twelve hours after sign-in. The session's secret goes to the browser once and is kept
 * only as SHA-256. A password an administrator sets must be changed at the next sign-in.
 *
 * <pre>{@code
 * SignIn.Started s = signIn.signIn("clerk", "…", requestId);   // s.secret() goes into the cookie
 * Optional<PageSession> again = signIn.session(s.secret());
 * }</pre>
 */
public final class SignIn {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration TOUCH_STEP = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new session: the secret for the cookie and what it stands for. */
    public record Started(String secret, PageSession session) {}

    private final SessionDao dao;
    private final UserService users;
    private final Clock clock;

    public SignIn(UserService users, vn.vanthu.store.Database db, Clock clock) {
        this.dao = new SessionDao(db);
        this.users = users;
        this.clock = clock;
    }

    /** 401 SIGN_IN_FAILED for an unknown name or a wrong password (the same words); 429 ACCOUNT_LOCKED. */
    public Started signIn(String name, String password, String requestId) {
        OffsetDateTime now = now();
        String who = name == null ? "" : name.length() > 64 ? name.substring(0, 64) : name;
        Optional<SessionDao.Account> found = name == null || name.length() > 64 ? Optional.empty() : dao.account(name);
        if (found.isEmpty() || found.get().passwordHash() == null || found.get().user().disabled()) {
            Passwords.matches(password == null ? "" : password, Passwords.dummy());   // as long as a real check
            dao.record(event(null, "SIGN_IN", "user=" + who, "DENIED", requestId, "unknown, disabled or without password", now));
            throw failed();
        }
        SessionDao.Account a = found.get();
        if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
            dao.record(event(a.user().id(), "SIGN_IN", "user=" + who, "DENIED", requestId, "locked", now));
            throw ApiException.tooManyAttempts("ACCOUNT_LOCKED", "Too many wrong passwords: this account is locked until "
                    + vn.vanthu.time.VietnamTime.at(a.lockedUntil().toInstant()).toLocalTime().withNano(0));
        }
        if (!Passwords.matches(password, a.passwordHash())) {
            dao.fail(a.user().id(), now, MAX_FAILURES, now.plus(LOCKOUT),
                    event(a.user().id(), "SIGN_IN", "user=" + who, "DENIED", requestId, "wrong password", now));
            throw failed();
        }
        String secret = randomToken();
        String csrf = randomToken();
        String id = UUID.randomUUID().toString();
        dao.start(id, Hashes.sha256Hex(secret), a.user().id(), csrf, now, now.plus(LIFETIME),
                event(a.user().id(), "SIGN_IN", "session=" + id, "SUCCESS", requestId, null, now));
        return new Started(secret, new PageSession(id, a.user(), csrf, a.mustChange()));
    }

    private static ApiException failed() {
        return new ApiException(401, "SIGN_IN_FAILED", "The user name or the password is wrong", null);
    }

    /** The live session of this cookie secret, if any; notes its use (once a minute). */
    public Optional<PageSession> session(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return dao.live(Hashes.sha256Hex(secret), now, now.minus(IDLE), now.minus(TOUCH_STEP));
    }

    public void signOut(String secret, String userId, String requestId) {
        if (secret != null && secret.length() <= 100) {
            OffsetDateTime now = now();
            dao.end(Hashes.sha256Hex(secret), now, event(userId, "SIGN_OUT", "user=" + userId, "SUCCESS", requestId, null, now));
        }
    }

    /** An administrator sets a first (or new) password: the user must change it; their sessions end. */
    public void setPassword(RequestOrigin origin, String userId, String password) {
        User u = users.get(userId);
        Passwords.checkPolicy(u.name(), password);
        dao.setPassword(u.id(), Passwords.hash(password), true, now(), null,
                AuditLog.Entry.ofChange(origin, "SET_PASSWORD", "user=" + u.id(), "must change at next sign-in"));
    }

    /** The user replaces their password (the current one is checked); their other sessions end. */
    public void changePassword(RequestOrigin origin, PageSession session, String current, String next) {
        SessionDao.Account a = dao.account(session.user().name()).orElseThrow(() -> ApiException.notFound("User"));
        if (!Passwords.matches(current, a.passwordHash())) {
            throw ApiException.badRequest("WRONG_PASSWORD", "The current password is wrong", "current");
        }
        Passwords.checkPolicy(a.user().name(), next);
        if (next.equals(current)) {
            throw ApiException.badRequest("WEAK_PASSWORD", "The new password must differ from the current one", "password");
        }
        dao.setPassword(a.user().id(), Passwords.hash(next), false, now(), session.id(),
                AuditLog.Entry.ofChange(origin, "CHANGE_PASSWORD", "user=" + a.user().id(), null));
    }

    /** Development start-up: a demo user's password, not to be changed; no audit event. */
    void setDemoPassword(String userId, String password) {
        dao.setPassword(userId, Passwords.demoHash(password), false, now(), null, null);
    }

    /** Whether the demo password still opens the account (a restarted development service keeps it). */
    boolean opens(String name, String password) {
        return dao.account(name).map(a -> Passwords.matches(password, a.passwordHash())).orElse(false);
    }

    private static AuditLog.Entry event(String userId, String action, String object, String outcome, String requestId,
                                        String details, OffsetDateTime at) {
        return new AuditLog.Entry(userId, action, object, outcome, requestId, details, at.toInstant());
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
