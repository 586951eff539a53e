package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.InMemoryDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.validation.Validate.firstSignature;
import static vn.vanthu.validation.Validate.ok;
import static vn.vanthu.validation.Validate.verdict;

/** The verdicts a user sees for intact, tampered, untrusted, revoked and expired signatures. */
class ValidationVerdictsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void intact_pades_lt_by_the_trusted_chain_is_total_passed_with_signer_and_chain() {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(2), "official1", SignatureLevel.PAdES_BASELINE_LT, new Date());
        JsonNode r = ok(server, "công văn.pdf", signed);
        assertEquals(1, r.path("signaturesCount").asInt());
        assertEquals(1, r.path("validSignaturesCount").asInt());
        JsonNode sig = firstSignature(r);
        assertEquals("TOTAL_PASSED", sig.path("indication").asText(), r.toPrettyString());
        assertEquals("PAdES-BASELINE-LT", sig.path("format").asText());
        assertEquals("Nguyễn Hữu Thắng", sig.path("signedBy").asText());
        assertTrue(sig.path("certificate").path("subject").asText().contains("Nguyễn Hữu Thắng"));
        assertTrue(sig.path("certificateChain").size() >= 3, "leaf, issuing CA, root");
        assertEquals("SIGNATURE_TIMESTAMP", sig.path("timestamps").path(0).path("type").asText());
        assertEquals("công văn.pdf", r.path("documentName").asText());
        assertEquals(64, r.path("documentSha256").asText().length());
        assertEquals("default", r.path("policy").asText());
    }

    @Test
    void one_byte_changed_inside_the_signed_range_is_total_failed_hash_failure() {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        // The binary comment on the PDF's second line is signed but never parsed: the file still opens.
        int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf('\n') + 2;
        signed[at] = (byte) (signed[at] ^ 0x01);
        assertEquals("TOTAL_FAILED/HASH_FAILURE", verdict(ok(server, "tampered.pdf", signed)));
    }

    @Test
    void altered_signature_value_is_total_failed_sig_crypto_failure() {
        String xml = new String(SignedFiles.xades(SignedFiles.utf8("<doc><so>12/UBND</so></doc>"), "doc.xml",
                SignaturePackaging.ENVELOPED, "official1"), StandardCharsets.UTF_8);
        int value = xml.indexOf(">", xml.indexOf("SignatureValue")) + 1;
        char c = xml.charAt(value + 10);
        String altered = xml.substring(0, value + 10) + (c == 'A' ? 'B' : 'A') + xml.substring(value + 11);
        assertEquals("TOTAL_FAILED/SIG_CRYPTO_FAILURE", verdict(ok(server, "doc.xml", SignedFiles.utf8(altered))));
    }

    @Test
    void signature_by_an_unknown_root_is_indeterminate_no_certificate_chain_found() throws Exception {
        String p12 = OutsideKeys.selfSignedP12("Người Lạ").toString();
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(1), p12, SignatureLevel.PAdES_BASELINE_B, new Date());
        assertEquals("INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND", verdict(ok(server, "stranger.pdf", signed)));
    }

    @Test
    void certificate_revoked_before_signing_is_reported_revoked() {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(1), "revoked", SignatureLevel.PAdES_BASELINE_T, new Date());
        JsonNode r = ok(server, "revoked.pdf", signed);
        String v = verdict(r);
        assertFalse(v.startsWith("TOTAL_PASSED"), v);
        assertTrue(firstSignature(r).path("subIndication").asText().startsWith("REVOKED"), v);
    }

    @Test
    void expired_certificate_without_proof_of_existence_is_indeterminate_out_of_bounds() {
        // The development OCSP responder declares an archive cutoff, so its answers cover expired certificates:
        // DSS then knows the certificate is not revoked and reports ETSI's OUT_OF_BOUNDS_NOT_REVOKED (without
        // such revocation data it stops earlier, at CERTIFICATE_CHAIN_GENERAL_FAILURE).
        Date whileValid = Date.from(Instant.parse("2023-06-01T08:00:00Z"));
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(1), "expired", SignatureLevel.PAdES_BASELINE_B, whileValid);
        JsonNode r = ok(server, "expired.pdf", signed);
        assertEquals("INDETERMINATE/OUT_OF_BOUNDS_NOT_REVOKED", verdict(r), r.toPrettyString());
        assertEquals(0, r.path("validSignaturesCount").asInt());
    }

    @Test
    void expired_certificate_whose_revocation_data_has_expired_too_is_indeterminate_out_of_bounds_no_poe() {
        // Signed on 2023-06-01 while the certificate was valid, keeping the OCSP answer of that day in the signature,
        // no timestamp (OldSignatures). Today the signer's certificate has expired, and so has the certificate of the
        // responder that said "good": that answer is no longer verifiable, and nothing proves the signature existed
        // before the signer's certificate expired. The auditor validates the file as it is, with only what it embeds
        // (VANTHU_REVOCATION=offline).
        byte[] p7s = OldSignatures.cadesWithRevocationDataOfThatDay(SignedFiles.utf8("Biên bản nghiệm thu 2023"));
        try (TestServer offline = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_REVOCATION", "offline"))) {
            JsonNode r = ok(offline, "bien-ban-2023.p7s", p7s);
            assertEquals("INDETERMINATE/OUT_OF_BOUNDS_NO_POE", verdict(r), r.toPrettyString());
            assertEquals(0, r.path("validSignaturesCount").asInt());
            assertTrue(firstSignature(r).path("errors").toString().contains("revocation data issuer"), r.toPrettyString());
        }
        // Online, the development responder answers today, for the expired certificate too (archive cutoff), with a
        // certificate valid today: the signer is then known not to be revoked.
        assertEquals("INDETERMINATE/OUT_OF_BOUNDS_NOT_REVOKED", verdict(ok(server, "bien-ban-2023.p7s", p7s)));
    }

    @Test
    void page_content_changed_by_an_incremental_update_after_signing_is_flagged() throws Exception {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        byte[] changed = Tamper.appendTextIncrementally(signed, "SO TIEN: 999.000.000 VND");
        JsonNode sig = firstSignature(ok(server, "changed.pdf", changed));
        boolean flagged = !"TOTAL_PASSED".equals(sig.path("indication").asText()) || sig.path("warnings").size() > 0;
        assertTrue(flagged, sig.toPrettyString());
    }

    @Test
    void detached_xades_without_its_original_is_indeterminate_signed_data_not_found_and_passes_with_it() {
        byte[] data = SignedFiles.utf8("Quyết định số 15/QĐ-UBND");
        byte[] sig = SignedFiles.xades(data, "quyet-dinh.txt", SignaturePackaging.DETACHED, "official2");
        assertEquals("INDETERMINATE/SIGNED_DATA_NOT_FOUND", verdict(ok(server, "sig.xml", sig)));

        TestServer.Response withOriginal = server.postMultipart("/api/v1/validations", "clerk", new Multipart()
                .file("file", "sig.xml", "application/xml", sig)
                .file("original", "quyet-dinh.txt", "text/plain", data));
        assertEquals(200, withOriginal.status(), withOriginal.text());
        assertEquals("TOTAL_PASSED", firstSignature(withOriginal.json()).path("indication").asText(), withOriginal.text());
    }

    @Test
    void asic_e_with_one_file_swapped_is_total_failed() throws Exception {
        byte[] asic = SignedFiles.asice(List.of(new InMemoryDocument(SignedFiles.utf8("to trinh"), "totrinh.txt"),
                new InMemoryDocument(SignedFiles.utf8("phu luc"), "phuluc.txt")), "official1");
        assertEquals("TOTAL_PASSED", firstSignature(ok(server, "hoso.asice", asic)).path("indication").asText());
        byte[] swapped = replaceEntry(asic, "phuluc.txt", SignedFiles.utf8("phu luc DA SUA"));
        assertEquals("TOTAL_FAILED", firstSignature(ok(server, "hoso.asice", swapped)).path("indication").asText());
    }

    @Test
    void official_seal_and_document_timestamp_are_reported_one_by_one() {
        byte[] pdf = SignedFiles.pades(SignedFiles.pdf(1), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        pdf = SignedFiles.pades(pdf, "seal", SignatureLevel.PAdES_BASELINE_B, new Date());
        pdf = SignedFiles.documentTimestamp(pdf);
        JsonNode r = ok(server, "ban-hanh.pdf", pdf);
        assertEquals(2, r.path("signaturesCount").asInt(), r.toPrettyString());
        assertEquals(2, r.path("validSignaturesCount").asInt(), r.toPrettyString());
        assertEquals("Nguyễn Hữu Thắng", r.path("signatures").path(0).path("signedBy").asText());
        assertTrue(r.path("signatures").path(1).path("signedBy").asText().contains("Sở Khoa học"));
        assertTrue(r.path("timestamps").toString().contains("DOCUMENT_TIMESTAMP"), r.path("timestamps").toString());
    }

    static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = e.getName().equals(name) ? content : in.readAllBytes();
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getName().equals("mimetype")) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    copy.setCrc(crc.getValue());
                }
                z.putNextEntry(copy);
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
