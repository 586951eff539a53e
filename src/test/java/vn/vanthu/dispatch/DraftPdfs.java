package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Awkward drafts built from {@link DispatchPdf#draft(String)} with PDFBox: page 1 rotated or cropped, encrypted,
 * already carrying a signature, or with its date line written in separate text runs of other sizes.
 *
 * <pre>{@code byte[] pdf = DraftPdfs.rotated(DispatchPdf.draft("KH"));}</pre>
 */
final class DraftPdfs {
    private DraftPdfs() {}

    static byte[] rotated(byte[] pdf) {
        return change(pdf, doc -> doc.getPage(0).setRotation(90));
    }

    /** Page 1 shows only from (20, 30): the crop box is smaller than, and offset in, the media box. */
    static byte[] cropped(byte[] pdf) {
        return change(pdf, doc -> {
            PDRectangle media = doc.getPage(0).getMediaBox();
            doc.getPage(0).setCropBox(new PDRectangle(20, 30, media.getWidth() - 40, media.getHeight() - 50));
        });
    }

    /** Encrypted with an owner password only: it opens without a password but is still encrypted. */
    static byte[] encrypted(byte[] pdf) {
        return change(pdf, doc -> {
            try {
                doc.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** With a signature field and signature dictionary from somewhere else (its value need not verify). */
    static byte[] signedElsewhere(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setName("Một cơ quan khác");
            doc.addSignature(sig, content -> new byte[64]);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A KH draft whose date line is four text runs at 14 pt ("Thái Bình, ngày", "tháng", "năm", and the blank
     * between), as word processors often write it, instead of the 13 pt of the rest.
     */
    static byte[] splitDateLine() {
        try (PDDocument doc = Loader.loadPDF(DispatchPdf.draft("KH", null));
             InputStream font = DraftPdfs.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf");
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font f = PDType0Font.load(doc, font);
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                run(cs, f, 300, "Thái Bình, ngày");
                run(cs, f, 420, "tháng");
                run(cs, f, 480, "năm");
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(PDPageContentStream cs, PDType0Font f, float x, String text) throws IOException {
        cs.beginText();
        cs.setFont(f, 14);
        cs.newLineAtOffset(x, 735);
        cs.showText(text);
        cs.endText();
    }

    private static byte[] change(byte[] pdf, Consumer<PDDocument> change) {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(doc);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
