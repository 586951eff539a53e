package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Test helpers for notations: the size text is drawn at in signature appearances, renders, a page full to the top. */
final class NotationPages {
    private NotationPages() {}

    /** The effective size on the page (points) of every glyph drawn in page 1's widget appearances. */
    static List<Float> widgetTextSizes(byte[] pdf) throws IOException {
        List<Float> sizes = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                private boolean inWidgets;

                @Override
                public void processPage(PDPage page) throws IOException {
                    super.processPage(page);
                    inWidgets = true;
                    for (PDAnnotation a : page.getAnnotations()) {
                        if (a instanceof PDAnnotationWidget) {
                            showAnnotation(a);
                        }
                    }
                }

                @Override
                protected void processTextPosition(TextPosition t) {
                    if (inWidgets && !t.getUnicode().isBlank()) {
                        sizes.add(t.getTextMatrix().getScalingFactorY());
                    }
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(doc);
        }
        return sizes;
    }

    /** Page 1 at 72 dpi (one pixel a point), annotations included. */
    static BufferedImage render(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImage(0, 1f, ImageType.RGB);
        }
    }

    static float pageHeight(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getPage(0).getMediaBox().getHeight();
        }
    }

    /** An A4 scan whose content reaches the top edge across the whole width: no free top margin. */
    static byte[] fullToTheTop() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (int i = 0; i < 12; i++) {
                    cs.setNonStrokingColor(new Color(20 * i, 90, 200 - 15 * i));
                    cs.addRect(i * 50f, 842 - 80, 50, 80);
                    cs.fill();
                }
                cs.setNonStrokingColor(Color.BLACK);
                cs.addRect(72, 400, 400, 2);
                cs.fill();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /**
     * The number of pixels where the original shows content (not white) and the copy, shifted down by
     * {@code shift} pixels, differs.
     */
    static int changedContentPixels(BufferedImage original, BufferedImage copy, int shift) {
        int changed = 0;
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                int o = original.getRGB(x, y);
                if ((o & 0xffffff) == 0xffffff) {
                    continue;
                }
                if (y + shift >= copy.getHeight() || x >= copy.getWidth() || copy.getRGB(x, y + shift) != o) {
                    changed++;
                }
            }
        }
        return changed;
    }
}
