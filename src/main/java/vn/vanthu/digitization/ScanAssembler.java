package vn.vanthu.digitization;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.vanthu.store.TempFiles;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the checked scans together as one PDF for the OCR, without touching a pixel: a JPEG goes in as its own
 * bytes (no re-compression), PNG and TIFF pages losslessly, each page sized from its resolution (100 % scale),
 * and the pages of a PDF scan as they are.
 */
final class ScanAssembler {
    private ScanAssembler() {}

    /** A new temporary PDF of all pages in order; the caller deletes it. */
    static Path assemble(List<Path> scans, List<ScanPage> pages) {
        Path out = TempFiles.create("digitization-input");
        List<PDDocument> sources = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < scans.size(); i++) {
                int scan = i + 1;
                List<ScanPage> ofScan = pages.stream().filter(p -> p.scan() == scan).toList();
                switch (ScanFormat.of(scans.get(i), scan)) {
                    case PDF -> {
                        PDDocument src = Loader.loadPDF(scans.get(i).toFile());
                        sources.add(src);
                        new PDFMergerUtility().appendDocument(doc, src);
                    }
                    case JPEG -> addPage(doc, JPEGFactory.createFromByteArray(doc, Files.readAllBytes(scans.get(i))),
                            ofScan.get(0));
                    case TIFF, PNG -> addImages(doc, scans.get(i), ofScan);
                }
            }
            doc.save(out.toFile());
            return out;
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(out);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            for (PDDocument src : sources) {
                try {
                    src.close();
                } catch (IOException ignored) {
                    // read-only source
                }
            }
        }
    }

    private static void addImages(PDDocument doc, Path file, List<ScanPage> pages) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in, false, true);
                for (ScanPage p : pages) {
                    BufferedImage image = reader.read(p.pageInScan() - 1);
                    addPage(doc, LosslessFactory.createFromImage(doc, image), p);
                }
            } finally {
                reader.dispose();
            }
        }
    }

    private static void addPage(PDDocument doc, PDImageXObject image, ScanPage p) throws IOException {
        float w = (float) (p.widthMm() / 25.4 * 72);
        float h = (float) (p.heightMm() / 25.4 * 72);
        PDPage page = new PDPage(new PDRectangle(w, h));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(image, 0, 0, w, h);
        }
    }
}
