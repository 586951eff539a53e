package vn.vanthu.validation;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.ByteArrayOutputStream;

/** Changes made to signed files after signing, the way an attacker (or a careless editor) would. */
public final class Tamper {
    private Tamper() {}

    /** Appends an incremental update that paints over page 1 (signed bytes untouched). */
    public static byte[] appendTextIncrementally(byte[] signedPdf, String label) throws Exception {
        try (PDDocument doc = Loader.loadPDF(signedPdf)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.setNonStrokingColor(0f, 0f, 0f);
                cs.addRect(40, 600, 300 + label.length(), 120);
                cs.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
