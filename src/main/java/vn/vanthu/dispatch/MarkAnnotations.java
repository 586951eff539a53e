package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;
import vn.vanthu.store.TempFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@link NumberMarks.Mark}s into page 1 as read-only FreeText annotations in an incremental update.
 * The official's signed revision stays byte for byte inside the file, so that signature stays valid; DSS
 * classes new annotations as an allowed change (a warning at most), and the clerk's seal then covers them.
 * A mark reuses the draft's own font when it is embedded and has every digit (slanted for italic), else the
 * service's serif (Times, upright or italic). Positions are on the crop box, as the text was read.
 *
 * <pre>{@code Path marked = MarkAnnotations.add(signedPdf, NumberMarks.marks(anchors, "05", today));}</pre>
 */
final class MarkAnnotations {
    private static final PDType1Font SERIF = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    private static final PDType1Font SERIF_ITALIC = new PDType1Font(Standard14Fonts.FontName.TIMES_ITALIC);
    /** The slant of a synthetic italic (about 12°) when the draft's upright font is reused. */
    private static final float SLANT = 0.21f;

    private MarkAnnotations() {}

    /** A new file: {@code pdf} plus one incremental revision with the marks. */
    static Path add(Path pdf, List<NumberMarks.Mark> marks) {
        Path out = TempFiles.create("marked");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream os = Files.newOutputStream(out)) {
            PageTree.check(doc);
            PDPage page = doc.getPage(0);
            PDRectangle crop = page.getCropBox();
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            for (NumberMarks.Mark m : marks) {
                annotations.add(annotation(doc, m, crop, ownFont(page, m)));
            }
            page.setAnnotations(annotations);
            page.getCOSObject().setNeedToBeUpdated(true);
            COSBase annots = page.getCOSObject().getDictionaryObject(COSName.ANNOTS);
            if (annots instanceof COSArray a) {
                a.setNeedToBeUpdated(true);
            }
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
            return out;
        } catch (IOException e) {
            TempFiles.delete(out);
            throw new UncheckedIOException(e);
        }
    }

    /** The width of {@code text} in the service's serif at {@code size}. */
    static float width(String text, float size) {
        return width(SERIF, text, size);
    }

    /** The page's font named in the mark when it is embedded and draws every character of the mark, else null. */
    private static PDFont ownFont(PDPage page, NumberMarks.Mark m) throws IOException {
        if (m.font() == null || page.getResources() == null) {
            return null;
        }
        PDResources res = page.getResources();
        for (COSName name : res.getFontNames()) {
            PDFont f = res.getFont(name);
            if (f != null && m.font().equals(f.getName())) {
                return usable(f, m.text()) ? f : null;
            }
        }
        return null;
    }

    private static boolean usable(PDFont f, String text) {
        if (!f.isEmbedded() || !(f instanceof PDVectorFont v)) {
            return false;
        }
        try {
            for (int i = 0; i < text.length(); i++) {
                byte[] code = f.encode(text.substring(i, i + 1));
                if (!v.hasGlyph(f.readCode(new ByteArrayInputStream(code)))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PDAnnotationFreeText annotation(PDDocument doc, NumberMarks.Mark m, PDRectangle crop, PDFont own)
            throws IOException {
        PDFont font = own != null ? own : m.italic() ? SERIF_ITALIC : SERIF;
        float size = m.size();
        float w = width(font, m.text(), size) + size * 0.3f;
        float h = size * 1.3f;
        float bottom = crop.getUpperRightY() - m.baseline() - size * 0.3f;
        PDAnnotationFreeText a = new PDAnnotationFreeText();
        a.setRectangle(new PDRectangle(crop.getLowerLeftX() + m.x(), bottom, w, h));
        a.setContents(m.text());
        a.setPrinted(true);
        a.setLocked(true);
        a.setReadOnly(true);
        a.setDefaultAppearance("/" + (m.italic() ? "TiIt" : "TiRo") + " " + size + " Tf 0 g");
        PDAppearanceStream ap = new PDAppearanceStream(doc);
        ap.setBBox(new PDRectangle(w, h));
        PDResources resources = new PDResources();
        ap.setResources(resources);
        try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
            cs.beginText();
            cs.setFont(font, size);
            float slant = own != null && m.italic() ? SLANT : 0;
            cs.setTextMatrix(new Matrix(1, 0, slant, 1, 1, size * 0.3f));
            cs.showText(m.text());
            cs.endText();
        }
        PDAppearanceDictionary dict = new PDAppearanceDictionary();
        dict.setNormalAppearance(ap);
        a.setAppearance(dict);
        a.getCOSObject().setNeedToBeUpdated(true);
        return a;
    }

    private static float width(PDFont font, String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.5f;
        }
    }
}
