package vn.vanthu.dispatch;

import vn.vanthu.error.ApiException;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the clerk's number and date go on page 1 ("Số:    /KH-SKHCN", "…, ngày  tháng  năm  "), and what the
 * draft already prints there. The anchors are read once when the official signs ({@link DraftCheck} refuses a
 * wrong symbol or a stale pre-printed date then); at issue {@link #marks} turns them into the texts to write
 * ({@link MarkAnnotations} writes them), and refuses a printed date part that is not the issue date.
 *
 * <pre>{@code List<NumberMarks.Mark> marks = NumberMarks.marks(anchors, "05", LocalDate.of(2027, 1, 5));}</pre>
 */
final class NumberMarks {
    /** The size of the marks when the draft's own text size is unknown (rows signed before it was recorded). */
    static final float DEFAULT_SIZE = 13f;

    /**
     * A text to place: its page-1 position (top-left origin of the crop box, baseline), what it says (ASCII
     * digits), its size, the draft's font to reuse when usable (null: the service's serif), and italic or not.
     */
    record Mark(float x, float baseline, String text, float size, String font, boolean italic) {}

    private NumberMarks() {}

    /**
     * Where the blanks of page 1 are: the number between "Số:" and the symbol, and a blank day, month or year of
     * the place-and-date line; null where the PDF has no such blank. {@code printed} is what is already written.
     */
    record Anchors(Blank number, Blank day, Blank month, Blank year, Printed printed) {
        static final Anchors NONE = new Anchors(null, null, null, null, Printed.NONE);
    }

    /** A blank from {@code x} to {@code right} (the number's; the date's blanks have right = x) on a baseline. */
    record Blank(float x, float right, float baseline) {}

    /**
     * What page 1 prints: the text after "Số:" ({@code symbol}, null when there is no number place), whether a
     * place-and-date line was found, its day, month and year where they are already written (null = a blank),
     * and the size and font name of that line's text (0 and null when unknown).
     */
    record Printed(String symbol, boolean dateLine, Integer day, Integer month, Integer year, float size, String font) {
        static final Printed NONE = new Printed(null, false, null, null, null, 0, null);

        /** The printed parts that are not those of {@code date}, as "tháng 4, năm 2023"; empty when none. */
        List<String> differentFrom(LocalDate date) {
            List<String> out = new ArrayList<>();
            if (day != null && day != date.getDayOfMonth()) {
                out.add("ngày " + day);
            }
            if (month != null && month != date.getMonthValue()) {
                out.add("tháng " + month);
            }
            if (year != null && year != date.getYear()) {
                out.add("năm " + year);
            }
            return out;
        }
    }

    /** The marks for this PDF's page 1 (tests; the service reads anchors when the official signs). */
    static List<Mark> marks(List<PdfText.Line> lines, String number, LocalDate date) {
        return marks(anchors(lines), number, date);
    }

    static Anchors anchors(List<PdfText.Line> lines) {
        Blank number = null;
        String symbol = null;
        Blank[] blanks = null;
        Integer[] printed = {null, null, null};
        float size = 0;
        String font = null;
        for (PdfText.Line line : lines) {
            if (line.page() != 1) {
                continue;
            }
            List<PdfText.Word> w = line.words();
            // The header's "Số:" (capital S, colon), not the word "số" of the body text.
            if (number == null && isNumberLabel(w.get(0).text())) {
                float left = w.get(0).right() + 3;
                float right = w.size() > 1 ? w.get(1).left() : left + 40;
                number = new Blank(left, right, w.get(0).bottom());
                StringBuilder s = new StringBuilder();
                w.subList(1, w.size()).forEach(x -> s.append(x.text()));
                symbol = Normalizer.normalize(s.toString(), Normalizer.Form.NFC);
            }
            String text = Normalizer.normalize(line.text(), Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
            if (blanks == null && text.contains("ngày") && text.contains("tháng") && text.contains("năm")) {
                String[] keys = {"NGÀY", "THÁNG", "NĂM"};
                blanks = new Blank[3];
                for (int k = 0; k < 3; k++) {
                    int i = indexOf(w, keys[k]);
                    if (i < 0) {
                        continue;
                    }
                    Integer value = i + 1 < w.size() ? leadingNumber(w.get(i + 1).text()) : null;
                    if (value == null) {
                        float x = w.get(i).right() + 3;
                        blanks[k] = new Blank(x, x, w.get(i).bottom());
                    }
                    printed[k] = value;
                    size = size == 0 ? w.get(i).size() : size;
                    font = font == null ? w.get(i).font() : font;
                }
            }
        }
        Printed p = new Printed(symbol, blanks != null, printed[0], printed[1], printed[2], size, font);
        return blanks == null ? new Anchors(number, null, null, null, p)
                : new Anchors(number, blanks[0], blanks[1], blanks[2], p);
    }

    /**
     * The texts for the blanks: the number (upright) and the date's blanks (italic), day under 10 and months 1-2
     * with a leading zero. 409 {@code DATE_MISMATCH} when a part the draft already prints is not {@code date}'s.
     */
    static List<Mark> marks(Anchors anchors, String number, LocalDate date) {
        Printed p = anchors.printed() == null ? Printed.NONE : anchors.printed();
        List<String> stale = p.differentFrom(date);
        if (!stale.isEmpty()) {
            throw ApiException.conflict("DATE_MISMATCH", "Page 1 prints " + String.join(", ", stale)
                    + " but the issue date is " + date + "; the official signs a corrected draft (see docs/dispatches.md)");
        }
        float size = p.size() > 0 ? p.size() : DEFAULT_SIZE;
        List<Mark> out = new ArrayList<>();
        Blank n = anchors.number();
        if (n != null) {
            float width = MarkAnnotations.width(number, size);
            out.add(new Mark(Math.max(n.x(), n.right() - width - 1), n.baseline(), number, size, p.font(), false));
        }
        add(out, anchors.day(), String.format("%02d", date.getDayOfMonth()), p);
        int month = date.getMonthValue();
        add(out, anchors.month(), month <= 2 ? String.format("%02d", month) : String.valueOf(month), p);
        add(out, anchors.year(), String.valueOf(date.getYear()), p);
        return out;
    }

    private static void add(List<Mark> out, Blank b, String text, Printed p) {
        if (b != null) {
            out.add(new Mark(b.x(), b.baseline(), text, p.size() > 0 ? p.size() : DEFAULT_SIZE, p.font(), true));
        }
    }

    private static boolean isNumberLabel(String word) {
        String w = Normalizer.normalize(word, Normalizer.Form.NFC);
        return w.equals("Số:") || w.equals("SỐ:");
    }

    private static int indexOf(List<PdfText.Word> w, String keyword) {
        for (int i = 0; i < w.size(); i++) {
            if (PdfText.norm(w.get(i).text()).equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** "07" → 7, "2026," → 2026; null when the word does not start with a digit (a blank). */
    private static Integer leadingNumber(String word) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,4})").matcher(word);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
