package vn.vanthu.users;

import vn.vanthu.web.Role;
import vn.vanthu.web.User;
import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;

/** HTTP for users and tokens: {@code /api/v1/users/me} for everyone, the rest for ADMIN. */
public final class UserController {
    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    /** The JSON fields of creating a user and issuing a token, checked and documented from one place. */
    public static final BodySpec CREATE = BodySpec.json(FieldSpec.text("name", UserService.NAME_LENGTH).required(),
            FieldSpec.text("displayName", UserService.DISPLAY_NAME).required(),
            FieldSpec.list("roles", Role.values().length, 0).withValues(
                    java.util.Arrays.stream(Role.values()).map(Enum::name).toList()).required());
    public static final BodySpec TOKEN = BodySpec.json(FieldSpec.text("label", UserService.LABEL),
            FieldSpec.integer("expiresInDays"));

    record CreateUser(String name, String displayName, Set<Role> roles) {}

    record CreateToken(String label, Integer expiresInDays) {}

    public void me(Context ctx) {
        ctx.json(view(Auth.user(ctx)));
    }

    public void list(Context ctx) {
        ctx.json(Paging.page(users.list().stream().map(UserController::view).toList(), null));
    }

    public void create(Context ctx) {
        CreateUser req = Requests.json(ctx, CreateUser.class, "{name, displayName, roles}");
        User created = users.create(AuditTags.origin(ctx), req.name(), req.displayName(), req.roles());
        AuditTags.object(ctx, created.id());
        ctx.status(201).json(view(created));
    }

    public void get(Context ctx) {
        ctx.json(view(users.get(ctx.pathParam("id"))));
    }

    public void disable(Context ctx) {
        ctx.json(view(users.setDisabled(AuditTags.origin(ctx), ctx.pathParam("id"), true)));
    }

    public void enable(Context ctx) {
        ctx.json(view(users.setDisabled(AuditTags.origin(ctx), ctx.pathParam("id"), false)));
    }

    public void issueToken(Context ctx) {
        CreateToken req = ctx.body().isBlank() ? new CreateToken("", null) : ctx.bodyAsClass(CreateToken.class);
        var t = users.issueToken(AuditTags.origin(ctx), ctx.pathParam("id"), req.label(), req.expiresInDays());
        AuditTags.object(ctx, "user=" + t.userId() + ",token=" + t.id());
        ctx.status(201).json(Map.of("id", t.id(), "userId", t.userId(), "token", t.token()));
    }

    public void tokens(Context ctx) {
        ctx.json(Paging.page(users.tokens(ctx.pathParam("id")), null));
    }

    public void revokeToken(Context ctx) {
        users.revokeToken(AuditTags.origin(ctx), ctx.pathParam("id"), ctx.pathParam("tokenId"));
        ctx.status(204);
    }

    static Map<String, Object> view(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.displayName());
        m.put("login", u.name());
        m.put("roles", List.copyOf(u.roles()));
        m.put("disabled", u.disabled());
        return m;
    }
}
