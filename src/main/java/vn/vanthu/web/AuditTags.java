package vn.vanthu.web;

import io.javalin.http.Context;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lets a handler name what its request did for the audit trail: the action (e.g. {@code SIGN}), the object
 * (e.g. a signature id) and details. Without them the event names the route and its path parameters.
 *
 * <pre>{@code AuditTags.set(ctx, "SIGN", signatureId, "PAdES-BASELINE-LT");}</pre>
 */
public final class AuditTags {
    private static final String ACTION = "vanthu.audit.action";
    private static final String OBJECT = "vanthu.audit.object";
    private static final String DETAILS = "vanthu.audit.details";

    private AuditTags() {}

    public static void set(Context ctx, String action, String object, String details) {
        ctx.attribute(ACTION, action);
        ctx.attribute(OBJECT, object);
        ctx.attribute(DETAILS, details);
    }

    /** Names only the object (e.g. the id of what a POST created); the action stays the route. */
    public static void object(Context ctx, String object) {
        ctx.attribute(OBJECT, object);
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
