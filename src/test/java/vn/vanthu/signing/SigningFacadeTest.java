package vn.vanthu.signing;

import org.junit.jupiter.api.Test;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.error.ApiException;
import vn.vanthu.trust.TrustServices;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.vanthu.signing.SigningFixtures.assertAllPassed;
import static vn.vanthu.signing.SigningFixtures.pdf;
import static vn.vanthu.signing.SigningFixtures.validate;
import static vn.vanthu.signing.SigningFixtures.xml;

/**
 * The signing facade as another feature uses it: a request built in one call, any {@link SigningKey} (here a
 * PKCS#12 keystore opened with the JDK alone), one step or two, and a result that validates.
 */
class SigningFacadeTest {
    private static final TrustServices TRUST = TrustServices.create(ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev")).pki(), "", SigningFixtures.PKI);
    private static final SigningService SIGNING = new SigningService(TRUST::newSigningVerifier, null);

    /** official1.p12 through the JDK's own KeyStore and Signature: the facade needs nothing else of a key. */
    private static final SigningKey PKCS12 = new SigningKey() {
        private final SigningFixtures.Key key = SigningFixtures.key("official1");

        @Override
        public List<X509Certificate> chain() {
            return key.chain();
        }

        @Override
        public byte[] sign(String algorithm, byte[] data) {
            try {
                Signature s = Signature.getInstance(algorithm);
                s.initSign(key.privateKey());
                s.update(data);
                return s.sign();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    };

    @Test
    void a_request_without_its_document_is_refused() {
        assertThrows(NullPointerException.class, () -> SignRequest.pades(null));
        assertThrows(NullPointerException.class, () -> SignRequest.xadesEnveloped(null));
        assertThrows(IllegalArgumentException.class, () -> SignRequest.asice(List.of()));
        SignDocument one = SignDocument.of(xml(), "a.xml");
        assertThrows(NullPointerException.class, () -> SignRequest.asice(Arrays.asList(one, null)));
        assertThrows(NullPointerException.class, () -> SignRequest.cades(one).packaging(null));
    }

    @Test
    void a_pdf_signed_through_the_facade_with_a_pkcs12_key_validates() {
        SignedDocument s = SIGNING.sign(SignRequest.pades(SignDocument.of(pdf(), "cong-van.pdf"))
                .visible(new VisibleSignature(1, 350, 600, 180, 60, false, "Ký duyệt"))
                .reason("Ký duyệt").location("Hà Nội"), PKCS12);

        assertEquals("cong-van-signed.pdf", s.filename());
        assertEquals("application/pdf", s.mediaType());
        assertEquals("PAdES-BASELINE-B", s.level(), "B: no time-stamping service here");
        assertFalse(s.signatureId().isBlank());
        assertEquals(1, assertAllPassed(validate(s.bytes(), null, true), "PAdES-BASELINE-B"));
    }

    @Test
    void a_document_on_disk_is_signed_in_place_of_its_bytes() throws Exception {
        Path file = Files.createTempFile("vanthu-facade", ".xml");
        try {
            Files.write(file, xml());
            SignedDocument s = SIGNING.sign(SignRequest.xadesEnveloped(SignDocument.of(file, "cong-van.xml")), PKCS12);

            assertEquals("cong-van-signed.xml", s.filename());
            assertEquals(1, assertAllPassed(validate(s.bytes(), null, true), "XAdES-BASELINE-B"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void two_steps_produce_nothing_for_a_value_over_other_data_and_a_valid_signature_for_the_right_one() {
        DataToSign d = SIGNING.prepare(SignRequest.cades(SignDocument.of(xml(), "cong-van.xml")), PKCS12.chain());
        assertEquals("RSA_SHA256", d.signatureAlgorithm());
        assertEquals(Level.B, d.request().level(), "the service's default level is fixed at preparation");

        byte[] wrong = PKCS12.sign("SHA256withRSA", "something else".getBytes(StandardCharsets.UTF_8));
        ApiException refused = assertThrows(ApiException.class, () -> SIGNING.complete(d, wrong));
        assertEquals("INVALID_SIGNATURE_VALUE", refused.code());

        SignedDocument s = SIGNING.complete(d, PKCS12.sign("SHA256withRSA", d.bytes()));
        assertEquals("cong-van.xml.p7m", s.filename());
        assertEquals(1, assertAllPassed(validate(s.bytes(), null, true), "CAdES-BASELINE-B"));
    }
}
