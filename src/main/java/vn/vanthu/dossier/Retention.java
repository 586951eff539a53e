package vn.vanthu.dossier;

import vn.vanthu.error.ApiException;

import java.util.regex.Pattern;

/**
 * Retention periods (thời hạn bảo quản): {@code PERMANENT} or {@code <n>Y}, with their Vietnamese label and the
 * Circular 05/2025 code (01 permanent, 02 70 y, 03 50 y, 04 30 y, 05 20 y, 06 10 y, 07 other).
 */
final class Retention {
    private static final Pattern YEARS = Pattern.compile("([1-9][0-9]?)Y");

    private Retention() {}

    /** The normalised value; 400 naming {@code field} when it is neither PERMANENT nor 1Y–99Y. */
    static String parse(String value, String field) {
        String v = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        if (v.equals("PERMANENT") || YEARS.matcher(v).matches()) {
            return v;
        }
        throw ApiException.badRequest("INVALID_RETENTION", field + " must be PERMANENT or a number of years such as 10Y", field);
    }

    static String label(String retention) {
        return retention.equals("PERMANENT") ? "Vĩnh viễn" : retention.substring(0, retention.length() - 1) + " năm";
    }

    static String code(String retention) {
        return switch (retention) {
            case "PERMANENT" -> "01";
            case "70Y" -> "02";
            case "50Y" -> "03";
            case "30Y" -> "04";
            case "20Y" -> "05";
            case "10Y" -> "06";
            default -> "07";
        };
    }
}
