package vn.vanthu.validation;

import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;

import java.nio.charset.StandardCharsets;

/**
 * How the PDF modification checks are set up for one document. DSS compares every signed revision with the
 * final document, rendering pages for the visual (shadow-attack) comparison: that is where a many-page PDF's
 * validation time goes. When the signed byte ranges already reach the end of the file there is no later
 * revision, the signed revision IS the final document, and the visual comparison can only find "no
 * difference": we skip that rendering then, and keep every check (object modifications, page and annotation
 * differences, the visual comparison itself) whenever any byte follows the last signed revision.
 *
 * <pre>{@code pdfValidator.setPdfObjFactory(PdfChecks.factoryFor(bytes));}</pre>
 */
final class PdfChecks {
    private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);

    private PdfChecks() {}

    static PdfBoxNativeObjectFactory factoryFor(byte[] pdf) {
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        if (!hasBytesAfterLastSignedRevision(pdf)) {
            DefaultPdfDifferencesFinder finder = new DefaultPdfDifferencesFinder();
            finder.setMaximalPagesAmountForVisualComparison(0);
            factory.setPdfDifferencesFinder(finder);
        }
        return factory;
    }

    /**
     * True unless some /ByteRange [a b c d] covers the file up to its end (trailing whitespace aside). When no
     * byte range can be read the answer is true: in doubt, DSS does the full comparison.
     */
    static boolean hasBytesAfterLastSignedRevision(byte[] pdf) {
        long maxEnd = -1;
        for (int at = InputGuard.indexOf(pdf, BYTE_RANGE, 0); at >= 0; at = InputGuard.indexOf(pdf, BYTE_RANGE, at + 1)) {
            long[] range = readRange(pdf, at + BYTE_RANGE.length);
            if (range != null) {
                maxEnd = Math.max(maxEnd, range[2] + range[3]);
            }
        }
        if (maxEnd < 0 || maxEnd > pdf.length) {
            return true;
        }
        for (long i = maxEnd; i < pdf.length; i++) {
            byte b = pdf[(int) i];
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t' && b != 0) {
                return true;
            }
        }
        return false;
    }

    private static long[] readRange(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '[' && i < from + 16) {
            i++;
        }
        if (i >= b.length || b[i] != '[') {
            return null;
        }
        long[] v = new long[4];
        i++;
        for (int k = 0; k < 4; k++) {
            while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
            int start = i;
            long n = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9' && i - start < 15) {
                n = n * 10 + (b[i] - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            v[k] = n;
        }
        return v;
    }
}
