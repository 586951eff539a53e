package vn.vanthu.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;

/** The committed keystore-samples keep the contract other code relies on. */
class KeystoreSamplesTest {
    static final List<String> END_ENTITIES = List.of("official1", "official2", "seal", "tsa", "ocsp", "expired",
            "revoked", "notyet", "nokeyusage");
    static final Instant TEN_YEARS_FROM_2026_11_26 = ZonedDateTime.of(2036, 11, 26, 0, 0, 0, 0, ZoneOffset.UTC)
            .toInstant();
    static final String OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5";
    static final String EKU_TIMESTAMPING = "1.3.6.1.5.5.7.3.8";
    static final String EKU_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    @Test
    void every_keystore_opens_with_123456_and_holds_its_key_under_the_file_name_with_the_full_chain() throws Exception {
        X509Certificate root = Samples.pki().rootCertificate();
        X509Certificate issuing = Samples.pki().issuingCertificate();
        for (String name : END_ENTITIES) {
            Certificate[] chain = keyStore(name).getCertificateChain(name);
            assertNotNull(chain, name);
            assertEquals(3, chain.length, name);
            assertEquals(issuing, chain[1], name);
            assertEquals(root, chain[2], name);
            assertInstanceOf(PrivateKey.class, keyStore(name).getKey(name, "123456".toCharArray()), name);
            X509Certificate leaf = (X509Certificate) chain[0];
            leaf.verify(issuing.getPublicKey());
            assertEquals(2048, ((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength(), name);
            assertEquals("SHA256withRSA", leaf.getSigAlgName(), name);
            assertEquals(leaf, pem(name), name + ".crt must be the leaf of " + name + ".p12");
        }
        assertEquals(root, keyStore("root-ca").getCertificateChain("root-ca")[0]);
        assertEquals(issuing, keyStore("issuing-ca").getCertificateChain("issuing-ca")[0]);
    }

    @Test
    void officials_carry_their_vietnamese_names_and_titles_as_utf8_strings() throws Exception {
        X500Name official1 = subject("official1");
        assertEquals("Nguyễn Hữu Thắng", value(official1, BCStyle.CN));
        assertEquals("PHÓ GIÁM ĐỐC", value(official1, BCStyle.T));
        assertEquals("VN", value(official1, BCStyle.C));
        assertInstanceOf(ASN1UTF8String.class, official1.getRDNs(BCStyle.CN)[0].getFirst().getValue());
        assertTrue(value(official1, BCStyle.O).startsWith("Sở Khoa học và Công nghệ tỉnh "));

        X500Name official2 = subject("official2");
        assertEquals("Trần Thị Mai Hương", value(official2, BCStyle.CN));
        assertEquals("GIÁM ĐỐC", value(official2, BCStyle.T));

        X500Name seal = subject("seal");
        assertEquals(value(official1, BCStyle.O), value(seal, BCStyle.CN));
        assertEquals(value(official1, BCStyle.O), value(seal, BCStyle.O));
        assertNotNull(value(seal, BCStyle.OU));
        assertNotNull(value(seal, BCStyle.L));
    }

    @Test
    void signers_may_sign_with_non_repudiation_for_at_least_ten_years() throws Exception {
        for (String name : List.of("official1", "official2", "seal", "revoked")) {
            X509Certificate cert = pem(name);
            assertTrue(cert.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()), name);
            boolean[] ku = cert.getKeyUsage();
            assertTrue(ku[0] && ku[1], name + " needs digitalSignature and nonRepudiation");
            assertFalse(cert.getNotAfter().toInstant().isBefore(TEN_YEARS_FROM_2026_11_26), name);
            cert.checkValidity();
        }
    }

    @Test
    void tsa_and_ocsp_certificates_have_the_purposes_their_verifiers_demand() throws Exception {
        X509Certificate tsa = pem("tsa");
        assertEquals(List.of(EKU_TIMESTAMPING), tsa.getExtendedKeyUsage());
        assertTrue(tsa.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId()));
        assertTrue(tsa.getKeyUsage()[0]);

        X509Certificate ocsp = pem("ocsp");
        assertEquals(List.of(EKU_OCSP_SIGNING), ocsp.getExtendedKeyUsage());
        assertNotNull(ocsp.getExtensionValue(OCSP_NOCHECK));
    }

    @Test
    void negative_test_signers_are_expired_not_yet_valid_revoked_or_without_signing_key_usage() throws Exception {
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), pem("expired").getNotAfter().toInstant());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), pem("notyet").getNotBefore().toInstant());
        boolean[] ku = pem("nokeyusage").getKeyUsage();
        assertTrue(ku[2], "keyEncipherment");
        assertFalse(ku[0] || ku[1], "no digitalSignature / nonRepudiation");
        assertEquals(pem("revoked").getSerialNumber().toString(16).toUpperCase(),
                DevPkiOpensslTest.revokedSerialHex().replaceFirst("^0+", ""));
    }

    @Test
    void every_end_entity_points_to_the_dev_crl_ocsp_and_ca_issuers_urls_with_a_unique_serial() throws Exception {
        Set<BigInteger> serials = new HashSet<>();
        serials.add(Samples.pki().rootCertificate().getSerialNumber());
        serials.add(Samples.pki().issuingCertificate().getSerialNumber());
        for (String name : END_ENTITIES) {
            X509Certificate cert = pem(name);
            assertTrue(serials.add(cert.getSerialNumber()), name + " serial must be unique");
            String urls = new String(new JcaX509CertificateHolder(cert).getExtensions()
                    .getExtension(Extension.cRLDistributionPoints).getExtnValue().getOctets(), "ISO-8859-1")
                    + new String(cert.getExtensionValue(Extension.authorityInfoAccess.getId()), "ISO-8859-1");
            assertTrue(urls.contains("http://localhost:8080/pki/crl/issuing.crl"), name);
            assertTrue(urls.contains("http://localhost:8080/pki/ocsp"), name);
            assertTrue(urls.contains("http://localhost:8080/pki/certs/issuing-ca.crt"), name);
        }
        assertTrue(new String(Samples.pki().issuingCertificate()
                .getExtensionValue(Extension.cRLDistributionPoints.getId()), "ISO-8859-1")
                .contains("http://localhost:8080/pki/crl/root.crl"));
        assertNull(Samples.pki().rootCertificate().getExtensionValue(Extension.cRLDistributionPoints.getId()));
    }

    @Test
    void signature_and_seal_images_are_transparent_pngs() throws Exception {
        for (String name : List.of("official1-signature.png", "official2-signature.png", "seal.png")) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(Samples.file(name).toFile());
            assertNotNull(image, name);
            assertTrue(image.getColorModel().hasAlpha(), name);
            assertEquals(0, image.getRGB(0, 0) >>> 24, name + " corner must be transparent");
        }
        assertArrayEquals(new int[] {300, 300}, size("seal.png"));
    }

    private static int[] size(String png) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(Samples.file(png).toFile());
        return new int[] {image.getWidth(), image.getHeight()};
    }

    static KeyStore keyStore(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Samples.file(name + ".p12"))) {
            ks.load(in, "123456".toCharArray());
        }
        return ks;
    }

    static X509Certificate pem(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Samples.file(name + ".crt"))) {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X500Name subject(String name) throws Exception {
        return X500Name.getInstance(pem(name).getSubjectX500Principal().getEncoded());
    }

    private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
    }
}
