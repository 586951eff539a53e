package vn.vanthu.web;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/** Every request gets an id (the caller's X-Request-Id when it is sane), echoed back and written to the audit trail. */
public final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTR = "vanthu.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {}

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ATTR, id);
        ctx.header(HEADER, id);
    }

    public static String get(Context ctx) {
        String id = ctx.attribute(ATTR);
        return id == null ? "-" : id;
    }
}
