package vn.vanthu.digitization;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Files written byte by byte to lie about themselves: image bombs, endless TIFFs, damaged JPEGs. */
final class HostileScans {
    private HostileScans() {}

    /** A valid PNG header declaring {@code width × height} RGB pixels, followed by almost no data. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater d = new Deflater();
        d.setInput(new byte[64]);
        d.finish();
        byte[] z = new byte[128];
        chunk(out, "IDAT", Arrays.copyOf(z, d.deflate(z)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A little-endian TIFF of {@code pages} one-pixel grey pages, all sharing one byte of image data. */
    static byte[] tiffOfPages(int pages) {
        int ifdSize = 2 + 8 * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(10 + pages * ifdSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(10);
        b.put((byte) 0x80).put((byte) 0);   // the pixel, then a pad byte: IFDs start on a word boundary
        for (int i = 0; i < pages; i++) {
            int next = i + 1 < pages ? 10 + (i + 1) * ifdSize : 0;
            b.putShort((short) 8);
            entry(b, 256, 1);   // ImageWidth
            entry(b, 257, 1);   // ImageLength
            entry(b, 258, 8);   // BitsPerSample
            entry(b, 259, 1);   // Compression: none
            entry(b, 262, 1);   // PhotometricInterpretation: black is zero
            entry(b, 273, 8);   // StripOffsets
            entry(b, 278, 1);   // RowsPerStrip
            entry(b, 279, 1);   // StripByteCounts
            b.putInt(next);
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int value) {
        b.putShort((short) tag).putShort((short) 3).putInt(1).putShort((short) value).putShort((short) 0);
    }

    /** The first {@code fraction} of a JPEG: a good header, then the data stops. */
    static byte[] truncated(byte[] jpeg, double fraction) {
        return Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
    }

    /** An A4 PDF page with {@code image} drawn over the whole page (a PDF scan at the image's size / A4). */
    static byte[] pdfScan(BufferedImage image) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, image), 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
