package vn.vanthu.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

/** Behaviour of the in-process responders that openssl does not show directly. */
class DevPkiTest {
    private final DevPki pki = Samples.pki();

    @Test
    void ocsp_echoes_the_request_nonce_and_includes_the_responder_certificate() throws Exception {
        byte[] nonce = "nonce-1234567890".getBytes(StandardCharsets.US_ASCII);
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(certId("official1"));
        builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(nonce))));

        BasicOCSPResp basic = basic(pki.ocsp(builder.build().getEncoded()));

        assertArrayEquals(nonce,
                basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets());
        assertEquals(new JcaX509CertificateHolder(KeystoreSamplesTest.pem("ocsp")), basic.getCerts()[0]);
        assertEquals(Duration.ofDays(1), Duration.between(basic.getResponses()[0].getThisUpdate().toInstant(),
                basic.getResponses()[0].getNextUpdate().toInstant()));
    }

    @Test
    void ocsp_reports_the_revoked_signer_as_revoked_on_2025_06_01_for_key_compromise() throws Exception {
        BasicOCSPResp basic = basic(pki.ocsp(new OCSPReqBuilder().addRequest(certId("revoked")).build().getEncoded()));

        RevokedStatus status = assertInstanceOf(RevokedStatus.class, basic.getResponses()[0].getCertStatus());
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), status.getRevocationTime().toInstant());
        assertEquals(CRLReason.keyCompromise, status.getRevocationReason());
    }

    @Test
    void ocsp_answers_unknown_for_a_certificate_of_another_issuer() throws Exception {
        // The issuing CA itself is issued by the root, for which this responder has no authority.
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(pki.rootCertificate()), pki.issuingCertificate().getSerialNumber());

        BasicOCSPResp basic = basic(pki.ocsp(new OCSPReqBuilder().addRequest(id).build().getEncoded()));

        assertInstanceOf(UnknownStatus.class, basic.getResponses()[0].getCertStatus());
    }

    @Test
    void malformed_ocsp_request_gets_a_malformed_request_response_instead_of_an_exception() throws Exception {
        for (byte[] garbage : List.of(new byte[0], "hello".getBytes(StandardCharsets.US_ASCII), new byte[] {0x30, 0x00})) {
            assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(pki.ocsp(garbage)).getStatus());
        }
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(pki.ocsp(null)).getStatus());
    }

    @Test
    void timestamps_accept_sha384_and_sha512_imprints_echo_the_nonce_and_never_repeat_a_serial() throws Exception {
        TimeStampResponse first = timestamp(TSPAlgorithms.SHA512, "SHA-512", BigInteger.valueOf(42));
        TimeStampResponse second = timestamp(TSPAlgorithms.SHA384, "SHA-384", BigInteger.valueOf(43));

        assertEquals(PKIStatus.GRANTED, first.getStatus());
        assertEquals(PKIStatus.GRANTED, second.getStatus());
        assertEquals(BigInteger.valueOf(42), first.getTimeStampToken().getTimeStampInfo().getNonce());
        assertEquals(DevPki.TSA_POLICY_OID, first.getTimeStampToken().getTimeStampInfo().getPolicy().getId());
        assertNotEquals(first.getTimeStampToken().getTimeStampInfo().getSerialNumber(),
                second.getTimeStampToken().getTimeStampInfo().getSerialNumber());
        assertNotNull(first.getTimeStampToken().getSignedAttributes()
                .get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2), "ESSCertIDv2");
    }

    @Test
    void timestamp_request_with_a_sha1_imprint_is_rejected() throws Exception {
        TimeStampResponse response = timestamp(TSPAlgorithms.SHA1, "SHA-1", BigInteger.ONE);

        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertEquals(PKIFailureInfo.badAlg, response.getFailInfo().intValue());
    }

    @Test
    void malformed_timestamp_request_is_rejected_with_bad_data_format() throws Exception {
        TimeStampResponse response = new TimeStampResponse(pki.timestamp("not a request".getBytes()));

        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertEquals(PKIFailureInfo.badDataFormat, response.getFailInfo().intValue());
    }

    @Test
    void crl_is_reused_for_five_minutes_then_signed_again_valid_for_a_day() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
        DevPki timed = DevPki.load(Samples.DIR, clock);

        byte[] first = timed.crl("issuing");
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        byte[] cached = timed.crl("issuing.crl");
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        X509CRLHolder fresh = new X509CRLHolder(timed.crl("issuing"));

        assertArrayEquals(first, cached);
        assertEquals(clock.now, fresh.getThisUpdate().toInstant());
        assertEquals(clock.now.plus(Duration.ofDays(1)), fresh.getNextUpdate().toInstant());
        assertEquals(CRLReason.keyCompromise, CRLReason.getInstance(fresh.getRevokedCertificate(
                KeystoreSamplesTest.pem("revoked").getSerialNumber()).getExtensions()
                .getExtensionParsedValue(Extension.reasonCode)).getValue().intValue());
    }

    @Test
    void unknown_crl_and_certificate_names_are_illegal_arguments() {
        assertThrows(IllegalArgumentException.class, () -> pki.crl("official1"));
        assertThrows(IllegalArgumentException.class, () -> pki.certificate("../root-ca.p12"));
    }

    @Test
    void serves_every_url_baked_into_the_certificates_without_network() throws Exception {
        List<String> getUrls = List.of("http://localhost:8080/pki/crl/issuing.crl",
                "http://localhost:8080/pki/crl/root.crl", "http://localhost:8080/pki/certs/issuing-ca.crt",
                "http://localhost:8080/pki/certs/root-ca.crt");
        for (String url : getUrls) {
            assertTrue(pki.serves(url), url);
            assertTrue(pki.get(url).length > 100, url);
        }
        assertArrayEquals(pki.issuingCertificate().getEncoded(), pki.get(getUrls.get(2)));
        assertTrue(pki.serves("http://localhost:8080/pki/ocsp"));
        assertTrue(pki.serves("http://localhost:8080/pki/tsa"));
        byte[] request = new OCSPReqBuilder().addRequest(certId("official1")).build().getEncoded();
        assertEquals(OCSPResp.SUCCESSFUL, new OCSPResp(pki.post("http://localhost:8080/pki/ocsp", request)).getStatus());
        String getForm = "http://localhost:8080/pki/ocsp/" + java.net.URLEncoder.encode(
                Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);
        assertEquals(OCSPResp.SUCCESSFUL, new OCSPResp(pki.get(getForm)).getStatus());

        assertFalse(pki.serves("http://localhost:8081/pki/crl/issuing.crl"));
        assertFalse(pki.serves("https://localhost:8080/pki/ocsp"));
        assertFalse(pki.serves("http://example.org/pki/ocsp"));
        assertFalse(pki.serves("http://localhost:8080/pki/crl/other.crl"));
        assertThrows(IllegalArgumentException.class, () -> pki.get("http://localhost:8080/pki/tsa"));
        assertThrows(IllegalArgumentException.class, () -> pki.post("http://example.org/tsa", new byte[0]));
    }

    private TimeStampResponse timestamp(org.bouncycastle.asn1.ASN1ObjectIdentifier alg, String jca, BigInteger nonce)
            throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] digest = MessageDigest.getInstance(jca).digest("văn bản".getBytes(StandardCharsets.UTF_8));
        return new TimeStampResponse(pki.timestamp(generator.generate(alg, digest, nonce).getEncoded()));
    }

    private CertificateID certId(String name) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(pki.issuingCertificate()), KeystoreSamplesTest.pem(name).getSerialNumber());
    }

    private static BasicOCSPResp basic(byte[] der) throws Exception {
        OCSPResp response = new OCSPResp(der);
        assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
        return (BasicOCSPResp) response.getResponseObject();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
