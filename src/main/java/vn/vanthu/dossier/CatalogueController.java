package vn.vanthu.dossier;

import vn.vanthu.time.VietnamTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Json;
import vn.vanthu.web.Requests;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP for the dossier catalogue: {@code PUT /api/v1/catalogues/{year}} replaces a year's catalogue,
 * {@code GET /api/v1/catalogues/{year}} reads it as JSON or, with {@code ?format=pdf}, as a printable PDF.
 *
 * <pre>{@code r.add(PUT, "/api/v1/catalogues/{year}", Set.of(ADMIN, CLERK), …, JSON, catalogueController::replace);}</pre>
 */
public final class CatalogueController {
    private static final String SHAPE = "{\"headings\":[{\"numeral\",\"title\",\"rows\":[{\"symbol\",\"title\","
            + "\"retention\",\"responsibleUserId\",\"notes\"}]}]}";

    private final CatalogueService catalogues;
    private final CatalogueApprovals approvals;

    public CatalogueController(CatalogueService catalogues, CatalogueApprovals approvals) {
        this.catalogues = catalogues;
        this.approvals = approvals;
    }

    public void replace(Context ctx) {
        int year = year(ctx);
        Catalogue c = catalogues.replace(Auth.user(ctx), AuditTags.origin(ctx), year, parse(ctx.body()));
        AuditTags.set(ctx, "CATALOGUE_REPLACE", "catalogue " + year,
                c.headings().size() + " headings, " + c.rows().size() + " rows");
        ctx.json(view(c, approvals.current(year)));
    }

    /** {@code POST …/{year}/approve}: the head approves the catalogue as it is now, signing its PDF. */
    public void approve(Context ctx) {
        int year = year(ctx);
        var in = Json.read(ctx.body(), CatalogueApprovals.ApproveInput.class,
                "{decisionNumber, decisionDate, place, position, keyId, pin}");
        CatalogueApprovals.Approval a = approvals.approve(Auth.user(ctx), AuditTags.origin(ctx), year, in);
        ctx.status(201).json(approvalView(a, true));
    }

    /** {@code GET …/{year}/approvals}: every approved version, the first first. */
    public void approvals(Context ctx) {
        int year = year(ctx);
        var current = approvals.current(year).map(CatalogueApprovals.Approval::version).orElse(-1);
        ctx.json(Map.of("year", year, "items", approvals.list(year).stream()
                .map(a -> approvalView(a, a.version() == current)).toList()));
    }

    /** {@code GET …/{year}/approvals/{version}/file}: the PDF the approver signed. */
    public void approvalFile(Context ctx) {
        int year = year(ctx);
        String v = ctx.pathParam("version");
        if (!v.matches("\\d{1,6}")) {
            throw ApiException.badRequest("INVALID_VERSION", "version is the number of an approval: 1, 2, …", "version");
        }
        int version = Integer.parseInt(v);
        byte[] pdf = approvals.pdf(year, version);
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"danh-muc-ho-so-" + year + "-phe-duyet-" + version + ".pdf\"");
        ctx.result(pdf);
    }

    public void get(Context ctx) {
        int year = year(ctx);
        String format = ctx.queryParam("format");
        if (format == null || format.equals("json")) {
            ctx.json(view(catalogues.get(year), approvals.current(year)));
        } else if (format.equals("pdf")) {
            byte[] pdf = approvals.printed(year);
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\"danh-muc-ho-so-" + year + ".pdf\"");
            ctx.result(pdf);
        } else {
            throw ApiException.badRequest("INVALID_FORMAT", "format must be json or pdf", "format");
        }
    }

    private static Map<String, Object> approvalView(CatalogueApprovals.Approval a, boolean current) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", a.version());
        m.put("current", current);
        m.put("decisionNumber", a.decisionNumber());
        m.put("decisionDate", a.decisionDate());
        m.put("place", a.place());
        m.put("position", a.position());
        m.put("approvedBy", a.approvedBy());
        m.put("approvedAt", VietnamTime.at(a.approvedAt().toInstant()).toString());
        m.put("sha256", a.pdfSha256());
        m.put("file", "/api/v1/catalogues/" + a.year() + "/approvals/" + a.version() + "/file");
        return m;
    }

    static Map<String, Object> view(Catalogue c, java.util.Optional<CatalogueApprovals.Approval> approval) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", c.year());
        m.put("headings", c.headings().stream().map(h -> {
            Map<String, Object> heading = new LinkedHashMap<>();
            heading.put("numeral", h.numeral());
            heading.put("title", h.title());
            heading.put("rows", h.rows().stream().map(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("symbol", r.symbol());
                row.put("title", r.title());
                row.put("retention", r.retention());
                row.put("retentionLabel", Retention.label(r.retention()));
                row.put("responsibleUserId", r.responsibleUserId());
                row.put("responsibleName", r.responsibleName());
                row.put("notes", r.notes());
                return row;
            }).toList());
            return heading;
        }).toList());
        m.put("updatedAt", c.updatedAt() == null ? null : VietnamTime.at(c.updatedAt().toInstant()).toString());
        m.put("updatedBy", c.updatedBy());
        m.put("approved", approval.isPresent());
        m.put("approval", approval.map(a -> approvalView(a, true)).orElse(null));
        return m;
    }

    private static int year(Context ctx) {
        return Requests.year(ctx.pathParam("year"), CatalogueRules.MIN_YEAR, CatalogueRules.MAX_YEAR);
    }

    private static CatalogueInput parse(String body) {
        try {
            return Json.MAPPER.readValue(body, CatalogueInput.class);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("UNKNOWN_FIELD", "Unknown field '" + e.getPropertyName() + "' at "
                    + where(e) + "; the body is " + SHAPE, e.getPropertyName());
        } catch (JsonMappingException e) {
            String at = where(e);
            throw ApiException.badRequest("MALFORMED_JSON", "The body must be " + SHAPE
                    + (at.isEmpty() ? "" : "; " + at + " has the wrong type"), null);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "The body must be JSON: " + SHAPE, null);
        }
    }

    /** "headings[0].rows[1]": where in the body the problem is. */
    private static String where(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        var path = e.getPath();
        for (int i = 0; i < path.size(); i++) {
            var ref = path.get(i);
            boolean last = i == path.size() - 1;
            if (ref.getFieldName() != null && !(last && e instanceof UnrecognizedPropertyException)) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }
}
