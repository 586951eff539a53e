package vn.vanthu.dossier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.KeyInfo;
import vn.vanthu.keys.KeyService;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.users.UserService;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Forms;
import vn.vanthu.web.Json;
import vn.vanthu.web.Requests;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The page of the year's dossier catalogue: the table (a clerk or an official opens a dossier from a row), its
 * approval (approved or not, by whom and which decision, every approved version), the clerk's and the
 * administrator's form replacing it row by row, and the agency head's form approving it with their own key. The
 * forms are checked by the API's declarations and go to the same services, so the same rules.
 */
public final class CataloguePagesController {
    /** Rows the form carries; a longer catalogue is replaced with {@code PUT /api/v1/catalogues/{year}}. */
    static final int MAX_FORM_ROWS = 100;
    /** Empty rows under the catalogue's own, to add rows. */
    private static final int NEW_ROWS = 3;
    private static final List<String> COLUMNS = List.of("numeral", "heading", "symbol", "title", "retention",
            "responsibleUserId", "notes");
    /** The edit form: the year, and per row i its heading (numeral.i, heading.i), its fields and remove.i. */
    public static final BodySpec EDIT = BodySpec.formWithRows(MAX_FORM_ROWS, List.of(FieldSpec.integer("year")),
            FieldSpec.text("numeral", CatalogueRules.NUMERAL), FieldSpec.text("heading", CatalogueRules.TITLE),
            FieldSpec.text("symbol", CatalogueRules.SYMBOL), FieldSpec.text("title", CatalogueRules.TITLE),
            FieldSpec.text("retention", CatalogueRules.RETENTION), FieldSpec.text("responsibleUserId", CatalogueRules.USER_ID),
            FieldSpec.text("notes", CatalogueRules.NOTES), FieldSpec.text("remove", 2));
    /** The approve form: the year and the API's approval fields. */
    public static final BodySpec APPROVE = BodySpec.form(Stream.concat(Stream.of(FieldSpec.integer("year")),
            CatalogueApprovals.FIELDS.fields().stream()).toArray(FieldSpec[]::new));
    private final CatalogueService catalogues;
    private final CatalogueApprovals approvals;
    private final UserService users;
    private final KeyService keys;
    private final Clock clock;

