package vn.vanthu.signing;

import vn.vanthu.error.ApiException;

/**
 * Where the signature sits relative to the signed data. XAdES takes all three; CAdES ENVELOPING or DETACHED;
 * PAdES is always ENVELOPED and ASiC-E always DETACHED (inside the container).
 *
 * <pre>{@code Packaging p = Packaging.forFormat(SignatureFormat.CADES, "DETACHED");}</pre>
 */
public enum Packaging {
    ENVELOPED, ENVELOPING, DETACHED;

    /** The packaging for a format: the requested one when it applies, the format's default when absent. */
    public static Packaging forFormat(SignatureFormat format, String requested) {
        Packaging p = null;
        if (requested != null && !requested.isBlank()) {
            try {
                p = Packaging.valueOf(requested.trim());
            } catch (IllegalArgumentException e) {
                throw bad("packaging must be one of ENVELOPED, ENVELOPING, DETACHED");
            }
        }
        Packaging fixed = switch (format) {
            case PADES -> ENVELOPED;
            case ASIC_E -> DETACHED;
            default -> null;
        };
        if (fixed != null) {
            if (p != null && p != fixed) {
                throw bad(format.apiName() + " signatures are always " + fixed);
            }
            return fixed;
        }
        if (p == null) {
            return format == SignatureFormat.XADES ? ENVELOPED : ENVELOPING;
        }
        if (format == SignatureFormat.CADES && p == ENVELOPED) {
            throw bad("CAdES takes packaging ENVELOPING or DETACHED");
        }
        return p;
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest("UNKNOWN_PACKAGING", message, "packaging");
    }
}
