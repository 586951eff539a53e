package vn.vanthu.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import vn.vanthu.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication and role checks: the API takes a bearer token; the pages take a bearer token or the session
 * cookie of a signed-in person, whose forms must carry the session's CSRF token. 401 without either, 403 when
 * no role of the route is held (or a form's CSRF token is missing or wrong).
 */
public final class Auth {
    static final String USER = "vanthu.user";
    static final String SESSION = "vanthu.session";
    /** The session cookie's name; its value is the session secret. */
    public static final String COOKIE = "vanthu_session";
    /** The form field that carries the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";

    /** Resolves a bearer token to its user: empty when unknown, revoked, expired or the user is disabled. */
    @FunctionalInterface
    public interface Tokens {
        Optional<User> authenticate(String token);
    }

    /** Resolves a session cookie to its live session: empty when unknown, ended, expired or the user is disabled. */
    @FunctionalInterface
    public interface Sessions {
        Optional<PageSession> session(String secret);
    }

    private final Tokens users;
    private final Sessions sessions;

    public Auth(Tokens users) {
        this(users, secret -> Optional.empty());
    }

    public Auth(Tokens users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    void check(Context ctx, ApiRoute route) {
        String header = ctx.header("Authorization");
        if (route.isPage() && header == null) {
            checkSession(ctx, route);
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("A bearer token is required (Authorization: Bearer <token>)");
        }
        User user = users.authenticate(header.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("The bearer token is unknown, revoked, expired or its user is disabled"));
        ctx.attribute(USER, user);
        requireRole(user, route.roles());
    }

    private void checkSession(Context ctx, ApiRoute route) {
        PageSession s = session(ctx).orElseThrow(() -> new ApiException(401, "SIGN_IN_REQUIRED",
                "Sign in first (or send a bearer token)", null));
        ctx.attribute(USER, s.user());
        ctx.attribute(SESSION, s);
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && !csrfMatches(ctx, s)) {
            throw ApiException.forbidden("CSRF_TOKEN_INVALID",
                    "The form's security token is missing or out of date: reload the page and try again");
        }
        if (s.mustChangePassword() && !route.path().equals(Views.PASSWORD) && !route.path().equals(Views.SIGN_OUT)) {
            throw new ApiException(403, "PASSWORD_MUST_CHANGE", "Choose a new password first", null);
        }
        requireRole(s.user(), route.roles());
    }

    /** The live session of the request's cookie, if any (also on public pages). */
    Optional<PageSession> session(Context ctx) {
        PageSession known = ctx.attribute(SESSION);
        if (known != null) {
            return Optional.of(known);
        }
        String secret = ctx.cookie(COOKIE);
        Optional<PageSession> s = secret == null ? Optional.empty() : sessions.session(secret);
        s.ifPresent(found -> ctx.attribute(SESSION, found));
        return s;
    }

    private static boolean csrfMatches(Context ctx, PageSession s) {
        String sent = ctx.formParam(CSRF_FIELD);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                s.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private static void requireRole(User user, Set<Role> allowed) {
        if (Collections.disjoint(user.roles(), allowed)) {
            throw ApiException.forbidden("FORBIDDEN", "This action needs one of the roles " + allowed);
        }
    }

    /** The authenticated caller of a non-public route. */
    public static User user(Context ctx) {
        return ctx.attribute(USER);
    }

    /** The session of a page request signed in with the cookie; null for a bearer token. */
    public static PageSession pageSession(Context ctx) {
        return ctx.attribute(SESSION);
    }
}
