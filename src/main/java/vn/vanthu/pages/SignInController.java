package vn.vanthu.pages;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.users.SignIn;
import vn.vanthu.web.Auth;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Forms;
import vn.vanthu.web.PageSession;
import vn.vanthu.web.RequestIds;
import vn.vanthu.web.Role;
import vn.vanthu.web.SignInToken;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.util.Map;

/**
 * Signing in and out, changing one's password, the start page and the style sheet. A failed sign-in shows the
 * form again with the reason; success sets the session cookie and goes to the user's first page. A sign-in form
 * without its pre-session CSRF token ({@link SignInToken}) is refused before the password is read, so it counts
 * nothing toward the lockout.
 *
 * <pre>{@code r.add(POST, "/signin", PUBLIC, "pages", "…", FORM, signIn::signIn);}</pre>
 */
public final class SignInController {
    /** The sign-in form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec SIGN_IN = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("username", 200).required(), vn.vanthu.web.FieldSpec.text("password", 200));
    /** The sign-out form (its CSRF token only): its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec SIGN_OUT = vn.vanthu.web.BodySpec.form();
    /** The change-password form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec CHANGE_PASSWORD = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("current", 128).required(), vn.vanthu.web.FieldSpec.text("password", 200).required(), vn.vanthu.web.FieldSpec.text("confirm", 200));
    private static final byte[] CSS = load("pages/app.css");
    private final SignIn signIn;

    public SignInController(SignIn signIn) {
        this.signIn = signIn;
    }

    /** Signed out: the sign-in page; signed in: the first page of the user's roles. */
    public void home(Context ctx) {
        User u = Auth.user(ctx);
        if (u == null) {
            form(ctx, null, "");
        } else {
            ctx.redirect(homeOf(u), io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    public void signInForm(Context ctx) {
        form(ctx, null, "");
    }

    public void signIn(Context ctx) {
        if (!SignInToken.matches(ctx)) {   // refused before the name or the password is looked at
            ctx.status(403);
            form(ctx, Views.text(ctx, "signin.expired"), "");
            return;
        }
        String name = Forms.text(ctx, "username", 200, true);
        String password = ctx.formParam("password");
        try {
            SignIn.Started s = signIn.signIn(name, password, RequestIds.get(ctx));
            Views.startSession(ctx, s.secret());
            SignInToken.forget(ctx);
            ctx.redirect(s.session().mustChangePassword() ? Views.PASSWORD : homeOf(s.session().user()),
                    io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (ApiException e) {
            ctx.status(e.status());
            form(ctx, Views.text(ctx, "error." + e.code()), name == null ? "" : name);
        }
    }

    /** The sign-in form, with its pre-session CSRF token ({@link SignInToken}). */
    private static void form(Context ctx, String error, String name) {
        String token = SignInToken.issue(ctx);
        Views.render(ctx, "signin", error == null ? Map.of("name", name, "signinToken", token)
                : Map.of("name", name, "signinToken", token, "error", error));
    }

    public void signOut(Context ctx) {
        AuditTags.origin(ctx);   // the SIGN_OUT event is written with the change, not again after the request
        signIn.signOut(ctx.cookie(Auth.COOKIE), Auth.user(ctx).id(), RequestIds.get(ctx));
        Views.endSession(ctx);
        ctx.redirect(Views.SIGN_IN, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void passwordForm(Context ctx) {
        PageSession s = Auth.pageSession(ctx);
        Views.render(ctx, "password", Map.of("forced", s != null && s.mustChangePassword()));
    }

    public void changePassword(Context ctx) {
        PageSession s = Auth.pageSession(ctx);
        if (s == null) {
            throw ApiException.badRequest("SESSION_REQUIRED", "Sign in with a password to change it", null);
        }
        String current = Forms.text(ctx, "current", 128, true);
        String next = Forms.text(ctx, "password", 200, true);
        if (!next.equals(ctx.formParam("confirm"))) {
            throw ApiException.badRequest("PASSWORDS_DIFFER", "The two new passwords differ", "confirm");
        }
        signIn.changePassword(AuditTags.origin(ctx), s, current, next);
        ctx.redirect(homeOf(s.user()), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void css(Context ctx) {
        ctx.header("Cache-Control", "max-age=3600");
        ctx.contentType("text/css; charset=utf-8").result(CSS);
    }

    /** The first page of a user's roles. */
    static String homeOf(User u) {
        if (u.has(Role.CLERK)) {
            return "/dispatches?status=SIGNED";
        }
        if (u.has(Role.OFFICIAL)) {
            return "/drafts";
        }
        if (u.has(Role.AUDITOR)) {
            return "/validate";
        }
        if (u.has(Role.HANDLER)) {
            return "/handling";
        }
        return "/admin/users";
    }

    private static byte[] load(String resource) {
        try (var in = SignInController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
