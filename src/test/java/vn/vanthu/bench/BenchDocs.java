package vn.vanthu.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark documents: a valid one-page PDF padded to a size with an incompressible stream, a one-page scan of
 * noise, and a 10 KB XML.
 */
public final class BenchDocs {
    private BenchDocs() {}

    /** Writes a PDF of about {@code bytes} bytes straight to disk (never whole in memory). */
    public static Path pdf(long bytes) throws IOException {
        Path file = Files.createTempFile("vanthu-bench-", ".pdf");
        long pad = Math.max(0, bytes - 1200);
        onePage(file, "Pad", "BT /F1 14 Tf 70 780 Td (Cong van - benchmark document) Tj ET",
                "/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Length " + pad, pad, 42);
        return file;
    }

    /**
     * Writes a one-page "scan" of about {@code bytes} bytes to {@code file}: a line of text over an uncompressed
     * 8-bit grey image of noise (incompressible, as a scanned page is to zip), different for each {@code seed}.
     */
    public static void scan(Path file, long bytes, long seed, String label) throws IOException {
        int width = 1024;
        int height = (int) Math.max(1, (bytes - 1400) / width);
        long pixels = (long) width * height;
        onePage(file, "Im1", "q 515 0 0 " + Math.min(742, Math.max(1, 515L * height / width)) + " 40 40 cm /Im1 Do Q "
                        + "BT /F1 14 Tf 40 800 Td (" + label.replaceAll("[()\\\\]", "") + ") Tj ET",
                "/Type /XObject /Subtype /Image /Width " + width + " /Height " + height
                        + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " + pixels, pixels, seed);
    }

    /**
     * A one-page PDF: {@code content} as the page's contents, and an XObject named {@code xobject} (dictionary
     * entries {@code xobjectEntries}) whose stream is {@code noise} random bytes from {@code seed}.
     */
    private static void onePage(Path file, String xobject, String content, String xobjectEntries, long noise, long seed)
            throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(out.count);
            out.ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.add(out.count);
            out.ascii("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets.add(out.count);
            out.ascii("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >> >> "
                    + "/XObject << /" + xobject + " 5 0 R >> >> >>\nendobj\n");
            byte[] text = content.getBytes(StandardCharsets.US_ASCII);
            offsets.add(out.count);
            out.ascii("4 0 obj\n<< /Length " + text.length + " >>\nstream\n");
            out.write(text);
            out.ascii("\nendstream\nendobj\n");
            offsets.add(out.count);
            out.ascii("5 0 obj\n<< " + xobjectEntries + " >>\nstream\n");
            Random random = new Random(seed);
            byte[] buf = new byte[1 << 16];
            for (long left = noise; left > 0; ) {
                random.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
            out.ascii("\nendstream\nendobj\n");
            long xref = out.count;
            out.ascii("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long o : offsets) {
                out.ascii(String.format("%010d 00000 n \n", o));
            }
            out.ascii("trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        }
    }

    public static byte[] xml(int bytes) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CongVan xmlns=\"urn:vanthu:bench\">\n");
        int i = 0;
        while (sb.length() < bytes - 40) {
            sb.append("  <Dong so=\"").append(i++).append("\">Đẩy mạnh thực hiện chữ ký số, hồ sơ điện tử</Dong>\n");
        }
        return sb.append("</CongVan>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        void ascii(String s) throws IOException {
            write(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
