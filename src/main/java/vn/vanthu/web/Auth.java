package vn.vanthu.web;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

import java.util.Optional;

import java.util.Collections;
import java.util.Set;

/** Bearer-token authentication and role checks: 401 without a valid token, 403 when no role of the route is held. */
public final class Auth {
    static final String USER = "vanthu.user";
    /** Resolves a bearer token to its user: empty when unknown, revoked, expired or the user is disabled. */
    @FunctionalInterface
    public interface Tokens {
        Optional<User> authenticate(String token);
    }

    private final Tokens users;

    public Auth(Tokens users) {
        this.users = users;
    }

    void check(Context ctx, Set<Role> allowed) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("A bearer token is required (Authorization: Bearer <token>)");
        }
        User user = users.authenticate(header.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("The bearer token is unknown, revoked, expired or its user is disabled"));
        ctx.attribute(USER, user);
        if (Collections.disjoint(user.roles(), allowed)) {
            throw ApiException.forbidden("FORBIDDEN", "This action needs one of the roles " + allowed);
        }
    }

    /** The authenticated caller of a non-public route. */
    public static User user(Context ctx) {
        return ctx.attribute(USER);
    }
}
