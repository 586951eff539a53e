package vn.vanthu.signing.shortcuts;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESCommonParameters;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.PdfBoxNativeSignatureDrawerFactory;

import java.nio.charset.StandardCharsets;
import eu.europa.esig.dss.utils.Utils;

/**
 * PDFBox's native object factory, with one change: writing the CMS into the prepared revision's /Contents
 * placeholder. DSS does it byte by byte through streams (PAdESUtils.replaceSignature, ~75 % of a 1 MB PAdES-B
 * signature in our profile); for in-memory documents this does the same replacement with one array scan. The
 * rules are DSS's: the placeholder is a '&lt;' followed by as many '0' as the hex CMS has digits, and it must
 * be unique. Anything else (file-backed documents, no unique placeholder) falls back to DSS unchanged.
 */
final class FastPdfObjFactory extends PdfBoxNativeObjectFactory {

    @Override
    public PDFSignatureService newPAdESSignatureService() {
        return configure(new FastSignatureService());
    }

    static final class FastSignatureService extends PdfBoxSignatureService {
        FastSignatureService() {
            super(PDFServiceMode.SIGNATURE, new PdfBoxNativeSignatureDrawerFactory());
        }

        @Override
        public DSSDocument sign(DSSDocument toSign, byte[] cms, PAdESCommonParameters parameters) {
            DSSDocument prepared = parameters.getPdfSignatureCache() == null ? null
                    : parameters.getPdfSignatureCache().getToBeSignedDocument();
            if (prepared instanceof InMemoryDocument m && cms != null && cms.length > 0) {
                byte[] out = replace(m.getBytes(), Utils.toHex(cms).getBytes(StandardCharsets.US_ASCII));
                if (out != null) {
                    InMemoryDocument signed = new InMemoryDocument(out);
                    signed.setMimeType(MimeTypeEnum.PDF);
                    return signed;
                }
            }
            return super.sign(toSign, cms, parameters);
        }
    }

    /** The PDF with the unique placeholder filled, or null when there is not exactly one placeholder. */
    static byte[] replace(byte[] pdf, byte[] hex) {
        int found = -1;
        int n = hex.length;
        for (int i = 0; i + n < pdf.length; i++) {
            if (pdf[i] != '<' || pdf[i + 1] != '0') {
                continue;
            }
            int j = i + 1;
            int end = i + 1 + n;
            while (j < end && pdf[j] == '0') {
                j++;
            }
            if (j == end) {
                if (found >= 0) {
                    return null;
                }
                found = i + 1;
                i = end - 1;
            }
        }
        if (found < 0) {
            return null;
        }
        byte[] out = pdf.clone();
        System.arraycopy(hex, 0, out, found, n);
        return out;
    }
}
