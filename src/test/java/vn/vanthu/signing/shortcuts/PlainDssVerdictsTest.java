package vn.vanthu.signing.shortcuts;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.validation.SignedFiles;
import vn.vanthu.validation.Tamper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validation shortcuts (XPath for XAdES, the revision checks for PAdES) give the verdicts plain DSS gives:
 * the same files, validated at the same instant with the shortcuts on and off, get the same indication,
 * sub-indication and messages for every signature — valid files and tampered ones.
 */
class PlainDssVerdictsTest {
    private static final Date AT = new Date();
    private static final byte[] XML = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vb:CongVan xmlns:vb=\"urn:vb\">"
            + "<vb:So>15/QĐ-UBND</vb:So><!-- c --><vb:TrichYeu>V/v thử nghiệm</vb:TrichYeu></vb:CongVan>")
            .getBytes(StandardCharsets.UTF_8);

    @AfterAll
    static void shortcutsBackOn() {
        Shortcuts.install(true);
    }

    @Test
    void xades_files_get_the_same_verdicts_and_messages_with_and_without_the_xpath_shortcut() {
        byte[] enveloped = SignedFiles.xades(XML, "cv.xml", SignaturePackaging.ENVELOPED, "official1");
        byte[] countersigned = SignedFiles.xades(enveloped, "cv.xml", SignaturePackaging.ENVELOPED, "seal");
        byte[] enveloping = SignedFiles.xades(XML, "cv.xml", SignaturePackaging.ENVELOPING, "official1");
        byte[] tampered = new String(enveloped, StandardCharsets.UTF_8).replace("thử nghiệm", "sửa đổi")
                .getBytes(StandardCharsets.UTF_8);
        Function<byte[], SignedDocumentValidator> xades = bytes -> SignedDocumentValidator.fromDocument(new InMemoryDocument(bytes, "cv.xml"));
        assertTrue(assertSame(enveloped, xades).get(0).contains("TOTAL_PASSED/null"));
        assertEquals(2, assertSame(countersigned, xades).size());
        assertSame(enveloping, xades);
        assertTrue(assertSame(tampered, xades).get(0).contains("TOTAL_FAILED/HASH_FAILURE"));
        Shortcuts.install(true);
        assertTrue(Shortcuts.xpathInDss(), "the shortcut was in use");
    }

    @Test
    void pdfs_get_the_same_verdicts_and_messages_with_and_without_the_revision_shortcut() throws Exception {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(2), "official1", SignatureLevel.PAdES_BASELINE_B, AT);
        assertFalse(PdfChecks.hasBytesAfterASignedRevision(signed), "the shortcut applies to this file");
        byte[] twice = SignedFiles.pades(signed, "seal", SignatureLevel.PAdES_BASELINE_B, AT);
        byte[] painted = Tamper.appendTextIncrementally(signed, "đã sửa");
        Function<byte[], SignedDocumentValidator> pades = bytes -> {
            PDFDocumentValidator v = new PDFDocumentValidator(new InMemoryDocument(bytes, "cv.pdf"));
            v.setPdfObjFactory(Shortcuts.validationPdfFactory(bytes));
            return v;
        };
        assertTrue(assertSame(signed, pades).get(0).contains("TOTAL_PASSED/null"));
        assertEquals(2, assertSame(twice, pades).size());
        assertSame(painted, pades);
    }

    /** Validates the file with the shortcuts on, then off, and compares what a user is told of each signature. */
    private static List<String> assertSame(byte[] file, Function<byte[], SignedDocumentValidator> validators) {
        Date at = new Date();
        Shortcuts.install(true);
        List<String> fast = verdicts(validators.apply(file), at);
        Shortcuts.install(false);
        List<String> plain = verdicts(validators.apply(file), at);
        Shortcuts.install(true);
        assertFalse(plain.isEmpty());
        assertEquals(plain, fast);
        return fast;
    }

    private static List<String> verdicts(SignedDocumentValidator v, Date at) {
        v.setCertificateVerifier(SignedFiles.trust().newVerifier());
        v.setValidationTime(at);
        SimpleReport r = Shortcuts.withXPath(v::validateDocument).getSimpleReport();
        List<String> out = new ArrayList<>();
        for (String id : r.getSignatureIdList()) {
            out.add(id + " " + r.getIndication(id) + "/" + r.getSubIndication(id)
                    + " errors " + text(r.getAdESValidationErrors(id)) + " warnings " + text(r.getAdESValidationWarnings(id))
                    + " infos " + text(r.getAdESValidationInfo(id)) + " qualification " + text(r.getQualificationErrors(id))
                    + text(r.getQualificationWarnings(id)));
        }
        return out;
    }

    private static List<String> text(List<Message> messages) {
        return messages.stream().map(m -> m.getKey() + ": " + m.getValue()).toList();
    }
}
