package vn.vanthu.exchange;

import io.javalin.http.Context;
import vn.vanthu.users.UserService;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Requests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP for the directory of partner organs (ADMIN): list, read, create, replace, delete, and issue the token a
 * partner's vanthu delivers to our inbox with. The partner's own inbox token is accepted, never answered.
 *
 * <pre>{@code r.add(POST, "/api/v1/organs", Set.of(ADMIN), "exchange", "…", JSON, organController::create);}</pre>
 */
public final class OrganController {
    private static final String SHAPE = "{organId, name, inboxUrl, certificate, anchor, inboxToken}";

    private final Organs organs;

    OrganController(Organs organs) {
        this.organs = organs;
    }

    public void list(Context ctx) {
        ctx.json(Map.of("items", organs.list().stream().map(OrganController::view).toList()));
    }

    public void get(Context ctx) {
        ctx.json(view(organs.get(ctx.pathParam("organId"))));
    }

    public void create(Context ctx) {
        Organ o = organs.create(AuditTags.origin(ctx), Requests.json(ctx, OrganInput.class, SHAPE));
        ctx.status(201).json(view(o));
    }

    public void update(Context ctx) {
        ctx.json(view(organs.update(AuditTags.origin(ctx), ctx.pathParam("organId"), Requests.json(ctx, OrganInput.class, SHAPE))));
    }

    public void delete(Context ctx) {
        organs.delete(AuditTags.origin(ctx), ctx.pathParam("organId"));
        ctx.status(204);
    }

    /** The body of a token request. */
    record TokenRequest(Integer expiresInDays) {}

    public static final BodySpec ORGAN = OrganInput.FIELDS;
    public static final BodySpec TOKEN = BodySpec.json(FieldSpec.integer("expiresInDays"));

    public void issueToken(Context ctx) {
        Integer days = ctx.body().isBlank() ? null : Requests.json(ctx, TokenRequest.class, "{expiresInDays?}").expiresInDays();
        UserService.IssuedToken t = organs.issueToken(AuditTags.origin(ctx), ctx.pathParam("organId"), days);
        ctx.status(201).json(Map.of("organId", ctx.pathParam("organId"), "tokenId", t.id(), "token", t.token()));
    }

    static Map<String, Object> view(Organ o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organId", o.organId());
        m.put("name", o.name());
        m.put("inboxUrl", o.inboxUrl());
        m.put("certificate", o.certificate());
        m.put("anchor", o.anchor());
        m.put("hasInboxToken", o.hasInboxToken());
        m.put("partnerUserId", o.partnerUserId());
        m.put("createdAt", o.createdAt().toString());
        m.put("updatedAt", o.updatedAt().toString());
        return m;
    }
}
