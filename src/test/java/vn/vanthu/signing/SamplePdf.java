package vn.vanthu.signing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the sample official letter (/work/shared/samples or src/test/resources/samples) as an A4 PDF in
 * Liberation Serif 13 pt, with the Decree 30 blocks, optionally padded to a target size with page content.
 * Also a command line for scripts: {@code java -cp … vn.vanthu.signing.SamplePdf out.pdf [sizeMB]}.
 */
public final class SamplePdf {
    static final String TEXT = "/samples/cong-van-don-doc-cchc-2023.txt";

    private SamplePdf() {}

    public static void main(String[] args) throws IOException {
        long target = args.length > 1 ? (long) (Double.parseDouble(args[1]) * 1024 * 1024) : 0;
        Files.write(Path.of(args[0]), render(target));
    }

    public static byte[] render(long targetBytes) {
        try (InputStream in = SamplePdf.class.getResourceAsStream(TEXT);
             InputStream font = SamplePdf.class.getResourceAsStream(VisibleAppearance.FONT);
             PDDocument doc = new PDDocument()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            PDType0Font f = PDType0Font.load(doc, font, true);
            List<String> lines = new ArrayList<>();
            for (String para : ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" + text).split("\n")) {
                wrap(para, f, 13, 480, lines);
            }
            int page = 0;
            long written = 0;
            do {
                written += writePages(doc, f, lines);
                page++;
            } while (targetBytes > 0 && written < targetBytes && page < 100_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // Without object streams: PDFBox's compressed xref leaves a /Size that qpdf --check warns about.
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long writePages(PDDocument doc, PDType0Font f, List<String> lines) throws IOException {
        long chars = 0;
        int i = 0;
        while (i < lines.size()) {
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                cs.beginText();
                cs.setFont(f, 13);
                cs.setLeading(18);
                cs.newLineAtOffset(70, 780);
                for (int n = 0; n < 40 && i < lines.size(); n++, i++) {
                    cs.showText(lines.get(i));
                    cs.newLine();
                    chars += lines.get(i).length() * 4L;
                }
                cs.endText();
            }
        }
        return chars;
    }

    private static void wrap(String para, PDType0Font f, float size, float width, List<String> out) throws IOException {
        String line = "";
        for (String word : para.replace("\t", " ").replace("*", "").split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (f.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                out.add(line);
                line = word;
            } else {
                line = candidate;
            }
        }
        out.add(line);
    }
}
