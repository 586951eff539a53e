package vn.vanthu.dossier;

import vn.vanthu.error.ApiException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a catalogue as sent and returns it cleaned (values stripped, numerals upper-case, blank notes null).
 * Every refusal names the field and says where it is ({@code headings[0].rows[2]}); that responsible users
 * exist is checked by {@link CatalogueService}, against the database.
 */
final class CatalogueRules {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_ROWS = 5000;
    static final int MAX_HEADINGS = 200;
    static final int NUMERAL = 20;
    static final int SYMBOL = 50;
    static final int TITLE = 500;
    static final int USER_ID = 40;
    static final int NOTES = 1000;
    static final int RETENTION = 20;
    private static final Pattern ROMAN = Pattern.compile("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

    private CatalogueRules() {}

    static int year(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ApiException.badRequest("INVALID_YEAR", "year must be from " + MIN_YEAR + " to " + MAX_YEAR, "year");
        }
        return year;
    }

    static Catalogue check(int year, CatalogueInput in) {
        year(year);
        if (in == null || in.headings() == null || in.headings().isEmpty()) {
            throw ApiException.badRequest("MISSING_FIELD", "headings must list at least one heading "
                    + "{numeral, title, rows}", "headings");
        }
        Map<String, String> symbols = new HashMap<>();
        Map<String, String> numerals = new HashMap<>();
        List<Catalogue.Heading> headings = new ArrayList<>();
        int count = 0;
        for (int h = 0; h < in.headings().size(); h++) {
            CatalogueInput.Heading heading = in.headings().get(h);
            String at = "headings[" + h + "]";
            if (heading == null) {
                throw ApiException.badRequest("INVALID_HEADING", at + " must be an object {numeral, title, rows}", "headings");
            }
            String numeral = strip(heading.numeral()).toUpperCase(Locale.ROOT);
            if (numeral.isEmpty() || !ROMAN.matcher(numeral).matches()) {
                throw ApiException.badRequest("INVALID_NUMERAL", at + ".numeral must be a Roman numeral (I, II, III, …), not '"
                        + shown(heading.numeral()) + "'", "numeral");
            }
            String earlier = numerals.putIfAbsent(numeral, at);
            if (earlier != null) {
                throw ApiException.badRequest("DUPLICATE_NUMERAL", "The numeral " + numeral + " heads both " + earlier
                        + " and " + at, "numeral");
            }
            String title = text(heading.title(), TITLE, at + ".title", "title");
            List<CatalogueInput.Row> rows = heading.rows() == null ? List.of() : heading.rows();
            count += rows.size();
            if (count > MAX_ROWS) {
                throw ApiException.badRequest("TOO_MANY_ROWS", "A catalogue holds at most " + MAX_ROWS + " rows", "rows");
            }
            List<Catalogue.Row> checked = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                checked.add(row(rows.get(r), at + ".rows[" + r + "]", symbols, year));
            }
            headings.add(new Catalogue.Heading(numeral, title, checked));
        }
        return new Catalogue(year, headings, null, null);
    }

    private static Catalogue.Row row(CatalogueInput.Row row, String at, Map<String, String> symbols, int year) {
        if (row == null) {
            throw ApiException.badRequest("INVALID_ROW", at + " must be an object {symbol, title, retention, "
                    + "responsibleUserId, notes}", "rows");
        }
        String symbol = strip(row.symbol());
        if (symbol.isEmpty() || symbol.length() > SYMBOL || hasControl(symbol, false)) {
            throw ApiException.badRequest("INVALID_SYMBOL", at + ".symbol is required: at most " + SYMBOL + " characters, "
                    + "no control characters (e.g. 01.TCCB)", "symbol");
        }
        String earlier = symbols.putIfAbsent(symbol.toUpperCase(Locale.ROOT), at);
        if (earlier != null) {
            throw new ApiException(409, "DUPLICATE_SYMBOL", "The symbol " + symbol + " is used twice in the " + year
                    + " catalogue (" + earlier + " and " + at + "); a dossier symbol is unique within the year", "symbol");
        }
        String title = text(row.title(), TITLE, at + ".title", "title");
        String retention = strip(row.retention());
        if (!Retention.valid(retention)) {
            throw ApiException.badRequest("INVALID_RETENTION", at + ".retention must be PERMANENT or <n>Y with n "
                    + "from 1 to 99 (e.g. 10Y), not '" + shown(row.retention()) + "'", "retention");
        }
        String user = strip(row.responsibleUserId());
        if (user.isEmpty() || user.length() > USER_ID) {
            throw ApiException.badRequest("MISSING_FIELD", at + ".responsibleUserId must be the id of a user",
                    "responsibleUserId");
        }
        String notes = strip(row.notes());
        if (notes.length() > NOTES || hasControl(notes, true)) {
            throw ApiException.badRequest("INVALID_NOTES", at + ".notes must be at most " + NOTES + " characters, "
                    + "no control characters but line breaks", "notes");
        }
        return new Catalogue.Row(symbol, title, retention, user, null, notes.isEmpty() ? null : notes);
    }

    private static String text(String value, int max, String at, String field) {
        String v = strip(value);
        if (v.isEmpty() || v.length() > max || hasControl(v, false)) {
            throw ApiException.badRequest("INVALID_" + field.toUpperCase(Locale.ROOT), at + " is required: at most "
                    + max + " characters, no control characters", field);
        }
        return v;
    }

    private static boolean hasControl(String s, boolean lineBreaksAllowed) {
        return s.chars().anyMatch(c -> Character.isISOControl(c)
                && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t')));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The value as sent, short enough to quote in a message. */
    private static String shown(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
