package vn.vanthu.dispatch;

import io.javalin.http.Context;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Json;
import vn.vanthu.web.Requests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP for the numbering series layout: {@code GET /api/v1/numbering/{year}} and, for an administrator,
 * {@code PUT /api/v1/numbering/{year}} with {@link NumberingLayout#SHAPE}.
 *
 * <pre>{@code r.add(PUT, "/api/v1/numbering/{year}", Set.of(ADMIN), …, JSON, numbering::replace);}</pre>
 */
public final class NumberingController {
    /** The layout's fields and limits. */
    public static final vn.vanthu.web.BodySpec LAYOUT = NumberingLayout.FIELDS;

    static final int MIN_YEAR = 2000, MAX_YEAR = 2100;
    private final Numbering numbering;

    NumberingController(Numbering numbering) {
        this.numbering = numbering;
    }

    public void get(Context ctx) {
        int year = Requests.year(ctx.pathParam("year"), MIN_YEAR, MAX_YEAR);
        ctx.json(view(year, numbering.layout(year)));
    }

    public void replace(Context ctx) {
        int year = Requests.year(ctx.pathParam("year"), MIN_YEAR, MAX_YEAR);
        NumberingLayout l = numbering.replace(Auth.user(ctx), year,
                Json.read(ctx.body(), NumberingLayout.Input.class, NumberingLayout.SHAPE));
        AuditTags.set(ctx, "NUMBERING_LAYOUT", "numbering " + year, l.series().size() + " series + secret " + l.secret().code());
        ctx.json(view(year, l));
    }

    private static Map<String, Object> view(int year, NumberingLayout l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", year);
        m.putAll(l.view());
        return m;
    }
}
