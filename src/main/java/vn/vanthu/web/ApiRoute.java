package vn.vanthu.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.Set;

/**
 * One endpoint as the service declares it: the single source for routing, access control and the OpenAPI
 * description. An empty role set means public (no token needed); {@link #ANY_USER} means any valid token.
 */
public record ApiRoute(HandlerType method, String path, Set<Role> roles, String tag, String summary,
                       Body body, Handler handler) {
    public static final Set<Role> PUBLIC = Set.of();
    /** Every person's role: a partner agency (PARTNER) reaches only the routes that name it. */
    public static final Set<Role> ANY_USER = Set.copyOf(java.util.EnumSet.complementOf(java.util.EnumSet.of(Role.PARTNER)));

    /** What a request carries, for the OpenAPI description. */
    public enum Body { NONE, JSON, MULTIPART, BINARY }

    public boolean isPublic() {
        return roles.isEmpty();
    }
}
