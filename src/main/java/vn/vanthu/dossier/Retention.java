package vn.vanthu.dossier;

import vn.vanthu.error.ApiException;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retention periods (thời hạn bảo quản) as the API spells them: {@code PERMANENT} (vĩnh viễn) or {@code <n>Y},
 * n years from 1 to 99 (e.g. {@code 10Y}, printed "10 năm"), with the Circular 05/2025 code (01 permanent,
 * 02 70 y, 03 50 y, 04 30 y, 05 20 y, 06 10 y, 07 other).
 *
 * <pre>{@code Retention.valid("10Y"); Retention.label("PERMANENT"); // "Vĩnh viễn"}</pre>
 */
public final class Retention {
    public static final String PERMANENT = "PERMANENT";
    private static final Pattern YEARS = Pattern.compile("([1-9][0-9]?)Y");

    private Retention() {}

    public static boolean valid(String value) {
        return PERMANENT.equals(value) || (value != null && YEARS.matcher(value).matches());
    }

    /** The normalised value; 400 naming {@code field} when it is neither PERMANENT nor 1Y–99Y. */
    static String parse(String value, String field) {
        String v = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        if (valid(v)) {
            return v;
        }
        throw ApiException.badRequest("INVALID_RETENTION", field + " must be PERMANENT or a number of years such as 10Y", field);
    }

    /** The number of years, empty when permanent or not a retention. */
    public static OptionalInt years(String value) {
        Matcher m = value == null ? null : YEARS.matcher(value);
        return m != null && m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The Vietnamese label: "Vĩnh viễn" or "10 năm"; the value itself when it is not a retention. */
    public static String label(String value) {
        if (PERMANENT.equals(value)) {
            return "Vĩnh viễn";
        }
        OptionalInt years = years(value);
        return years.isPresent() ? years.getAsInt() + " năm" : value;
    }

    static String code(String retention) {
        return switch (retention) {
            case PERMANENT -> "01";
            case "70Y" -> "02";
            case "50Y" -> "03";
            case "30Y" -> "04";
            case "20Y" -> "05";
            case "10Y" -> "06";
            default -> "07";
        };
    }
}
