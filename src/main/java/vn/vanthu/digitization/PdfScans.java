package vn.vanthu.digitization;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import vn.vanthu.error.ApiException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the pages of a PDF scan with PDFBox: on each page, the largest image drawn and where it is drawn. The
 * resolution is the image's pixels over the size it is drawn at (a PDF carries no dpi of its own); the image's
 * pixel count comes from its dictionary, checked before anything is decoded. A page with no image is not a scan.
 */
final class PdfScans {
    private static final double PT_PER_MM = 72 / 25.4;

    private PdfScans() {}

    static List<ScanPage> inspect(Path file, int scan, int firstNumber, int maxPages) {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (doc.isEncrypted()) {
                throw ScanRefusal.of("SCAN_UNREADABLE", scan, null, "Scan " + scan + " is an encrypted PDF");
            }
            int count = doc.getNumberOfPages();
            if (count > maxPages) {
                throw ScanRefusal.of("SCAN_TOO_MANY_PAGES", scan, null, "Scan " + scan + " has " + count
                        + " pages, more than the " + (firstNumber - 1 + maxPages) + " a digitization may have");
            }
            List<ScanPage> pages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pages.add(page(doc.getPage(i), scan, firstNumber + i, i + 1));
            }
            if (pages.isEmpty()) {
                throw ScanRefusal.of("SCAN_UNREADABLE", scan, null, "Scan " + scan + " has no page");
            }
            return pages;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ScanRefusal.of("SCAN_UNREADABLE", scan, null, "Scan " + scan + " is not a readable PDF");
        }
    }

    private static ScanPage page(PDPage page, int scan, int number, int inScan) throws IOException {
        ImageFinder finder = new ImageFinder();
        finder.processPage(page);
        Drawn img = finder.largest;
        if (img == null) {
            throw ScanRefusal.of("SCAN_NO_IMAGE", scan, number, "Page " + number + " (scan " + scan + ", page " + inScan
                    + ") holds no scanned image");
        }
        ScanChecks.requireSanePixels(scan, number, inScan, img.widthPx, img.heightPx);
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        double pageW = (turned ? box.getHeight() : box.getWidth()) / PT_PER_MM;
        double pageH = (turned ? box.getWidth() : box.getHeight()) / PT_PER_MM;
        double drawnW = img.widthPt / PT_PER_MM;
        double drawnH = img.heightPt / PT_PER_MM;
        double dpi = Math.min(img.widthPx / (drawnW / 25.4), img.heightPx / (drawnH / 25.4));
        // 100 % scale in a PDF: the scan fills its page; an image drawn on part of a page was shrunk.
        boolean fills = drawnW * drawnH >= 0.9 * (box.getWidth() / PT_PER_MM) * (box.getHeight() / PT_PER_MM);
        return new ScanPage(number, scan, inScan, img.widthPx, img.heightPx, dpi, img.colour,
                fills ? pageW : drawnW, fills ? pageH : drawnH);
    }

    private record Drawn(int widthPx, int heightPx, double widthPt, double heightPt, boolean colour) {}

    /** Follows the graphics state through the page (and its forms) to learn where each image is drawn. */
    private static final class ImageFinder extends PDFStreamEngine {
        private Drawn largest;

        ImageFinder() {
            addOperator(new Concatenate(this));
            addOperator(new SetMatrix(this));
            addOperator(new Save(this));
            addOperator(new Restore(this));
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
                PDXObject x = getResources().getXObject(name);
                if (x instanceof PDImageXObject image) {
                    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                    double w = Math.hypot(ctm.getValue(0, 0), ctm.getValue(0, 1));
                    double h = Math.hypot(ctm.getValue(1, 0), ctm.getValue(1, 1));
                    boolean colour = !image.isStencil() && image.getColorSpace().getNumberOfComponents() >= 3
                            && image.getBitsPerComponent() >= 8;
                    Drawn d = new Drawn(image.getWidth(), image.getHeight(), w, h, colour);
                    if (largest == null || w * h > largest.widthPt * largest.heightPt) {
                        largest = d;
                    }
                } else if (x instanceof PDFormXObject form) {
                    showForm(form);
                }
                return;
            }
            super.processOperator(operator, operands);
        }
    }
}
