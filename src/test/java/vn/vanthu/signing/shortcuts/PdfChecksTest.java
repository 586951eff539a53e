package vn.vanthu.signing.shortcuts;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.Test;
import vn.vanthu.validation.SignedFiles;
import vn.vanthu.validation.Tamper;

import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shortcut only applies when every signed revision is the whole file; any later byte brings DSS's full comparison back. */
class PdfChecksTest {
    @Test
    void a_single_signature_covering_the_whole_file_has_no_later_revision() {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        assertFalse(PdfChecks.hasBytesAfterASignedRevision(signed));
    }

    @Test
    void an_incremental_update_an_lt_dss_revision_or_a_second_signature_count_as_later_revisions() throws Exception {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        assertTrue(PdfChecks.hasBytesAfterASignedRevision(Tamper.appendTextIncrementally(signed, "x")));
        assertTrue(PdfChecks.hasBytesAfterASignedRevision(
                SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_LT, new Date())));
        assertTrue(PdfChecks.hasBytesAfterASignedRevision(
                SignedFiles.pades(signed, "seal", SignatureLevel.PAdES_BASELINE_B, new Date())),
                "the first signature is followed by the second one's revision");
    }

    @Test
    void unsigned_or_unreadable_byte_ranges_keep_the_full_comparison() {
        assertTrue(PdfChecks.hasBytesAfterASignedRevision(SignedFiles.pdf(1)));
        assertTrue(PdfChecks.hasBytesAfterASignedRevision("%PDF-1.7 /ByteRange [0 x".getBytes()));
    }
}
