package vn.vanthu.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.Set;

/**
 * One endpoint as the service declares it: the single source for routing, access control and the OpenAPI
 * description. An empty role set means public (no token needed); {@link #ANY_USER} means any valid token.
 * {@code fields}, when declared, are the JSON fields of the body (or of one multipart part), checked before the
 * handler runs and described in /openapi.json ({@link BodySpec}).
 */
public record ApiRoute(HandlerType method, String path, Set<Role> roles, String tag, String summary,
                       Body body, Handler handler, BodySpec fields) {
    public static final Set<Role> PUBLIC = Set.of();
    public static final Set<Role> ANY_USER = Set.of(Role.values());

    /** A route without declared body fields. */
    public ApiRoute(HandlerType method, String path, Set<Role> roles, String tag, String summary, Body body, Handler handler) {
        this(method, path, roles, tag, summary, body, handler, null);
    }

    /** What a request carries, for the OpenAPI description. */
    public enum Body { NONE, JSON, MULTIPART, BINARY, FORM }

    /** The tag of the pages people use in a browser (HTML, session cookie or bearer token, CSRF on forms). */
    public static final String PAGES = "pages";

    public boolean isPublic() {
        return roles.isEmpty();
    }

    public boolean isPage() {
        return PAGES.equals(tag);
    }
}
