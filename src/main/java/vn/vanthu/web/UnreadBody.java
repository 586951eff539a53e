package vn.vanthu.web;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Refusing a request before reading its body without the client losing the answer: closing a connection with
 * unread data in it resets it, and the client may never see the 401, 403 or 413 already sent. A client that
 * asked {@code Expect: 100-continue} (curl does for large bodies) has not sent the body and never will; from any
 * other, up to twice the upload limit is read and dropped first, and a larger body gets its answer on a
 * connection closed after it.
 */
final class UnreadBody {
    private UnreadBody() {}

    /** 413 when the declared length is over the limit, before the body is used. */
    static void refuseIfOversized(Context ctx, long max) {
        if (declaredLength(ctx) > max) {
            discard(ctx, max);
            throw ApiException.tooLarge("The upload is larger than " + max / (1024 * 1024) + " MB");
        }
    }

    /** Drops the body of a request about to be refused unread (see the class comment). */
    static void discard(Context ctx, long max) {
        long budget = 2 * max;
        if (declaredLength(ctx) > budget || "100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; budget > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, budget))) >= 0; ) {
                budget -= n;
            }
        } catch (IOException | RuntimeException e) {
            budget = 0;
        }
        if (budget <= 0) {
            ctx.header("Connection", "close");
        }
    }

    /** The Content-Length header, or -1 when there is none usable. */
    private static long declaredLength(Context ctx) {
        String length = ctx.header("Content-Length");
        return length != null && length.matches("\\d{1,18}") ? Long.parseLong(length) : -1;
    }
}
