package vn.vanthu.validation;

/**
 * The main indication of a signature's validation (ETSI EN 319 102-1): what callers compare, instead of the
 * text of {@link ValidationReport.Signature#indication()}.
 *
 * <pre>{@code if (Indication.of(signature.indication()) != Indication.TOTAL_PASSED) { … } }</pre>
 */
public enum Indication {
    TOTAL_PASSED, INDETERMINATE, TOTAL_FAILED;

    /** The indication named so (e.g. "TOTAL_PASSED"); a name DSS might add later counts as INDETERMINATE. */
    public static Indication of(String name) {
        for (Indication i : values()) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return INDETERMINATE;
    }
}
