package vn.vanthu.signing;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Measures text in the font of visible signatures (Liberation Serif), so that a notation's box can be made as wide
 * as its text at 10 pt instead of the text being shrunk to a box.
 *
 * <pre>{@code float w = NotationFont.width("SAO Y số 01/SY-SKHCN", 10f);}</pre>
 */
final class NotationFont {
    private static final TrueTypeFont FONT = load();

    private NotationFont() {}

    /** The advance width of the longest line, in points at {@code size}. */
    static float width(String text, float size) {
        float max = 0;
        try {
            float unitsPerEm = FONT.getUnitsPerEm();
            for (String line : text.split("\\n", -1)) {
                float w = 0;
                for (int i = 0; i < line.length(); ) {
                    int cp = line.codePointAt(i);
                    w += FONT.getAdvanceWidth(FONT.getUnicodeCmapLookup().getGlyphId(cp));
                    i += Character.charCount(cp);
                }
                max = Math.max(max, w / unitsPerEm * size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return max;
    }

    private static TrueTypeFont load() {
        try (InputStream in = NotationFont.class.getResourceAsStream(VisibleAppearance.FONT)) {
            if (in == null) {
                throw new IllegalStateException("Missing font resource " + VisibleAppearance.FONT);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
