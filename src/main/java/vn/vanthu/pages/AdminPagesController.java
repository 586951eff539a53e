package vn.vanthu.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import vn.vanthu.error.ApiException;
import vn.vanthu.users.SignIn;
import vn.vanthu.users.UserService;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Forms;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The administrator's pages: the users with their roles, a new user, a first password (to be changed at the
 * next sign-in), enabling and disabling, bearer tokens (the secret shown once). The same {@link UserService}
 * and {@link SignIn} calls as the API, so the same rules.
 */
public final class AdminPagesController {
    /** The new-user form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec CREATE_USER = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("name", 64).required(), vn.vanthu.web.FieldSpec.text("displayName", 200).required(),
            vn.vanthu.web.FieldSpec.list("roles", Role.PEOPLE.size(), 0).withValues(Role.PEOPLE.stream().map(Enum::name).toList()), vn.vanthu.web.FieldSpec.text("password", 200));
    /** The first-password form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec SET_PASSWORD = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("password", 200).required());
    /** The disable/enable form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec DISABLE = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.oneOf("disabled", java.util.List.of("true", "false")));
    /** The token form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec TOKEN = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("label", 200));
    private final UserService users;
    private final SignIn signIn;

    public AdminPagesController(UserService users, SignIn signIn) {
        this.users = users;
        this.signIn = signIn;
    }

    public void users(Context ctx) {
        list(ctx, Map.of());
    }

    private void list(Context ctx, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("people", users.list());
        model.put("allRoles", Role.PEOPLE);
        Views.render(ctx, "admin-users", model);
    }

    public void create(Context ctx) {
        String name = Forms.text(ctx, "name", 64, true);
        String displayName = Forms.text(ctx, "displayName", 200, true);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : ctx.formParams("roles")) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_ROLES", "Unknown role " + r.substring(0, Math.min(r.length(), 20)), "roles");
            }
        }
        User u = users.create(AuditTags.origin(ctx), name, displayName, roles);
        String password = Forms.text(ctx, "password", 200, false);
        if (password != null) {
            signIn.setPassword(AuditTags.origin(ctx), u.id(), password);
        }
        list(ctx, Map.of("notice", Views.text(ctx, "admin.created") + " " + u.name()));
    }

    public void setPassword(Context ctx) {
        String password = Forms.text(ctx, "password", 200, true);
        User u = users.get(ctx.pathParam("id"));
        signIn.setPassword(AuditTags.origin(ctx), u.id(), password);
        list(ctx, Map.of("notice", Views.text(ctx, "admin.passwordSet") + " " + u.name()));
    }

    public void disable(Context ctx) {
        boolean disabled = "true".equals(ctx.formParam("disabled"));
        users.setDisabled(AuditTags.origin(ctx), ctx.pathParam("id"), disabled);
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }

    public void issueToken(Context ctx) {
        String label = Forms.text(ctx, "label", 200, false);
        var t = users.issueToken(AuditTags.origin(ctx), ctx.pathParam("id"), label == null ? "page" : label, null);
        list(ctx, Map.of("notice", Views.text(ctx, "admin.tokenIssued"), "token", t.token()));
    }
}
