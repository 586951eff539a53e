package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.vanthu.signing.VisibleSignature;
import vn.vanthu.store.TempFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the notation of an appendix or a copy goes (Decree 30 Appendix I): the top right of page 1, in the top
 * margin, at 10 pt, hiding nothing of the original. When the page has no free space there, page 1 grows upward
 * (its MediaBox and CropBox get a strip on top) and the notation goes in the strip. A page already carrying a
 * signature is never changed (that would break it): the notation then goes in the margin as it is.
 *
 * <pre>{@code VisibleSignature v = NotationPlace.place(tempPdf, "Phụ lục văn bản số 05/KH-SKHCN\n2026-…+07:00");}</pre>
 */
final class NotationPlace {
    /** Distance from the page's right edge and from its top, in points. */
    static final float RIGHT = 20;
    static final float TOP = 6;
    /** A rendered pixel darker than this in any channel is content. */
    private static final int BLANK = 250;

    private NotationPlace() {}

    /** The notation's place on page 1 of {@code pdf}; may rewrite {@code pdf} (a private temp file) with a taller page 1. */
    static VisibleSignature place(Path pdf, String text) {
        float w = VisibleSignature.notationWidth(text);
        float h = VisibleSignature.notationHeight(text);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage page = doc.getPage(0);
            float x = Math.max(0, page.getCropBox().getWidth() - w - RIGHT);
            if (isBlank(doc, x, TOP, w, h) || !doc.getSignatureDictionaries().isEmpty()) {
                return VisibleSignature.notation(x, TOP, text);
            }
            grow(page, (float) Math.ceil(h + 2 * TOP));
            Path out = TempFiles.create("notation");
            try {
                doc.save(out.toFile());
                Files.move(out, pdf, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                TempFiles.delete(out);
            }
            return VisibleSignature.notation(x, TOP, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when page 1 shows nothing inside the rectangle (points from the top-left of the visible page). */
    static boolean isBlank(PDDocument doc, float x, float y, float w, float h) throws IOException {
        BufferedImage img = new PDFRenderer(doc).renderImage(0, 1f, ImageType.RGB);
        int x0 = Math.max(0, (int) Math.floor(x));
        int y0 = Math.max(0, (int) Math.floor(y));
        int x1 = Math.min(img.getWidth(), (int) Math.ceil(x + w));
        int y1 = Math.min(img.getHeight(), (int) Math.ceil(y + h));
        for (int py = y0; py < y1; py++) {
            for (int px = x0; px < x1; px++) {
                int rgb = img.getRGB(px, py);
                if (((rgb >> 16) & 0xff) < BLANK || ((rgb >> 8) & 0xff) < BLANK || (rgb & 0xff) < BLANK) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Adds {@code points} on top of page 1: the content keeps its coordinates, the page simply reaches higher. */
    private static void grow(PDPage page, float points) {
        PDRectangle media = page.getMediaBox();
        page.setMediaBox(taller(media, points));
        if (page.getCOSObject().containsKey(COSName.CROP_BOX)) {
            page.setCropBox(taller(page.getCropBox(), points));
        }
    }

    private static PDRectangle taller(PDRectangle r, float points) {
        return new PDRectangle(r.getLowerLeftX(), r.getLowerLeftY(), r.getWidth(), r.getHeight() + points);
    }
}
