package vn.vanthu.digitization;

import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the pages of a TIFF, JPEG or PNG scan with ImageIO. Each page's size is read from its header and checked
 * before any pixel is decoded (a PNG may declare 100,000 × 100,000 pixels in a few bytes); the page count stops at
 * the limit without walking the rest of a 10,000-page TIFF; then each page is decoded once, so that a corrupt
 * file is refused here and not in the middle of the OCR.
 */
final class ImageScans {
    private ImageScans() {}

    static List<ScanPage> inspect(Path file, int scan, int firstNumber, int maxPages) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw ScanRefusal.of("SCAN_UNREADABLE", scan, null, "Scan " + scan + " cannot be read as an image");
            }
            ImageReader reader = readers.next();
            AtomicReference<String> warning = new AtomicReference<>();
            reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
            try {
                reader.setInput(in, false, false);
                return pages(reader, scan, firstNumber, maxPages, warning);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof vn.vanthu.error.ApiException api) {
                throw api;
            }
            throw ScanRefusal.of("SCAN_UNREADABLE", scan, null, "Scan " + scan + " is damaged and cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<ScanPage> pages(ImageReader reader, int scan, int firstNumber, int maxPages,
                                        AtomicReference<String> warning) throws IOException {
        List<ScanPage> pages = new ArrayList<>();
        for (int i = 0; ; i++) {
            int w;
            int h;
            try {
                w = reader.getWidth(i);
                h = reader.getHeight(i);
            } catch (IndexOutOfBoundsException end) {
                break;
            }
            int number = firstNumber + i;
            if (i >= maxPages) {
                throw ScanRefusal.of("SCAN_TOO_MANY_PAGES", scan, number, "Page " + number + " (scan " + scan
                        + ", page " + (i + 1) + ") is one more than the " + (firstNumber - 1 + maxPages)
                        + " pages a digitization may have (VANTHU_DIGITIZATION_MAX_PAGES)");
            }
            ScanChecks.requireSanePixels(scan, number, i + 1, w, h);
            IIOMetadata metadata = reader.getImageMetadata(i);
            double dpiX = dpi(metadata, "HorizontalPixelSize");
            double dpiY = dpi(metadata, "VerticalPixelSize");
            double dpi = Math.min(dpiX, dpiY);
            ImageTypeSpecifier type = reader.getRawImageType(i);
            boolean colour = type != null && isColour(type.getColorModel());
            reader.read(i);   // the pixels decode (bounded above), or the file is corrupt
            if (warning.get() != null) {
                throw ScanRefusal.of("SCAN_UNREADABLE", scan, number, "Page " + number + " (scan " + scan + ", page "
                        + (i + 1) + ") is damaged: " + warning.get());
            }
            double widthMm = dpi > 0 ? w / dpiX * 25.4 : 0;
            double heightMm = dpi > 0 ? h / dpiY * 25.4 : 0;
            pages.add(new ScanPage(number, scan, i + 1, w, h, dpi, colour, widthMm, heightMm));
        }
        if (pages.isEmpty()) {
            throw ScanRefusal.of("SCAN_UNREADABLE", scan, null, "Scan " + scan + " has no page");
        }
        return pages;
    }

    /** Resolution in dots per inch from the standard metadata's pixel size (millimetres per pixel); 0 if absent. */
    private static double dpi(IIOMetadata metadata, String name) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        var nodes = root.getElementsByTagName(name);
        if (nodes.getLength() == 0) {
            return 0;
        }
        Node value = nodes.item(0).getAttributes().getNamedItem("value");
        try {
            double mmPerPixel = Double.parseDouble(value.getNodeValue());
            return mmPerPixel > 0 ? 25.4 / mmPerPixel : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Colour: three or more components, or a palette that holds a colour; grey, black-and-white are not. */
    static boolean isColour(ColorModel cm) {
        if (cm instanceof IndexColorModel icm) {
            for (int i = 0; i < icm.getMapSize(); i++) {
                if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
                    return true;
                }
            }
            return false;
        }
        return cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY && cm.getNumColorComponents() >= 3;
    }
}
