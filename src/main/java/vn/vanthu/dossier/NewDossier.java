package vn.vanthu.dossier;

import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;

import java.util.List;

/**
 * The body of {@code POST /api/v1/dossiers}: either {@code catalogueSymbol} (a row of the year's catalogue gives
 * symbol, title, retention and responsible user, each of which may still be given here) or those fields alone.
 */
public record NewDossier(String catalogueSymbol, Integer year, String symbol, String title, String retention,
                         String responsibleUserId, String rights, String language, String category, String startDate,
                         String keyword, String description) {
    /** The fields as the service checks them before anything is stored, and as /openapi.json documents them. */
    public static final BodySpec FIELDS = BodySpec.json(FieldSpec.text("catalogueSymbol", 50), FieldSpec.integer("year"),
            FieldSpec.text("symbol", 50), FieldSpec.text("title", 500), FieldSpec.text("retention", 20),
            FieldSpec.text("responsibleUserId", 40), FieldSpec.oneOf("rights", List.of("PUBLIC", "CONDITIONAL", "RESTRICTED")),
            FieldSpec.text("language", 20), FieldSpec.oneOf("category", List.of("GENERAL", "CAPITAL_CONSTRUCTION")),
            FieldSpec.date("startDate"), FieldSpec.text("keyword", 500), FieldSpec.text("description", 2000));

    static int max(String field) {
        return FIELDS.field(field).maxLength();
    }
}
