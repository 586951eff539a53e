package vn.vanthu.dispatch;

import vn.vanthu.error.ApiException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The numbering series of a year as the head of the agency decides them (Decree 30 Art. 15): each document type
 * in exactly one ordinary series (one for all types, a series per type or per group; a legal-normative series
 * holds one type only), and the secret series, whose symbols carry one more group ({@code 01/KH-SKHCN-M}) so
 * that no secret number + symbol can repeat an ordinary one. A layout under which two series could print the
 * same number + symbol (and so the same document identifier) is refused with 422 {@code LAYOUT_DUPLICATES}.
 *
 * <pre>{@code NumberingLayout l = NumberingLayout.of(input);   // 422 when it could repeat a number
 * l.seriesOf(dispatch);                           // "OUTGOING"
 * l.notation(dispatch, "SKHCN");                  // "KH-SKHCN", or "KH-SKHCN-M" for a secret one}</pre>
 */
public record NumberingLayout(List<Series> series, Secret secret) {
    /** Series names the other number series already use: an outgoing series cannot take them. */
    static final Set<String> RESERVED = Set.of("COPY", "INCOMING", "SECRET_IN");
    static final int MAX_SERIES = 40;
    static final int CODE_LENGTH = 10;
    static final int SUFFIX_LENGTH = 5;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0," + (CODE_LENGTH - 1) + "}");
    private static final Pattern SUFFIX = Pattern.compile("[A-Z0-9]{1," + SUFFIX_LENGTH + "}");
    /** The body's fields and limits (a value too long: 422, as every refusal of a layout), checked and documented. */
    /** The body's fields and limits; the GET answer's {@code year} is accepted (and ignored), so it can be sent back. */
    static final vn.vanthu.web.BodySpec FIELDS = vn.vanthu.web.BodySpec.json(vn.vanthu.web.FieldSpec.integer("year"),
            vn.vanthu.web.FieldSpec.objects("series", MAX_SERIES, vn.vanthu.web.FieldSpec.text("code", CODE_LENGTH),
                    vn.vanthu.web.FieldSpec.list("types", DocumentType.values().length, 20),
                    vn.vanthu.web.FieldSpec.bool("legalNormative")),
            vn.vanthu.web.FieldSpec.object("secret", vn.vanthu.web.FieldSpec.text("code", CODE_LENGTH),
                    vn.vanthu.web.FieldSpec.text("symbolSuffix", SUFFIX_LENGTH))).tooLongAnswered(422);
    static final String SHAPE = "{\"series\":[{\"code\",\"types\":[…],\"legalNormative\"}],\"secret\":{\"code\",\"symbolSuffix\"}}";

    /** An ordinary series: its name (≤ 10 of A-Z 0-9 _) and the document types numbered in it. */
    public record Series(String code, List<DocumentType> types, boolean legalNormative) {}

    /** The secret series and the symbol group its documents add after the agency ({@code M}). */
    public record Secret(String code, String symbolSuffix) {}

    /** The body of {@code PUT /api/v1/numbering/{year}} as sent, before any check. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"year"})
    public record Input(List<SeriesInput> series, SecretInput secret) {}

    public record SeriesInput(String code, List<String> types, Boolean legalNormative) {}

    public record SecretInput(String code, String symbolSuffix) {}

    /** Today's layout when the head decided nothing: one administrative series for every type, and the secret one. */
    public static NumberingLayout defaults() {
        return new NumberingLayout(List.of(new Series(SeriesKind.OUTGOING.name(), List.of(DocumentType.values()), false)),
                new Secret(SeriesKind.SECRET.name(), "M"));
    }

    /** The series the dispatch takes its number from. */
    public String seriesOf(Dispatch d) {
        if (d.secret()) {
            return secret.code();
        }
        return series.stream().filter(s -> s.types().contains(d.type())).findFirst().orElseThrow().code();
    }

    /** The symbol after "number/" under this layout. */
    public String notation(Dispatch d, String agency) {
        String base = d.type().notation(agency, d.draftingUnit());
        return d.secret() ? base + "-" + secret.symbolSuffix() : base;
    }

    /** Checks a layout as sent: 422 naming the problem, {@code LAYOUT_DUPLICATES} when a number could repeat. */
    public static NumberingLayout of(Input in) {
        if (in == null || in.series() == null || in.series().isEmpty() || in.series().size() > MAX_SERIES) {
            throw invalid("series must list 1 to " + MAX_SERIES + " series: " + SHAPE, "series");
        }
        if (in.secret() == null) {
            throw invalid("secret must name the secret series {code, symbolSuffix}", "secret");
        }
        Set<String> codes = new HashSet<>();
        List<Series> out = new ArrayList<>();
        for (SeriesInput s : in.series()) {
            if (s == null) {
                throw invalid("series must not contain null", "series");
            }
            String code = code(s.code(), "series.code", codes);
            if (s.types() == null || s.types().isEmpty() || s.types().size() > DocumentType.values().length) {
                throw invalid("Series " + code + " must list its document types (Appendix III codes)", "series.types");
            }
            List<DocumentType> types = s.types().stream().map(DocumentType::parse).distinct().toList();
            boolean normative = Boolean.TRUE.equals(s.legalNormative());
            if (normative && types.size() != 1) {
                throw ApiException.unprocessable("LEGAL_NORMATIVE_SHARED", "Series " + code + " is legal-normative: "
                        + "each legal-normative type is numbered in its own series, so it holds exactly one type", "series.types");
            }
            out.add(new Series(code, types, normative));
        }
        String secretCode = code(in.secret().code(), "secret.code", codes);
        String suffix = in.secret().symbolSuffix() == null ? "" : in.secret().symbolSuffix().trim();
        if (!suffix.isEmpty() && !SUFFIX.matcher(suffix).matches()) {
            throw invalid("secret.symbolSuffix is one symbol group of 1 to " + SUFFIX_LENGTH + " of A-Z 0-9 (e.g. M)", "secret.symbolSuffix");
        }
        NumberingLayout layout = new NumberingLayout(List.copyOf(out), new Secret(secretCode, suffix));
        layout.requireEveryType();
        layout.requireNoRepeats();
        return layout;
    }

    /** The layout in the shape of its input (as answered by GET and stored). */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", series.stream().map(s -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("code", s.code());
            v.put("types", s.types().stream().map(DocumentType::code).toList());
            v.put("legalNormative", s.legalNormative());
            return v;
        }).toList());
        m.put("secret", Map.of("code", secret.code(), "symbolSuffix", secret.symbolSuffix()));
        return m;
    }

    private void requireEveryType() {
        Set<DocumentType> placed = new HashSet<>();
        series.forEach(s -> placed.addAll(s.types()));
        List<String> missing = Arrays.stream(DocumentType.values()).filter(t -> !placed.contains(t)).map(DocumentType::code).toList();
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("TYPE_WITHOUT_SERIES", "Every document type needs a series; none for " + missing,
                    "series.types");
        }
    }

    /**
     * Each (series, type) prints a symbol of a known form ("KH-{agency}", "{agency}-{unit}", plus the secret
     * group); two different series that can print the same form can give the same number + symbol.
     */
    private void requireNoRepeats() {
        Map<String, String> seriesByForm = new HashMap<>();
        for (Series s : series) {
            for (DocumentType t : s.types()) {
                claim(seriesByForm, form(t, ""), s.code());
            }
        }
        String group = secret.symbolSuffix().isEmpty() ? "" : "-" + secret.symbolSuffix();
        for (DocumentType t : DocumentType.values()) {
            claim(seriesByForm, form(t, group), secret.code());
        }
    }

    private static void claim(Map<String, String> seriesByForm, String form, String code) {
        String other = seriesByForm.putIfAbsent(form, code);
        if (other != null && !other.equals(code)) {
            throw ApiException.unprocessable("LAYOUT_DUPLICATES", "Series " + other + " and " + code + " could both issue 01/"
                    + form + " in the same year: a number + symbol (and the document identifier) must never repeat"
                    + "; give each type one series, công văn and thư công the same one, and the secret series a symbolSuffix",
                    "series");
        }
    }

    private static String form(DocumentType t, String group) {
        return (t.abbreviated() ? t.code() + "-{agency}" : "{agency}-{unit}") + group;
    }

    private static String code(String raw, String field, Set<String> seen) {
        String code = raw == null ? "" : raw.trim();
        if (!CODE.matcher(code).matches()) {
            throw invalid(field + " is 1 to " + CODE_LENGTH + " of A-Z 0-9 _ starting with a letter", field);
        }
        if (RESERVED.contains(code)) {
            throw invalid(field + " " + code + " is the name of another number series", field);
        }
        if (!seen.add(code)) {
            throw invalid(field + " " + code + " is used twice", field);
        }
        return code;
    }

    private static ApiException invalid(String message, String field) {
        return ApiException.unprocessable("INVALID_NUMBERING_LAYOUT", message, field);
    }
}
