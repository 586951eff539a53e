package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.vanthu.signing.shortcuts.Shortcuts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service builds the one reference of an enveloped XAdES itself, digest included ({@link EnvelopedReference}):
 * the signature must be byte for byte the one DSS makes with its own reference, for documents with comments,
 * CDATA, processing instructions, entities, namespaces and attribute order to canonicalise, and for a second
 * signature alongside a first.
 */
class EnvelopedReferenceTest {
    private static final SigningFixtures.Key KEY = SigningFixtures.key("official1");

    /** Documents whose canonical form differs from their bytes in every way that matters to the reference. */
    static Stream<String> documents() {
        return Stream.of(
                new String(SigningFixtures.xml(), StandardCharsets.UTF_8),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- trước --><vb:QuyetDinh xmlns:vb=\"urn:vb\" xmlns:x=\"urn:unused\" b='2'   a=\"1\">\r\n"
                        + "  <vb:So>15/QĐ-UBND</vb:So><!-- giữa --><vb:TrichYeu><![CDATA[V/v <tăng> & giảm]]></vb:TrichYeu>\n"
                        + "  <?xml-stylesheet href=\"a.xsl\"?><vb:Rong/><vb:Ky   attr = \"&amp;&lt;&#x1EC7;\" >Nguyễn Hữu Thắng</vb:Ky>\n</vb:QuyetDinh>\n<!-- sau -->",
                "<a xmlns=\"urn:default\"><b xmlns=\"\">text</b><c:d xmlns:c=\"urn:c\" c:e=\"f\"/></a>");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void enveloped_xades_is_byte_for_byte_what_dss_makes_by_itself(String text) throws IOException {
        Shortcuts.install(true);   // the reference comes from the shortcut, DSS's from DSS
        DSSDocument xml = new InMemoryDocument(text.getBytes(StandardCharsets.UTF_8), "a.xml", MimeTypeEnum.XML);
        byte[] first = assertSameAsDss(xml);
        // A second signer signs the signed document alongside the first: the filter leaves every signature out.
        byte[] second = assertSameAsDss(new InMemoryDocument(first, "a.xml", MimeTypeEnum.XML));
        assertEquals(2, SigningFixtures.assertAllPassed(SigningFixtures.validate(second, null, true), "XAdES-BASELINE-B"));
    }

    /** Signs with DSS's own reference and with ours at the same instant; the two must be the same bytes. */
    private static byte[] assertSameAsDss(DSSDocument xml) throws IOException {
        Date at = new Date();
        List<CertificateToken> chain = KEY.chain().stream().map(CertificateToken::new).toList();
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        p.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(chain.get(0));
        p.setCertificateChain(chain);
        p.bLevel().setSigningDate(at);
        XAdESService dss = new XAdESService(SigningFixtures.offlineVerifier());
        byte[] byDss = dss.signDocument(xml, p, sign().apply(dss.getDataToSign(xml, p))).openStream().readAllBytes();

        SignJob job = new SignJob(SignatureFormat.XADES, Level.B, Packaging.ENVELOPED, List.of(xml), chain, at, null, null, null, null);
        byte[] ours = DocumentSigner.xades().signWith(job, new FormatSigner.Sources(SigningFixtures.offlineVerifier(), null), sign())
                .openStream().readAllBytes();
        assertArrayEquals(byDss, ours, () -> "DSS:\n" + new String(byDss, StandardCharsets.UTF_8) + "\nours:\n" + new String(ours, StandardCharsets.UTF_8));
        return ours;
    }

    private static Function<ToBeSigned, SignatureValue> sign() {
        return tbs -> new SignatureValue(SignatureAlgorithm.RSA_SHA256, KEY.sign(tbs.getBytes()));
    }
}
