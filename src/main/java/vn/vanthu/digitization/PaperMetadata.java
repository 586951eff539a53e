package vn.vanthu.digitization;

import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.error.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What the clerk says about the paper document (the {@code metadata} part): its number and symbol, date
 * (yyyy-MM-dd), issuing organ, type, subject and the pages counted on paper, which the scans must match.
 *
 * <pre>{@code {"numberSymbol":"12/QĐ-UBND","documentDate":"2024-03-05","issuingOrgan":"UBND tỉnh Thái Bình",
 *  "documentType":"QĐ","subject":"…","paperPages":3}}</pre>
 */
public record PaperMetadata(String numberSymbol, String documentDate, String issuingOrgan, String documentType,
                            String subject, Integer paperPages) {
    static final String SHAPE = "{numberSymbol, documentDate, issuingOrgan, documentType, subject, paperPages}";
    /** The metadata part as checked before anything is stored and as /openapi.json documents it. */
    public static final BodySpec FIELDS = BodySpec.part("metadata", FieldSpec.text("numberSymbol", 100),
            FieldSpec.date("documentDate"), FieldSpec.text("issuingOrgan", 500), FieldSpec.text("documentType", 100),
            FieldSpec.text("subject", 2000), FieldSpec.integer("paperPages"))
            .withFiles(vn.vanthu.web.FilePart.many("scan", DigitizationController.MAX_SCANS));   // its range is the feature's check (INVALID_PAPER_PAGES)

    /** Checks each field; {@code maxPages} bounds paperPages. */
    PaperMetadata validated(int maxPages) {
        if (paperPages == null || paperPages < 1 || paperPages > maxPages) {
            throw ApiException.badRequest("INVALID_PAPER_PAGES", "paperPages must be the number of pages on paper, "
                    + "from 1 to " + maxPages, "paperPages");
        }
        if (documentDate != null && !documentDate.isBlank()) {
            try {
                LocalDate.parse(documentDate.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("INVALID_DATE", "documentDate must be a date such as 2024-03-05", "documentDate");
            }
        }
        return new PaperMetadata(text(numberSymbol, "numberSymbol"), text(documentDate, "documentDate"),
                text(issuingOrgan, "issuingOrgan"), text(documentType, "documentType"), text(subject, "subject"), paperPages);
    }

    private static String text(String value, String field) {
        int max = FIELDS.field(field).maxLength();
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ApiException.badRequest("FIELD_TOO_LONG", field + " is longer than " + max + " characters", field);
        }
        return v;
    }
}
