package vn.vanthu.digitization;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.vanthu.support.OutsideTools;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Scans for the tests, made the way a scanner would: the sample dispatch rendered by pdftoppm at 300 dpi, turned
 * by 1° and speckled with noise, saved with its resolution; and blank pages of any size, resolution and colour.
 */
public final class Scans {
    static final Path SAMPLE = Path.of("scripts/samples/cong-van-don-doc-cchc-2023.pdf");
    private static final double MM_PER_INCH = 25.4;

    private Scans() {}

    /** Page {@code page} of the sample dispatch as a scanner at {@code dpi} would see it (turned by {@code degrees}). */
    public static BufferedImage samplePage(int page, int dpi, double degrees, long seed) {
        try {
            Path dir = Files.createTempDirectory("vanthu-scan");
            OutsideTools.Result r = OutsideTools.run(dir, "pdftoppm", "-r", String.valueOf(dpi), "-f", String.valueOf(page),
                    "-l", String.valueOf(page), "-png", "-singlefile", SAMPLE.toAbsolutePath().toString(), "page");
            if (r.exitCode() != 0) {
                throw new IllegalStateException("pdftoppm failed: " + r);
            }
            BufferedImage flat = ImageIO.read(dir.resolve("page.png").toFile());
            BufferedImage out = new BufferedImage(flat.getWidth(), flat.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(degrees), out.getWidth() / 2.0, out.getHeight() / 2.0);
            g.drawImage(flat, 0, 0, null);
            g.dispose();
            Random noise = new Random(seed);
            for (int i = 0; i < out.getWidth() * out.getHeight() / 400; i++) {
                int grey = 120 + noise.nextInt(100);
                out.setRGB(noise.nextInt(out.getWidth()), noise.nextInt(out.getHeight()), new Color(grey, grey, grey - 20).getRGB());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blank page {@code widthMm × heightMm} at {@code dpi}, with a red stripe (or grey when not colour). */
    public static BufferedImage blank(double widthMm, double heightMm, int dpi, boolean colour) {
        int w = (int) Math.round(widthMm / MM_PER_INCH * dpi);
        int h = (int) Math.round(heightMm / MM_PER_INCH * dpi);
        BufferedImage img = new BufferedImage(w, h, colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(colour ? Color.RED : Color.GRAY);
        g.fillRect(w / 10, h / 10, w / 2, h / 50);
        g.dispose();
        return img;
    }

    public static byte[] png(BufferedImage image, int dpi) {
        return write("png", List.of(image), dpi, null);
    }

    static byte[] jpeg(BufferedImage image, int dpi) {
        return write("jpeg", List.of(image), dpi, null);
    }

    /** A multi-page TIFF, Deflate-compressed (lossless). */
    static byte[] tiff(List<BufferedImage> pages, int dpi) {
        return write("tiff", pages, dpi, "Deflate");
    }

    private static byte[] write(String format, List<BufferedImage> pages, int dpi, String compression) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            boolean sequence = pages.size() > 1;
            if (sequence) {
                writer.prepareWriteSequence(null);
            }
            for (BufferedImage page : pages) {
                IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
                if (dpi > 0) {
                    setDpi(md, dpi);
                }
                IIOImage image = new IIOImage(page, null, md);
                if (sequence) {
                    writer.writeToSequence(image, param);
                } else {
                    writer.write(null, image, param);
                }
            }
            if (sequence) {
                writer.endWriteSequence();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void setDpi(IIOMetadata md, int dpi) throws IOException {
        if ("javax_imageio_jpeg_image_1.0".equals(md.getNativeMetadataFormatName())) {
            // The JDK's PNG and JPEG writers read a standard HorizontalPixelSize wrongly: write JFIF or pHYs itself.
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
            IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
            jfif.setAttribute("resUnits", "1");
            jfif.setAttribute("Xdensity", String.valueOf(dpi));
            jfif.setAttribute("Ydensity", String.valueOf(dpi));
            md.setFromTree("javax_imageio_jpeg_image_1.0", root);
            return;
        }
        if ("javax_imageio_png_1.0".equals(md.getNativeMetadataFormatName())) {
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = String.valueOf(Math.round(dpi / MM_PER_INCH * 1000));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            md.mergeTree("javax_imageio_png_1.0", root);
            return;
        }
        String mmPerPixel = String.valueOf(MM_PER_INCH / dpi);
        IIOMetadataNode h = new IIOMetadataNode("HorizontalPixelSize");
        h.setAttribute("value", mmPerPixel);
        IIOMetadataNode v = new IIOMetadataNode("VerticalPixelSize");
        v.setAttribute("value", mmPerPixel);
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        dim.appendChild(h);
        dim.appendChild(v);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dim);
        md.mergeTree("javax_imageio_1.0", root);
    }

    /** A PDF of A4 pages with nothing drawn on them (text-only PDFs look the same to the checks). */
    static byte[] pdfWithoutImage(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage(PDRectangle.A4));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
