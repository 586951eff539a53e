package vn.vanthu.web;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The sign-in form's CSRF token, before there is a session (double submit): a random token in a short-lived
 * cookie ({@code HttpOnly; SameSite=Strict}, Secure over HTTPS) and repeated in the form's hidden {@code _csrf}
 * field. {@code POST /signin} takes the password only when both are there and equal, so another site cannot sign
 * a browser in to an account of its choosing nor spend the account's wrong-password count. Nothing is kept on
 * the server, so any instance checks a form another instance served.
 *
 * <pre>{@code model.put("signinToken", SignInToken.issue(ctx));   // the form
 * if (!SignInToken.matches(ctx)) { … refuse before looking at the password … }}</pre>
 */
public final class SignInToken {
    static final String COOKIE = "vanthu_signin";
    /** Two hours to fill in the form; then the page is loaded again. */
    private static final int MAX_AGE_SECONDS = 2 * 60 * 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInToken() {}

    /** The token of the browser's sign-in cookie, or a new one set in that cookie. */
    public static String issue(Context ctx) {
        String known = ctx.cookie(COOKIE);
        if (known != null && known.matches("[A-Za-z0-9_-]{43}")) {
            return known;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; Max-Age=" + MAX_AGE_SECONDS
                + "; HttpOnly; SameSite=Strict" + Views.secureFlag(ctx));
        return token;
    }

    /** Whether the form's {@code _csrf} field repeats the sign-in cookie's token. */
    public static boolean matches(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String sent = ctx.formParam(Auth.CSRF_FIELD);
        return cookie != null && sent != null && !cookie.isEmpty() && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Forgets the token once signed in: the next sign-in form gets a new one. */
    public static void forget(Context ctx) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + Views.secureFlag(ctx));
    }
}
