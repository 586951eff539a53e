package vn.vanthu.dispatch;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Json;
import vn.vanthu.web.Requests;
import vn.vanthu.web.Views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's page of a year's numbering series: each series with its document types, the secret one
 * with its symbol group, the number each hands out next and whether the year already numbered under the layout;
 * and the form that changes the layout (a row per series: its name, its types in a text box, legal-normative,
 * remove; one empty row adds a series). The form becomes the API's body, checked by the API's declaration and
 * {@link Numbering#replace}, so a refusal (LEGAL_NORMATIVE_SHARED, TYPE_WITHOUT_SERIES, LAYOUT_DUPLICATES,
 * NUMBERING_IN_USE …) is the API's, shown on the page above what was typed.
 */
public final class NumberingPagesController {
    private final Numbering numbering;
    private final NumberSeries numbers;
    private final String agency;

    private static final int TYPES = 400;
    private static final int TICK = 5;
    /** The layout form: the year, a row per series ({@code code.i}, {@code types.i}, two ticks), the secret series. */
    public static final BodySpec FORM = BodySpec.formWithRows(NumberingLayout.MAX_SERIES + 1,
            List.of(FieldSpec.integer("year"), FieldSpec.text("secretCode", NumberingLayout.CODE_LENGTH),
                    FieldSpec.text("secretSuffix", NumberingLayout.SUFFIX_LENGTH)),
            FieldSpec.text("code", NumberingLayout.CODE_LENGTH), FieldSpec.text("types", TYPES),
            FieldSpec.text("legalNormative", TICK), FieldSpec.text("remove", TICK));

    NumberingPagesController(Numbering numbering, NumberSeries numbers, String agency) {
        this.numbering = numbering;
        this.numbers = numbers;
        this.agency = agency;
    }

    public void show(Context ctx) {
        int year = year(ctx.queryParam("year"));
        render(ctx, year, rows(numbering.layout(year)), Map.of());
    }

    public void replace(Context ctx) {
        int year = year(ctx.formParam("year"));
        NumberingLayout.Input input = input(ctx);
        try {
            NumberingLayout.FIELDS.check(Json.MAPPER.valueToTree(input));
            NumberingLayout l = numbering.replace(Auth.user(ctx), year, input);
            AuditTags.set(ctx, "NUMBERING_LAYOUT", "numbering " + year, l.series().size() + " series + secret " + l.secret().code());
            render(ctx, year, rows(l), Map.of("notice", Views.text(ctx, "numbering.saved") + " " + year));
        } catch (ApiException e) {
            render(ctx, year, typed(input), Views.refusal(ctx, e));
        }
    }

    private int year(String text) {
        Integer y = Requests.year(text, NumberingController.MIN_YEAR, NumberingController.MAX_YEAR);
        return y == null ? numbering.currentYear() : y;
    }

    /** The rows of the form ({@code code.i}, {@code types.i}, {@code legalNormative.i}, {@code remove.i}) and the secret series. */
    private static NumberingLayout.Input input(Context ctx) {
        List<NumberingLayout.SeriesInput> series = new ArrayList<>();
        for (int i = 0; i <= NumberingLayout.MAX_SERIES; i++) {
            String code = ctx.formParam("code." + i);
            String types = ctx.formParam("types." + i);
            boolean blank = (code == null || code.isBlank()) && (types == null || types.isBlank());
            if (blank || ctx.formParam("remove." + i) != null) {
                continue;
            }
            List<String> list = types == null || types.isBlank() ? List.of()
                    : Arrays.stream(types.strip().split("[\\s,;]+")).toList();
            series.add(new NumberingLayout.SeriesInput(code == null ? null : code.strip(), list,
                    ctx.formParam("legalNormative." + i) != null));
        }
        return new NumberingLayout.Input(series, new NumberingLayout.SecretInput(ctx.formParam("secretCode"),
                ctx.formParam("secretSuffix")));
    }

    /** The stored layout as the form's rows and the table's. */
    private static Map<String, Object> rows(NumberingLayout l) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (NumberingLayout.Series s : l.series()) {
            series.add(row(s.code(), s.types().stream().map(DocumentType::code).toList(), s.legalNormative()));
        }
        return Map.of("series", series, "secretCode", l.secret().code(), "secretSuffix", l.secret().symbolSuffix());
    }

    /** What was sent, as the form's rows again. */
    private static Map<String, Object> typed(NumberingLayout.Input in) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (NumberingLayout.SeriesInput s : in.series()) {
            series.add(row(s.code(), s.types(), Boolean.TRUE.equals(s.legalNormative())));
        }
        return Map.of("series", series, "secretCode", in.secret().code() == null ? "" : in.secret().code(),
                "secretSuffix", in.secret().symbolSuffix() == null ? "" : in.secret().symbolSuffix());
    }

    private static Map<String, Object> row(String code, List<String> types, boolean legalNormative) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code == null ? "" : code);
        r.put("types", String.join(" ", types));
        r.put("legalNormative", legalNormative);
        return r;
    }

    private void render(Context ctx, int year, Map<String, Object> form, Map<String, Object> extra) {
        NumberingLayout stored = numbering.layout(year);
        Map<String, Long> next = numbers.nextValues(agency, year);
        List<Map<String, Object>> table = new ArrayList<>();
        for (NumberingLayout.Series s : stored.series()) {
            table.add(Map.of("code", s.code(), "types", s.types(), "legalNormative", s.legalNormative(), "secret", false,
                    "group", "", "next", next.getOrDefault(s.code(), 1L)));
        }
        table.add(Map.of("code", stored.secret().code(), "types", List.of(), "legalNormative", false,
                "secret", true, "group", stored.secret().symbolSuffix(), "next", next.getOrDefault(stored.secret().code(), 1L)));
        Map<String, Object> model = new HashMap<>(extra);
        model.put("year", year);
        model.put("table", table);
        model.put("form", form);
        model.put("usage", numbering.usage(year));
        model.put("allTypes", DocumentType.values());
        Views.render(ctx, "admin-numbering", model);
    }
}
