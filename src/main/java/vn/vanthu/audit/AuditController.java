package vn.vanthu.audit;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.Paging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP for the audit trail (AUDITOR, ADMIN): the paged, filtered list and the chain check. */
public final class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    public void list(Context ctx) {
        var filter = new AuditLog.Filter(time(ctx, "from"), time(ctx, "to"), ctx.queryParam("userId"),
                ctx.queryParam("action"), ctx.queryParam("object"));
        AuditLog.Page page = audit.list(filter, Paging.limit(ctx), Paging.longCursor(ctx));
        ctx.json(Paging.page(page.items(), page.nextCursor()));
    }

    public void verify(Context ctx) {
        AuditLog.Verification v = audit.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", v.intact());
        body.put("events", v.events());
        body.put("firstBrokenEventId", v.firstBrokenEventId());
        ctx.json(body);
    }

    private static Instant time(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_TIME", name + " must be ISO 8601 with an offset, e.g. 2026-11-26T09:15:00+07:00", name);
        }
    }
}
