package vn.vanthu.dossier;

/**
 * The metadata part of filing an uploaded document: an incoming document (văn bản đến: its number/symbol, date,
 * issuing organ, type, subject) or any other file ({@code kind} OTHER; the date defaults to today).
 */
public record NewItem(String kind, String numberSymbol, String documentDate, String issuingOrgan, String documentType,
                      String subject) {
    /** The metadata part of filing an uploaded document: checked before anything is stored, and documented. */
    public static final vn.vanthu.web.BodySpec FIELDS = vn.vanthu.web.BodySpec.part("metadata",
            vn.vanthu.web.FieldSpec.oneOf("kind", java.util.List.of("INCOMING", "OTHER")),
            vn.vanthu.web.FieldSpec.text("numberSymbol", 100), vn.vanthu.web.FieldSpec.date("documentDate"),
            vn.vanthu.web.FieldSpec.text("issuingOrgan", 300), vn.vanthu.web.FieldSpec.text("documentType", 100),
            vn.vanthu.web.FieldSpec.text("subject", 1000)).withFiles(vn.vanthu.web.FilePart.one("file"));

    static int max(String field) {
        return FIELDS.field(field).maxLength();
    }
}
