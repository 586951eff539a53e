package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.vanthu.error.ApiException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the official's signature may cover (Decree 30 Art. 15, Appendix I): a clean draft whose page 1 has a
 * number place printing the symbol the registered number will carry, and a place-and-date line whose printed
 * parts, if any, are today's. The clerk's revision at issue can then only fill blanks, never rewrite signed text.
 * Read when the official signs (one step or two); each refusal is a 422 naming what is wrong.
 *
 * <pre>{@code NumberMarks.Anchors a = DraftCheck.anchors(pdf, lines, "KH-SKHCN", today);}</pre>
 */
final class DraftCheck {
    private DraftCheck() {}

    /** The anchors of page 1 once the draft passed every check, else 422. */
    static NumberMarks.Anchors anchors(Path pdf, List<PdfText.Line> lines, String notation, LocalDate today) {
        requireClean(pdf);
        NumberMarks.Anchors a = NumberMarks.anchors(lines);
        NumberMarks.Printed p = a.printed();
        if (a.number() == null) {
            throw ApiException.unprocessable("NUMBER_PLACE_NOT_FOUND", "Page 1 has no number place 'Số: …/"
                    + notation + "'; the clerk writes the number there at issue", "file");
        }
        if (!p.dateLine()) {
            throw ApiException.unprocessable("DATE_LINE_NOT_FOUND", "Page 1 has no place-and-date line '…, ngày … tháng … năm …'; "
                    + "the clerk writes the issue date there", "file");
        }
        String printed = p.symbol() == null ? "" : p.symbol();
        if (!printed.equals("/" + notation)) {
            throw ApiException.unprocessable("SYMBOL_MISMATCH", "Page 1 prints 'Số: " + printed + "' but the number will be "
                    + "registered as '…/" + notation + "' (type, agency, drafting unit); print 'Số:      /" + notation
                    + "' with the number left blank", "file");
        }
        List<String> stale = p.differentFrom(today);
        if (!stale.isEmpty()) {
            throw ApiException.unprocessable("DATE_PREPRINTED", "The date line already prints " + String.join(", ", stale)
                    + ", which is not today (" + today + "); leave the day, month and year blank for the issue date",
                    "file");
        }
        return a;
    }

    /** 422 for an encrypted draft, one that already carries a signature, or a rotated page 1. */
    private static void requireClean(Path pdf) {
        List<String> problems = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            if (doc.isEncrypted()) {
                throw ApiException.unprocessable("ENCRYPTED_PDF", "The draft is encrypted; upload it without a password "
                        + "or restrictions", "file");
            }
            if (!doc.getSignatureDictionaries().isEmpty()) {
                throw ApiException.unprocessable("ALREADY_SIGNED_ELSEWHERE", "The draft already carries "
                        + doc.getSignatureDictionaries().size() + " signature(s) from outside the agency; an official "
                        + "signs a clean draft", "file");
            }
            int rotation = doc.getPage(0).getRotation();
            if (rotation % 360 != 0) {
                problems.add("page 1 is rotated by " + rotation + "°");
            }
        } catch (IOException e) {
            throw ApiException.unprocessable("NOT_A_PDF", "The draft is not a readable PDF", "file");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable("PAGE_ROTATED", "The number and date cannot be placed: "
                    + String.join(", ", problems) + "; upload page 1 upright (no /Rotate)", "file");
        }
    }
}
