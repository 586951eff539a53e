package vn.vanthu.dispatch;

import vn.vanthu.error.ApiException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which copy form may be made from which source (Decree 30 Art. 25): a sao lục (SL) only from a sao y the agency
 * made (given by its copy number) or from a scan of a paper sao y; a sao y (SY) only from a paper original, as
 * a scan or a digitization (there is no electronic → electronic sao y: an electronic original is shared as it
 * is); a trích sao (TrS) from an issued dispatch or a scan. A scan is an uploaded {@code file} or a
 * {@code digitizationId}. Anything else is a 422 {@code COPY_FORM_NOT_ALLOWED} that names the allowed forms.
 *
 * <pre>{@code CopyForms.check("SL", request);   // throws unless request names a copy number or a scan}</pre>
 */
final class CopyForms {
    /** The longest copy number (01/SY-…) and pages list (1-2,5) read. */
    static final int COPY_NUMBER = 50;
    static final int PAGES = 20;
    private static final Pattern NUMBER = Pattern.compile("(\\d{2,})/(SY|SL|TrS)-(.+)");
    static final String ALLOWED = "Allowed: SY only from a paper original, scanned ('file') or digitized ('digitizationId'): "
            + "an electronic original is shared as it is, not copied by sao y; SL from a sao y the agency made "
            + "('copyNumber', e.g. 01/SY-…) or a scan of a paper sao y ('file' or 'digitizationId'); TrS from an issued "
            + "dispatch ('source') or a scan ('file' or 'digitizationId') with 'pages'";

    /** A copy number split: "01/SY-SKHCN" is code 01, form SY. */
    record Number(String code, String form) {}

    private CopyForms() {}

    static void check(String form, Copies.Request r) {
        boolean fromCopy = r.copyNumber() != null;
        int sources = (r.sourceId() != null ? 1 : 0) + (r.scan() != null ? 1 : 0) + (fromCopy ? 1 : 0)
                + (r.digitizationId() != null ? 1 : 0);
        if (sources > 1) {
            throw ApiException.badRequest("SOURCE_REQUIRED", "Give one source: 'source', 'file', 'digitizationId' or 'copyNumber'", "source");
        }
        if (form.equals("SY") && r.sourceId() != null) {
            throw notAllowed(form, "a sao y is made from a paper original (its scan or digitization); there is no "
                    + "electronic to electronic sao y, an electronic original is shared as it is");
        }
        if (fromCopy && !form.equals("SL")) {
            throw notAllowed(form, "only a sao lục is made from a copy number");
        }
        if (form.equals("SL") && r.sourceId() != null) {
            throw notAllowed(form, "a sao lục is made from a sao y, not from the original dispatch");
        }
    }

    static Number number(String text, String agency) {
        Matcher m = NUMBER.matcher(text.strip());
        if (!m.matches() || !m.group(3).equals(agency)) {
            throw ApiException.badRequest("INVALID_COPY_NUMBER", "copyNumber is a copy number of this agency, such as 01/SY-"
                    + agency, "copyNumber");
        }
        return new Number(m.group(1), m.group(2));
    }

    static ApiException notAllowed(String form, String why) {
        return ApiException.unprocessable("COPY_FORM_NOT_ALLOWED", form + ": " + why + ". " + ALLOWED, "form");
    }
}
