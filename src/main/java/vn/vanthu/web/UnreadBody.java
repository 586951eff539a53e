package vn.vanthu.web;

import io.javalin.http.Context;
import jakarta.servlet.ServletInputStream;
import vn.vanthu.error.ApiException;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * An error answered before the request body was read (401, 403, 413, 415 …) must still reach the client:
 * closing a connection with unread data in it resets it, and the client may never see the answer already sent.
 * So after every error what is left of the body is read and dropped, up to twice the upload limit, and the
 * connection stays usable. A client that asked {@code Expect: 100-continue} (curl does for large bodies) and
 * got no 100 has not sent the body and never will (Jetty closes that connection after the answer); a larger
 * body is not read, and its answer comes on a connection closed after it.
 */
final class UnreadBody {
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private UnreadBody() {}

    /** 413 when the declared length is over the limit, before the body is read. */
    static void refuseIfOversized(Context ctx, long max) {
        if (declaredLength(ctx) > max) {
            throw ApiException.tooLarge("The upload is larger than " + max / (1024 * 1024) + " MB");
        }
    }

    /** Drops what is left of the body of a request answered with an error (see the class comment). */
    static void discard(Context ctx, long max) {
        if ("100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
            return;   // even asking whether the body was read would make Jetty answer 100 Continue
        }
        long budget = 2 * max;
        try {
            ServletInputStream in = ctx.req().getInputStream();
            if (in.isFinished()) {
                return;
            }
            if (declaredLength(ctx) > budget) {
                budget = 0;
            } else {
                byte[] buffer = new byte[64 * 1024];
                for (int n; budget > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, budget))) >= 0; ) {
                    budget -= n;
                }
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
        return length != null && DIGITS.matcher(length).matches() ? Long.parseLong(length) : -1;
    }
}
