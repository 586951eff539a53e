package vn.vanthu.dossier;

import vn.vanthu.validation.Indication;
import vn.vanthu.validation.ValidationReport;

/**
 * The overall verdict on a filed document's signatures: the first signature that does not pass (with its
 * sub-indication), else TOTAL_PASSED. Stored in two columns; shown as {@link #text()}, e.g.
 * "TOTAL_FAILED/HASH_FAILURE".
 *
 * <pre>{@code Verdict v = Verdict.of(report); if (!v.passed()) { … }}</pre>
 */
public record Verdict(Indication indication, String subIndication) {
    public static final Verdict PASSED = new Verdict(Indication.TOTAL_PASSED, null);

    /** The verdict of a report, null when the document carries no signature. */
    public static Verdict of(ValidationReport r) {
        if (r.signaturesCount() == 0) {
            return null;
        }
        for (ValidationReport.Signature s : r.signatures()) {
            Indication i = Indication.of(s.indication());
            if (i != Indication.TOTAL_PASSED) {
                return new Verdict(i, s.subIndication());
            }
        }
        return PASSED;
    }

    public boolean passed() {
        return indication == Indication.TOTAL_PASSED;
    }

    /** As shown to people and in the package metadata: the indication, then "/" and the sub-indication if any. */
    public String text() {
        return subIndication == null ? indication.name() : indication.name() + "/" + subIndication;
    }

    /** The text of a verdict that may be absent (a document without signatures). */
    static String text(Verdict v) {
        return v == null ? null : v.text();
    }
}
