package vn.vanthu.users;

import io.javalin.http.Context;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Requests;

/**
 * HTTP for passwords through the API: an administrator (holding a bearer token, as on a new installation)
 * sets a user's first password, which the user must change at their first sign-in to the pages.
 *
 * <pre>{@code r.add(POST, "/api/v1/users/{id}/password", Set.of(ADMIN), "users", "…", JSON, passwords::set);}</pre>
 */
public final class PasswordController {
    private final SignIn signIn;

    public PasswordController(SignIn signIn) {
        this.signIn = signIn;
    }

    record NewPassword(String password) {}

    public static final BodySpec SET = BodySpec.json(FieldSpec.text("password", Passwords.MAX_LENGTH));

    public void set(Context ctx) {
        NewPassword req = Requests.json(ctx, NewPassword.class, "{password}");
        signIn.setPassword(AuditTags.origin(ctx), ctx.pathParam("id"), req.password());
        ctx.status(204);
    }
}
