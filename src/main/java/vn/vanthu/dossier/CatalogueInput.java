package vn.vanthu.dossier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/catalogues/{year}} as the client sends it, before any check. Any other field is
 * refused, except the read-only fields of the GET answer ({@code year}, {@code updatedAt}, {@code updatedBy}, {@code approved}, {@code approval},
 * {@code retentionLabel}, {@code responsibleName}), which are ignored: a catalogue read with GET may be sent
 * back as it is, e.g. to start next year's from this year's.
 *
 * <pre>{@code new CatalogueInput(List.of(new CatalogueInput.Heading("I", "Tổ chức, cán bộ", List.of(
 *         new CatalogueInput.Row("01.TCCB", "Hồ sơ …", "PERMANENT", userId, null)))))}</pre>
 */
@JsonIgnoreProperties({"year", "updatedAt", "updatedBy", "approved", "approval"})
public record CatalogueInput(List<Heading> headings) {
    /** The body's fields and limits (the GET answer's read-only fields are accepted, and ignored). */
    public static final BodySpec FIELDS = BodySpec.json(
            FieldSpec.objects("headings", CatalogueRules.MAX_HEADINGS, FieldSpec.text("numeral", CatalogueRules.NUMERAL),
                    FieldSpec.text("title", CatalogueRules.TITLE),
                    FieldSpec.objects("rows", CatalogueRules.MAX_ROWS, FieldSpec.text("symbol", CatalogueRules.SYMBOL),
                            FieldSpec.text("title", CatalogueRules.TITLE), FieldSpec.text("retention", CatalogueRules.RETENTION),
                            FieldSpec.text("retentionLabel", CatalogueRules.TITLE),
                            FieldSpec.text("responsibleUserId", CatalogueRules.USER_ID),
                            FieldSpec.text("responsibleName", CatalogueRules.TITLE), FieldSpec.text("notes", CatalogueRules.NOTES))),
            FieldSpec.integer("year"), FieldSpec.text("updatedAt", 40), FieldSpec.text("updatedBy", CatalogueRules.TITLE),
            FieldSpec.bool("approved"), FieldSpec.object("approval"));

    public record Heading(String numeral, String title, List<Row> rows) {}

    @JsonIgnoreProperties({"retentionLabel", "responsibleName"})
    public record Row(String symbol, String title, String retention, String responsibleUserId, String notes) {}
}
