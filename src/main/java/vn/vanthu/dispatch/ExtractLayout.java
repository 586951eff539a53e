package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import vn.vanthu.store.TempFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The layout of a trích sao re-created (Decree 30 Art. 25, Appendix I): a new A4 PDF, one page per extracted page,
 * whose first page carries the agency, the national title, the heading "TRÍCH SAO" with the copy's number, and
 * "Trích từ …", and whose last page ends with the copying authority's signer block. The extracted pages' content is
 * imported (as form XObjects, scaled to fit), without their annotations, so none of the original's signatures
 * comes along.
 *
 * <pre>{@code Path pdf = ExtractLayout.build(source, 2, 3, "Sở KH&CN", "05/TrS-SKHCN", "Trích từ Kế hoạch số 12/KH-SKHCN ngày 07/12/2026");}</pre>
 */
final class ExtractLayout {
    private static final float MARGIN = 56;
    private static final float HEADER = 118;
    private static final float SIGNER = 96;

    private ExtractLayout() {}

    static Path build(Path source, int from, int to, String agency, String copyNumber, String extractedFrom) {
        Path out = TempFiles.create("extract");
        try (PDDocument src = Loader.loadPDF(source.toFile()); PDDocument dst = new PDDocument()) {
            PDType0Font font;
            try (InputStream in = ExtractLayout.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(dst, in);
            }
            LayerUtility layers = new LayerUtility(dst);
            for (int i = from - 1; i < to; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                dst.addPage(page);
                boolean first = i == from - 1;
                boolean last = i == to - 1;
                PDFormXObject content = layers.importPageAsForm(src, i);
                try (PDPageContentStream cs = new PDPageContentStream(dst, page)) {
                    float top = 842 - MARGIN - (first ? HEADER : 0);
                    float bottom = MARGIN + (last ? SIGNER : 0);
                    draw(cs, content, top, bottom);
                    if (first) {
                        text(cs, font, 11, MARGIN, 842 - MARGIN, agency.toUpperCase());
                        text(cs, font, 11, 300, 842 - MARGIN, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                        text(cs, font, 11, 330, 842 - MARGIN - 14, "Độc lập - Tự do - Hạnh phúc");
                        text(cs, font, 14, 250, 842 - MARGIN - 50, "TRÍCH SAO");
                        text(cs, font, 11, 240, 842 - MARGIN - 68, "Số: " + copyNumber);
                        text(cs, font, 11, MARGIN, 842 - MARGIN - 92, extractedFrom);
                    }
                    if (last) {
                        text(cs, font, 11, 330, MARGIN + SIGNER - 16, "TM. " + agency.toUpperCase());
                        text(cs, font, 10, 330, MARGIN + SIGNER - 32, "(Chữ ký số của cơ quan, tổ chức)");
                    }
                }
            }
            dst.save(out.toFile());
            return out;
        } catch (IOException e) {
            TempFiles.delete(out);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            TempFiles.delete(out);
            throw e;
        }
    }

    /** The page's content scaled (never enlarged) into the band between bottom and top, centred. */
    private static void draw(PDPageContentStream cs, PDFormXObject form, float top, float bottom) throws IOException {
        PDRectangle box = form.getBBox();
        float width = 595 - 2 * MARGIN;
        float scale = Math.min(1f, Math.min(width / box.getWidth(), (top - bottom) / box.getHeight()));
        float x = MARGIN + (width - box.getWidth() * scale) / 2;
        float y = bottom + ((top - bottom) - box.getHeight() * scale) / 2;
        cs.saveGraphicsState();
        cs.transform(new Matrix(scale, 0, 0, scale, x - box.getLowerLeftX() * scale, y - box.getLowerLeftY() * scale));
        cs.drawForm(form);
        cs.restoreGraphicsState();
    }

    private static void text(PDPageContentStream cs, PDType0Font f, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
