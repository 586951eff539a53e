package vn.vanthu.web;

import io.javalin.http.Context;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lets a handler name what its request did for the audit trail: the action (e.g. {@code SIGN}), the object
 * (e.g. a signature id) and details. Without them the event names the route and its path parameters.
 *
 * A handler whose service writes the event in the change's transaction passes {@link #origin} instead: the
 * request's own event is then left out when the request succeeds, and written (FAILED, DENIED) when it does not.
 *
 * <pre>{@code
 * AuditTags.set(ctx, "SIGN", signatureId, "PAdES-BASELINE-LT");
 * AuditTags.read(ctx, "DOCUMENT_READ", sha256);   // a GET that is audited too
 * }</pre>
 */
public final class AuditTags {
    private static final String ACTION = "vanthu.audit.action";
    private static final String OBJECT = "vanthu.audit.object";
    private static final String DETAILS = "vanthu.audit.details";
    private static final String WITH_CHANGE = "vanthu.audit.withChange";
    private static final String READ = "vanthu.audit.read";

    private AuditTags() {}

    public static void set(Context ctx, String action, String object, String details) {
        ctx.attribute(ACTION, action);
        ctx.attribute(OBJECT, object);
        ctx.attribute(DETAILS, details);
    }

    /**
     * Marks a read worth auditing (a document, a draft, a package): the request's event (who, what, when) is
     * then written like that of a change, though reads are otherwise not audited. Call it once the object
     * is found and the caller may see it.
     */
    public static void read(Context ctx, String action, String object) {
        set(ctx, action, object, null);
        ctx.attribute(READ, Boolean.TRUE);
    }

    static boolean auditedRead(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(READ));
    }

    /** Names only the object (e.g. the id of what a POST created); the action stays the route. */
    public static void object(Context ctx, String object) {
        ctx.attribute(OBJECT, object);
    }

    /** The caller and request of a change whose service records its audit event with the change. */
    public static RequestOrigin origin(Context ctx) {
        ctx.attribute(WITH_CHANGE, Boolean.TRUE);
        ApiRoute route = ctx.attribute(WebServer.ROUTE);
        User user = Auth.user(ctx);
        return new RequestOrigin(user == null ? null : user.id(), RequestIds.get(ctx),
                route == null ? ctx.method().name() + " " + ctx.path() : route.method().name() + " " + route.path(),
                WebServer.arrived(ctx));
    }

    /** True when a successful request's event was written with its change (so none is written afterwards). */
    static boolean recordedWithChange(Context ctx, int status) {
        return status < 400 && Boolean.TRUE.equals(ctx.attribute(WITH_CHANGE));
    }

    static String action(Context ctx, String fallback) {
        String a = ctx.attribute(ACTION);
        return a == null ? fallback : a;
    }

    static String object(Context ctx) {
        String o = ctx.attribute(OBJECT);
        if (o != null) {
            return o;
        }
        Map<String, String> params = ctx.pathParamMap();
        return params.isEmpty() ? null : params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static String details(Context ctx, int status) {
        String d = ctx.attribute(DETAILS);
        return "status=" + status + (d == null ? "" : "; " + d);
    }
}
