package vn.vanthu.audit;

import io.javalin.http.Context;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Shown;
import vn.vanthu.web.Views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail as a page (AUDITOR, ADMIN): newest first, filtered by user, action and object, and the check
 * of its hash chain on demand ({@code ?verify=true}). The same {@link AuditLog} calls as {@code /api/v1/audit}.
 */
public final class AuditPagesController {
    private final AuditLog audit;

    public AuditPagesController(AuditLog audit) {
        this.audit = audit;
    }

    public void list(Context ctx) {
        String user = query(ctx, "userId");
        String action = query(ctx, "action");
        String object = query(ctx, "object");
        AuditLog.Page page = audit.list(new AuditLog.Filter(null, null, user, action, object), Paging.limit(ctx),
                Paging.longCursor(ctx));
        List<Map<String, Object>> rows = page.items().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("at", Shown.time(e.at()));
            m.put("user", e.userId() == null ? "" : e.userId());
            m.put("action", e.action());
            m.put("object", e.object() == null ? "" : e.object());
            m.put("outcome", e.outcome());
            m.put("details", e.details() == null ? "" : e.details());
            return m;
        }).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("next", page.nextCursor() == null ? "" : page.nextCursor());
        model.put("userId", user == null ? "" : user);
        model.put("action", action == null ? "" : action);
        model.put("object", object == null ? "" : object);
        if ("true".equals(ctx.queryParam("verify"))) {
            AuditLog.Verification v = audit.verify();
            model.put("verification", v);
        }
        Views.render(ctx, "audit", model);
    }

    private static String query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > 200) {
            throw vn.vanthu.error.ApiException.badRequest("FIELD_TOO_LONG", name + " must be at most 200 characters", name);
        }
        return v.strip();
    }
}
