package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the clerk's number and date into the blanks of page 1 ("Số:    /KH-SKHCN", "…, ngày  tháng  năm  ")
 * as read-only FreeText annotations in an incremental update. The official's signed revision stays byte for
 * byte inside the file, so that signature stays valid; DSS classes new annotations as an allowed change
 * (a warning at most), and the clerk's seal signature then covers them.
 *
 * <pre>{@code Path marked = NumberMarks.add(signedPdf, "05", LocalDate.of(2026, 11, 26));}</pre>
 */
final class NumberMarks {
    private static final float SIZE = 13f;
    private static final PDType1Font DIGITS = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);

    /** A text to place: its page-1 position (top-left origin, baseline) and what it says (ASCII digits only). */
    record Mark(float x, float baseline, String text) {}

    private NumberMarks() {}

    /** The marks for this PDF's page 1; empty when neither blank is found (the number lives in the seal text). */
    static List<Mark> marks(List<PdfText.Line> lines, String number, LocalDate date) {
        return marks(anchors(lines), number, date);
    }

    /**
     * Where the blanks of page 1 are, worked out once when the official signs (so issuing reads no text): the
     * number between "Số:" and the symbol, and a blank day, month or year of the place-and-date line; null where
     * the PDF has no such blank.
     */
    record Anchors(Blank number, Blank day, Blank month, Blank year) {
        static final Anchors NONE = new Anchors(null, null, null, null);
    }

    /** A blank from {@code x} to {@code right} (the number's; the date's blanks have right = x) on a baseline. */
    record Blank(float x, float right, float baseline) {}

    static Anchors anchors(List<PdfText.Line> lines) {
        Blank number = null;
        Blank[] date = null;
        for (PdfText.Line line : lines) {
            if (line.page() != 1) {
                continue;
            }
            List<PdfText.Word> w = line.words();
            // The header's "Số:" (capital S, colon), not the word "số" of the body text.
            if (number == null && isNumberLabel(w.get(0).text())) {
                float left = w.get(0).right() + 3;
                float right = w.size() > 1 ? w.get(1).left() : left + 40;
                number = new Blank(left, right, w.get(0).bottom());
            }
            String text = java.text.Normalizer.normalize(line.text(), java.text.Normalizer.Form.NFC);
            if (date == null && text.contains("ngày") && text.contains("tháng") && text.contains("năm")) {
                date = new Blank[] {blank(w, "NGÀY"), blank(w, "THÁNG"), blank(w, "NĂM")};
            }
        }
        return date == null ? new Anchors(number, null, null, null) : new Anchors(number, date[0], date[1], date[2]);
    }

    static List<Mark> marks(Anchors anchors, String number, LocalDate date) {
        List<Mark> out = new ArrayList<>();
        Blank n = anchors.number();
        if (n != null) {
            out.add(new Mark(Math.max(n.x(), n.right() - textWidth(number) - 1), n.baseline(), number));
        }
        if (anchors.day() != null) {
            out.add(new Mark(anchors.day().x(), anchors.day().baseline(), String.format("%02d", date.getDayOfMonth())));
        }
        if (anchors.month() != null) {
            out.add(new Mark(anchors.month().x(), anchors.month().baseline(), String.valueOf(date.getMonthValue())));
        }
        if (anchors.year() != null) {
            out.add(new Mark(anchors.year().x(), anchors.year().baseline(), String.valueOf(date.getYear())));
        }
        return out;
    }

    private static boolean isNumberLabel(String word) {
        String w = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFC);
        return w.equals("Số:") || w.equals("SỐ:");
    }

    /** The blank after {@code keyword} (e.g. "ngày"), or null when a number is already written there. */
    private static Blank blank(List<PdfText.Word> w, String keyword) {
        for (int i = 0; i < w.size(); i++) {
            if (PdfText.norm(w.get(i).text()).equals(keyword)) {
                if (i + 1 >= w.size() || !w.get(i + 1).text().matches("\\d+.*")) {
                    float x = w.get(i).right() + 3;
                    return new Blank(x, x, w.get(i).bottom());
                }
                return null;
            }
        }
        return null;
    }

    /** A new file: {@code pdf} plus one incremental revision with the marks. */
    static Path add(Path pdf, List<Mark> marks) {
        Path out = vn.vanthu.store.TempFiles.create("marked");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream os = Files.newOutputStream(out)) {
            PageTree.check(doc);
            PDPage page = doc.getPage(0);
            float pageHeight = page.getMediaBox().getUpperRightY();
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            for (Mark m : marks) {
                annotations.add(annotation(doc, m, pageHeight));
            }
            page.setAnnotations(annotations);
            page.getCOSObject().setNeedToBeUpdated(true);
            COSBase annots = page.getCOSObject().getDictionaryObject(COSName.ANNOTS);
            if (annots instanceof COSArray a) {
                a.setNeedToBeUpdated(true);
            }
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
            return out;
        } catch (IOException e) {
            vn.vanthu.store.TempFiles.delete(out);
            throw new UncheckedIOException(e);
        }
    }

    private static PDAnnotationFreeText annotation(PDDocument doc, Mark m, float pageHeight) throws IOException {
        float w = textWidth(m.text()) + 2;
        float h = SIZE * 1.3f;
        float bottom = pageHeight - m.baseline() - SIZE * 0.3f;
        PDAnnotationFreeText a = new PDAnnotationFreeText();
        a.setRectangle(new PDRectangle(m.x(), bottom, w, h));
        a.setContents(m.text());
        a.setPrinted(true);
        a.setLocked(true);
        a.setReadOnly(true);
        a.setDefaultAppearance("/TiRo " + SIZE + " Tf 0 g");
        PDAppearanceStream ap = new PDAppearanceStream(doc);
        ap.setBBox(new PDRectangle(w, h));
        ap.setResources(new PDResources());
        try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
            cs.beginText();
            cs.setFont(DIGITS, SIZE);
            cs.newLineAtOffset(1, SIZE * 0.3f);
            cs.showText(m.text());
            cs.endText();
        }
        PDAppearanceDictionary dict = new PDAppearanceDictionary();
        dict.setNormalAppearance(ap);
        a.setAppearance(dict);
        a.getCOSObject().setNeedToBeUpdated(true);
        return a;
    }

    private static float textWidth(String text) {
        try {
            return DIGITS.getStringWidth(text) / 1000 * SIZE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
