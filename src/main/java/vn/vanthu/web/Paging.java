package vn.vanthu.web;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

/** {@code ?limit=&cursor=} for every list: limit 1–500 (default 50); the cursor is opaque to clients. */
public final class Paging {
    private Paging() {}

    public static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isBlank()) {
            return 50;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw ApiException.badRequest("INVALID_LIMIT", "limit must be a whole number from 1 to 500", "limit");
    }

    /** The list answer every endpoint gives: {@code {"items":[…],"nextCursor":…}} (null on the last page). */
    public static java.util.Map<String, Object> page(java.util.List<?> items, String nextCursor) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("items", items);
        body.put("nextCursor", nextCursor);
        return body;
    }

    public static Long longCursor(Context ctx) {
        String v = ctx.queryParam("cursor");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_CURSOR", "cursor must be a value returned as nextCursor", "cursor");
        }
    }
}
