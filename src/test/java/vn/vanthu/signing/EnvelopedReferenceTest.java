package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service builds the one reference of an enveloped XAdES itself (DSS's reference builder parses the document
 * twice more only for checks made before): the signature must be byte for byte the one DSS makes by default.
 */
class EnvelopedReferenceTest {
    private static final SigningFixtures.Key KEY = SigningFixtures.key("official1");

    @Test
    void enveloped_xades_is_byte_for_byte_what_dss_makes_with_its_own_reference() throws IOException {
        Date at = new Date();
        List<CertificateToken> chain = KEY.chain().stream().map(CertificateToken::new).toList();
        DSSDocument xml = new InMemoryDocument(SigningFixtures.xml(), "a.xml");

        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        p.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(chain.get(0));
        p.setCertificateChain(chain);
        p.bLevel().setSigningDate(at);
        XAdESService dss = new XAdESService(SigningFixtures.offlineVerifier());
        DSSDocument byDss = dss.signDocument(xml, p, sign().apply(dss.getDataToSign(xml, p)));

        SignJob job = new SignJob(SignatureFormat.XADES, Level.B, Packaging.ENVELOPED, List.of(xml), chain, at, null, null, null, null);
        DSSDocument ours = DocumentSigner.xades().signWith(job, new FormatSigner.Sources(SigningFixtures.offlineVerifier(), null), sign());

        byte[] expected = byDss.openStream().readAllBytes();
        assertArrayEquals(expected, ours.openStream().readAllBytes());
        assertEquals(1, SigningFixtures.assertAllPassed(SigningFixtures.validate(expected, null, true), "XAdES-BASELINE-B"));
    }

    private static Function<ToBeSigned, SignatureValue> sign() {
        return tbs -> new SignatureValue(SignatureAlgorithm.RSA_SHA256, KEY.sign(tbs.getBytes()));
    }
}