    CataloguePagesController(CatalogueService catalogues, CatalogueApprovals approvals, UserService users,
                             KeyService keys, Clock clock) {
        this.catalogues = catalogues;
        this.approvals = approvals;
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    /** The year's catalogue ({@code ?year=}, this year by default) with the forms the caller's roles allow. */
    public void show(Context ctx) {
        Integer y = Requests.year(ctx.queryParam("year"), CatalogueRules.MIN_YEAR, CatalogueRules.MAX_YEAR);
        render(ctx, y == null ? VietnamTime.today(clock).getYear() : y, new HashMap<>(), null);
    }

    /** Replaces the catalogue with the form's rows (removed and empty ones left out), as the API's PUT does. */
    public void save(Context ctx) {
        int year = formYear(ctx);
        List<Map<String, String>> typed = typedRows(ctx);
        try {
            Catalogue c = catalogues.replace(Auth.user(ctx), AuditTags.origin(ctx), year, input(typed));
            AuditTags.set(ctx, "CATALOGUE_REPLACE", "catalogue " + year, c.headings().size() + " headings, " + c.rows().size() + " rows");
            render(ctx, year, new HashMap<>(Map.of("notice", Views.text(ctx, "catalogue.saved"))), null);
        } catch (ApiException e) {
            render(ctx, year, new HashMap<>(Views.refusal(ctx, e)), typed);
        }
    }

    /** The agency head approves the catalogue as it is now, signing its print with their own key. */
    public void approve(Context ctx) {
        int year = formYear(ctx);
        Map<String, String> values = Forms.values(ctx, CatalogueApprovals.FIELDS);
        try {
            var in = Json.MAPPER.convertValue(Forms.checked(CatalogueApprovals.FIELDS, values), CatalogueApprovals.ApproveInput.class);
            var a = approvals.approve(Auth.user(ctx), AuditTags.origin(ctx), year, in);
            AuditTags.set(ctx, "CATALOGUE_APPROVE", "catalogue " + year, "decision " + a.decisionNumber());
            render(ctx, year, new HashMap<>(Map.of("notice", Views.text(ctx, "catalogue.approvedNow") + " " + a.decisionNumber())), null);
        } catch (ApiException e) {
            Map<String, Object> model = new HashMap<>(Views.refusal(ctx, e));
            values.remove("pin");
            model.put("approveForm", values);
            render(ctx, year, model, null);
        }
    }

    private static int formYear(Context ctx) {
        return Requests.year(Forms.text(ctx, "year", 4, true), CatalogueRules.MIN_YEAR, CatalogueRules.MAX_YEAR);
    }

    /** The form's rows as typed, in order; rows left wholly empty or ticked for removal are dropped. */
    private static List<Map<String, String>> typedRows(Context ctx) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < MAX_FORM_ROWS; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                String v = ctx.formParam(column + "." + i);
                row.put(column, v == null ? "" : v.strip());
            }
            boolean removed = ctx.formParam("remove." + i) != null;
            if (!removed && row.values().stream().anyMatch(v -> !v.isEmpty())) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The API's body from the rows: rows of the same numeral under one heading (its title the first given), in
     * the order the numerals first come; a row with only its heading makes a heading without rows. Checked by the
     * API's declaration before the service's own rules.
     */
    private static CatalogueInput input(List<Map<String, String>> typed) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode headings = body.putArray("headings");
        Map<String, ObjectNode> byNumeral = new LinkedHashMap<>();
        for (Map<String, String> row : typed) {
            String numeral = row.get("numeral").toUpperCase(Locale.ROOT);
            ObjectNode heading = byNumeral.computeIfAbsent(numeral, n -> {
                ObjectNode h = headings.addObject().put("numeral", n);
                h.putArray("rows");
                return h;
            });
            if (!heading.has("title") && !row.get("heading").isEmpty()) {
                heading.put("title", row.get("heading"));
            }
            if (COLUMNS.subList(2, COLUMNS.size()).stream().anyMatch(c -> !row.get(c).isEmpty())) {
                ObjectNode r = ((ArrayNode) heading.get("rows")).addObject();
                COLUMNS.subList(2, COLUMNS.size()).stream().filter(c -> !row.get(c).isEmpty()).forEach(c -> r.put(c, row.get(c)));
            }
        }
        CatalogueInput.FIELDS.check(body);
        return Json.MAPPER.convertValue(body, CatalogueInput.class);
    }

    private void render(Context ctx, int year, Map<String, Object> model, List<Map<String, String>> typed) {
        User caller = Auth.user(ctx);
        Optional<Catalogue> found = catalogues.find(year);
        Catalogue c = found.orElse(new Catalogue(year, List.of(), null, null));   // the page says the year has none yet
        Optional<CatalogueApprovals.Approval> current = approvals.current(year);
        model.put("year", year);
        model.put("headings", c.headings());
        model.put("updatedBy", c.updatedBy() == null ? "" : c.updatedBy());
        model.put("updatedAt", c.updatedAt() == null ? "" : c.updatedAt().toString());
        model.put("exists", found.isPresent());
        model.put("approved", current.isPresent());
        model.put("current", current.map(CatalogueApprovals.Approval::version).orElse(-1));
        model.put("approvals", approvals.list(year).stream().map(a -> Map.of("a", a, "by", name(a.approvedBy()))).toList());
        model.put("heads", approvals.heads().stream().map(n -> users.findByName(n).map(CataloguePagesController::label).orElse(n)).sorted().toList());
        boolean editor = caller.has(Role.CLERK) || caller.has(Role.ADMIN);
        model.put("editor", editor);
        if (editor) {
            List<Map<String, String>> rows = typed != null ? new ArrayList<>(typed) : formRows(c);
            model.put("tooLong", rows.size() > MAX_FORM_ROWS);
            for (int i = 0; i < NEW_ROWS && rows.size() < MAX_FORM_ROWS; i++) {
                Map<String, String> empty = new LinkedHashMap<>();
                COLUMNS.forEach(col -> empty.put(col, ""));
                rows.add(empty);
            }
            model.put("formRows", rows);
            model.put("people", users.list().stream().filter(u -> !u.disabled())
                    .map(u -> Map.of("id", u.id(), "label", label(u))).toList());
        }
        boolean head = caller.has(Role.OFFICIAL) && approvals.heads().contains(caller.name());
        model.put("canApprove", head && found.isPresent() && current.isEmpty());
        model.put("approverKeys", head ? keys.usableBy(caller).stream().filter(k -> KeyInfo.ACTIVE.equals(k.status())
                && !KeyInfo.AGENCY_SEAL.equals(k.owner())).toList() : List.of());
        model.putIfAbsent("approveForm", Map.of());
        Views.render(ctx, "catalogue", model);
    }

    /** The catalogue as form rows: one per dossier row, one for a heading without rows. */
    private static List<Map<String, String>> formRows(Catalogue c) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Catalogue.Heading h : c.headings()) {
            if (h.rows().isEmpty()) {
                rows.add(formRow(h, null));
            }
            h.rows().forEach(r -> rows.add(formRow(h, r)));
        }
        return rows;
    }

    private static Map<String, String> formRow(Catalogue.Heading h, Catalogue.Row r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("numeral", h.numeral());
        m.put("heading", h.title());
        m.put("symbol", r == null ? "" : r.symbol());
        m.put("title", r == null ? "" : r.title());
        m.put("retention", r == null ? "" : r.retention());
        m.put("responsibleUserId", r == null ? "" : r.responsibleUserId());
        m.put("notes", r == null || r.notes() == null ? "" : r.notes());
        return m;
    }

    private String name(String userId) {
        return users.find(userId).map(CataloguePagesController::label).orElse(userId);
    }

    private static String label(User u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.name() : u.displayName() + " (" + u.name() + ")";
    }
}
