package vn.vanthu.digitization;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metadata read from the OCR text of page 1, offered to the clerk and never applied on its own. The layout of
 * Decree 30 (Appendix I) puts them in known places: the issuing organ in capitals at the top left (under its
 * parent organ), "Số: 12/QĐ-UBND" under it, and the place and date line "Thái Bình, ngày 05 tháng 3 năm 2024"
 * at the right. A value that cannot be read is null.
 *
 * <pre>{@code Suggestions s = Suggestions.read(pageOneText); s.numberSymbol();   // "12/QĐ-UBND"}</pre>
 *
 * @param numberSymbol the number and symbol; just the symbol ("/SKHCN-VP") when the number was left blank
 * @param documentDate ISO date (yyyy-MM-dd)
 */
public record Suggestions(String numberSymbol, String documentDate, String issuingOrgan) {
    private static final Pattern NUMBER = Pattern.compile("(?iu)\\bS[ốố]\\s*[:;.]?\\s*(\\d{0,6}\\s*/\\s*[\\p{L}\\d][\\p{L}\\d.\\-/]*)");
    private static final Pattern DATE = Pattern.compile(
            "(?iu)ng[àa]y\\s+(\\d{1,2})\\s+th[áa]ng\\s+(\\d{1,2})\\s+n[ăa]m\\s+(\\d{4})");
    private static final Pattern NATIONAL = Pattern.compile("(?iu)C[ỘO]NG\\s+H[ÒO]A|Đ[ỘO]C\\s+L[ẬA]P|H[ẠA]NH\\s+PH[ÚU]C");

    static Suggestions read(String pageOne) {
        String text = Normalizer.normalize(pageOne == null ? "" : pageOne, Normalizer.Form.NFC);
        return new Suggestions(numberSymbol(text), date(text), organ(text));
    }

    private static String numberSymbol(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? m.group(1).replaceAll("\\s+", "") : null;
    }

    private static String date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1))).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The last capitalised heading before the number line, with the national motto cut off (OCR reads the two
     * columns of the header side by side).
     */
    private static String organ(String text) {
        String organ = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (NUMBER.matcher(line).find() || DATE.matcher(line).find()) {
                break;
            }
            Matcher national = NATIONAL.matcher(line);
            if (national.find()) {
                line = line.substring(0, national.start()).strip();
            }
            if (line.length() >= 3 && line.equals(line.toUpperCase(Locale.ROOT)) && line.chars().anyMatch(Character::isLetter)) {
                organ = line;
            }
        }
        return organ;
    }
}
