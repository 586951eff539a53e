package vn.vanthu.store;

import java.util.Locale;

/**
 * A search word as a SQL {@code LIKE} pattern that finds it anywhere in a lower-cased column, its own {@code %},
 * {@code _} and {@code !} taken literally (the statement says {@code ESCAPE '!'}: Jdbi's parser reads a backslash
 * in a literal as an escape of its own); the same on H2 and PostgreSQL.
 *
 * <pre>{@code q.bind("q", Like.containing("50%"));   // "%50!%%"}</pre>
 */
public final class Like {
    /** What a statement appends after {@code LOWER(column) LIKE :q}. */
    public static final String ESCAPE = " ESCAPE '!'";

    private Like() {}

    public static String containing(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder("%");
        for (char c : lower.toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                sb.append('!');
            }
            sb.append(c);
        }
        return sb.append('%').toString();
    }
}
