package vn.vanthu.dossier;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retention periods of dossiers as the API spells them: {@code PERMANENT} (vĩnh viễn) or {@code <n>Y}, n years
 * from 1 to 99 (e.g. {@code 10Y}, printed "10 năm").
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
}
