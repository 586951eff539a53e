package vn.vanthu.signing.shortcuts;

import eu.europa.esig.dss.pdf.AnnotationBox;
import eu.europa.esig.dss.pdf.PdfAnnotation;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import eu.europa.esig.dss.pdf.modifications.PdfObjectModifications;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How the PDF modification checks are set up for one document. DSS compares every signed revision with the
 * final document: object by object, page by page, and by rendering pages (the shadow-attack checks). That is
 * where a many-page PDF's validation time goes. When EVERY signed byte range already reaches the end of the
 * file, each signed revision IS the final document, byte for byte: the comparisons can only find "no
 * difference", so they are answered as such without walking the document. The annotation-overlap check (a
 * property of the final document) still runs. As soon as any byte follows a signed revision, DSS's full
 * comparison runs unchanged.
 *
 * <pre>{@code pdfValidator.setPdfObjFactory(PdfChecks.factoryFor(bytes));}</pre>
 */
final class PdfChecks {
    private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);
    private static final Needle BYTE_RANGE_NEEDLE = new Needle(BYTE_RANGE);

    private PdfChecks() {}

    static PdfBoxNativeObjectFactory factoryFor(byte[] pdf) {
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        if (!hasBytesAfterASignedRevision(pdf)) {
            factory.setPdfDifferencesFinder(new IdenticalRevisions());
            factory.setPdfObjectModificationsFinder((signedRevision, finalRevision) -> new PdfObjectModifications());
        }
        return factory;
    }

    /**
     * False only when every /ByteRange [a b c d] covers the file up to its end (trailing whitespace aside). When
     * a byte range cannot be read, or there is none, the answer is true: in doubt, DSS compares everything.
     */
    static boolean hasBytesAfterASignedRevision(byte[] pdf) {
        long minEnd = Long.MAX_VALUE;
        int found = 0;
        for (int at = BYTE_RANGE_NEEDLE.in(pdf, 0); at >= 0; at = BYTE_RANGE_NEEDLE.in(pdf, at + 1)) {
            long[] range = readRange(pdf, at + BYTE_RANGE.length);
            if (range == null) {
                return true;
            }
            minEnd = Math.min(minEnd, range[2] + range[3]);
            found++;
        }
        if (found == 0 || minEnd > pdf.length) {
            return true;
        }
        for (long i = minEnd; i < pdf.length; i++) {
            byte b = pdf[(int) i];
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t' && b != 0) {
                return true;
            }
        }
        return false;
    }

    /** Differences between a revision and itself: none; annotation overlaps are still looked for. */
    private static final class IdenticalRevisions implements PdfDifferencesFinder {
        private final DefaultPdfDifferencesFinder overlaps = new DefaultPdfDifferencesFinder();

        @Override
        public List<PdfModification> getAnnotationOverlaps(PdfDocumentReader reader) {
            return overlaps.getAnnotationOverlaps(reader);
        }

        @Override
        public boolean isAnnotationBoxOverlapping(AnnotationBox box, List<PdfAnnotation> annotations) {
            return overlaps.isAnnotationBoxOverlapping(box, annotations);
        }

        @Override
        public List<PdfModification> getPagesDifferences(PdfDocumentReader signedRevision, PdfDocumentReader finalRevision) {
            return List.of();
        }

        @Override
        public List<PdfModification> getVisualDifferences(PdfDocumentReader signedRevision, PdfDocumentReader finalRevision) {
            return List.of();
        }
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
