package vn.vanthu.print;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Liberation Serif embedded in one document (a subset, metric-compatible with Times New Roman, SIL OFL; licence
 * in {@code fonts/LICENSE-LiberationSerif.txt}): measuring, wrapping and drawing text that may hold any
 * character. {@code SerifFont f = SerifFont.load(doc); f.draw(cs, 10, 40, 800, "Vĩnh viễn", false);}
 */
final class SerifFont {
    static final String RESOURCE = "/fonts/LiberationSerif-Regular.ttf";

    private final PDType0Font font;
    private final Map<Integer, Boolean> drawable = new HashMap<>();

    private SerifFont(PDType0Font font) {
        this.font = font;
    }

    static SerifFont load(PDDocument doc) throws IOException {
        try (InputStream in = SerifFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("The font " + RESOURCE + " is missing from the classpath");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            // Text is drawn in NFC, so every Vietnamese letter is one precomposed glyph of the font and needs no
            // glyph substitution; PDFBox's Latin substitution compiles its ligature patterns for every word drawn
            // (most of the time of a 1,000-row table of contents went there).
            ttf.setEnableGsub(false);
            doc.registerTrueTypeFontForClosing(ttf);
            return new SerifFont(PDType0Font.load(doc, ttf, true));
        }
    }

    /** Bold is simulated (the glyphs are filled and outlined): the project ships the regular face only. */
    void draw(PDPageContentStream cs, float size, float x, float baseline, String s, boolean bold) {
        String text = clean(s);
        if (text.isBlank()) {
            return;
        }
        try {
            if (bold) {
                cs.saveGraphicsState();
                cs.setLineWidth(size * 0.035f);
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            cs.newLineAtOffset(x, baseline);
            cs.showText(text);
            cs.endText();
            if (bold) {
                cs.restoreGraphicsState();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of words that fit the width; a word longer than the width is cut. */
    List<String> wrap(String text, float size, float width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : clean(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, size) <= width) {
                line = new StringBuilder(candidate);
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString());
            }
            line = new StringBuilder();
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (line.length() > 0 && width(line + ch, size) > width) {
                    out.add(line.toString());
                    line = new StringBuilder();
                }
                line.append(ch);
                i += Character.charCount(cp);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    float width(String s, float size) {
        try {
            return font.getStringWidth(clean(s)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NFC (precomposed Vietnamese letters); whitespace becomes one space; what the font cannot draw becomes "?". */
    String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        Normalizer.normalize(s, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(drawable.computeIfAbsent(cp, this::hasGlyph) ? cp : '?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
