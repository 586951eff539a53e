package vn.vanthu.signing;

import vn.vanthu.error.ApiException;

/**
 * ETSI baseline levels: B (signature only), T (+ signature timestamp), LT (+ certificates and revocation data),
 * LTA (+ archive timestamp).
 *
 * <pre>{@code Level l = Level.parse("LT"); boolean needsTsa = l.needsTimestamp();}</pre>
 */
public enum Level {
    B, T, LT, LTA;

    public boolean needsTimestamp() {
        return this != B;
    }

    public static Level parse(String value) {
        try {
            return Level.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("UNKNOWN_LEVEL", "level must be one of B, T, LT, LTA", "level");
        }
    }
}
