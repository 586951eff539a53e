package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of text of a PDF with where they sit, in PDF points from the page's TOP-LEFT corner, read with
 * PDFBox text positions. Finds the signer block ("PHÓ GIÁM ĐỐC" … "Nguyễn Hữu Thắng"), the "Số:" place and the
 * place-and-date line of Decree 30 layouts.
 *
 * <pre>{@code List<PdfText.Line> lines = PdfText.lines(pdf); PdfText.Line so = PdfText.find(lines, 1, "Số:");}</pre>
 */
final class PdfText {
    /** A run of words: its page (1-based), text, and box (top-left origin). */
    record Line(int page, String text, float left, float right, float top, float bottom, List<Word> words) {
        float centreX() {
            return (left + right) / 2;
        }
    }

    /** One word and its box. */
    record Word(String text, float left, float right, float top, float bottom) {}

    private PdfText() {}

    static List<Line> lines(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            Collector c = new Collector();
            c.setSortByPosition(true);
            c.getText(doc);
            return c.lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").trim().toUpperCase(Locale.ROOT);
    }

    private static final class Collector extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();

        Collector() throws IOException {
            super();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
                return;
            }
            List<Word> words = new ArrayList<>();
            StringBuilder w = new StringBuilder();
            float wl = 0, wr = 0, top = Float.MAX_VALUE, bottom = 0;
            float lTop = Float.MAX_VALUE, lBottom = 0;
            for (TextPosition p : positions) {
                float pTop = p.getYDirAdj() - p.getHeightDir();
                lTop = Math.min(lTop, pTop);
                lBottom = Math.max(lBottom, p.getYDirAdj());
                if (p.getUnicode().isBlank()) {
                    if (w.length() > 0) {
                        words.add(new Word(w.toString(), wl, wr, top, bottom));
                        w.setLength(0);
                    }
                    continue;
                }
                if (w.length() == 0) {
                    wl = p.getXDirAdj();
                    top = Float.MAX_VALUE;
                    bottom = 0;
                }
                w.append(p.getUnicode());
                wr = p.getXDirAdj() + p.getWidthDirAdj();
                top = Math.min(top, pTop);
                bottom = Math.max(bottom, p.getYDirAdj());
            }
            if (w.length() > 0) {
                words.add(new Word(w.toString(), wl, wr, top, bottom));
            }
            if (words.isEmpty()) {
                return;
            }
            lines.add(new Line(getCurrentPageNo(), text, words.get(0).left(), words.get(words.size() - 1).right(),
                    lTop, lBottom, words));
        }
    }
}
