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

    /** One word, its box, and the size (pt) and font name of its first letter (a run may change font midway). */
    record Word(String text, float left, float right, float top, float bottom, float size, String font) {}

    private PdfText() {}

    static List<Line> lines(Path pdf) {
        return lines(pdf, Integer.MAX_VALUE);
    }

    /** The lines of pages 1 to {@code lastPage}. */
    static List<Line> lines(Path pdf, int lastPage) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PageTree.check(doc);
            Collector c = new Collector();
            c.setSortByPosition(true);
            c.setEndPage(lastPage);
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
        private final List<Object[]> words = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();

        Collector() throws IOException {
            super();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            StringBuilder w = new StringBuilder();
            float wl = 0, wr = 0, top = 0, bottom = 0, size = 0;
            String font = null;
            for (TextPosition p : positions) {
                if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                    flush(w, wl, wr, top, bottom, size, font);
                    continue;
                }
                float pTop = p.getYDirAdj() - p.getHeightDir();
                if (w.length() == 0) {
                    wl = p.getXDirAdj();
                    top = pTop;
                    bottom = p.getYDirAdj();
                    size = p.getFontSizeInPt();
                    font = p.getFont() == null ? null : p.getFont().getName();
                }
                w.append(p.getUnicode());
                wr = p.getXDirAdj() + p.getWidthDirAdj();
                top = Math.min(top, pTop);
                bottom = Math.max(bottom, p.getYDirAdj());
            }
            flush(w, wl, wr, top, bottom, size, font);
        }

        private void flush(StringBuilder w, float wl, float wr, float top, float bottom, float size, String font) {
            if (w.length() > 0) {
                words.add(new Object[] {getCurrentPageNo(), new Word(w.toString(), wl, wr, top, bottom, size, font)});
                w.setLength(0);
            }
        }

        /** Words on one baseline, no wider apart than a few spaces, make a line (columns stay apart). */
        @Override
        protected void endDocument(PDDocument document) throws IOException {
            List<Word> current = new ArrayList<>();
            int page = -1;
            for (Object[] o : words) {
                int p = (Integer) o[0];
                Word w = (Word) o[1];
                if (!current.isEmpty()) {
                    Word last = current.get(current.size() - 1);
                    boolean sameLine = p == page && Math.abs(last.bottom() - w.bottom()) < 2
                            && w.left() >= last.right() - 1 && w.left() - last.right() < 40;
                    if (!sameLine) {
                        emit(page, current);
                        current = new ArrayList<>();
                    }
                }
                page = p;
                current.add(w);
            }
            emit(page, current);
        }

        private void emit(int page, List<Word> ws) {
            if (ws.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder();
            float top = Float.MAX_VALUE, bottom = 0;
            for (Word w : ws) {
                text.append(text.length() == 0 ? "" : " ").append(w.text());
                top = Math.min(top, w.top());
                bottom = Math.max(bottom, w.bottom());
            }
            lines.add(new Line(page, text.toString(), ws.get(0).left(), ws.get(ws.size() - 1).right(), top, bottom,
                    List.copyOf(ws)));
        }
    }
}
