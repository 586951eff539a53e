package vn.vanthu.signing.shortcuts;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.validation.SignedFiles;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signing shortcuts make the signature plain DSS makes: the same document, key and signing time give the
 * same bytes through the fast PDF object factory and through DSS's own, and through the fast XPath and the JDK's.
 */
class PlainDssSignaturesTest {
    private static final Pkcs12SignatureToken TOKEN = SignedFiles.token("official1");
    private static final DSSPrivateKeyEntry KEY = TOKEN.getKeys().get(0);

    @AfterAll
    static void shortcutsBackOn() {
        Shortcuts.install(true);
    }

    @Test
    void the_switch_chooses_the_fast_pdf_factory_or_dss_s_own() {
        Shortcuts.install(true);
        assertInstanceOf(FastPdfObjFactory.class, Shortcuts.signingPdfFactory());
        Shortcuts.install(false);
        assertFalse(Shortcuts.signingPdfFactory() instanceof FastPdfObjFactory);
        assertFalse(Shortcuts.envelopedReference(new XAdESSignatureParameters(), xml()).isPresent());
        Shortcuts.install(true);
    }

    @Test
    void pades_through_the_fast_factory_is_byte_for_byte_what_dss_s_own_factory_makes() {
        DSSDocument pdf = new InMemoryDocument(SignedFiles.pdf(2), "cv.pdf", MimeTypeEnum.PDF);
        Date at = new Date();
        for (boolean visible : List.of(false, true)) {
            byte[] plain = pades(new PdfBoxNativeObjectFactory(), pdf, at, visible);
            byte[] fast = pades(new FastPdfObjFactory(), pdf, at, visible);
            assertArrayEquals(plain, fast, visible ? "visible" : "invisible");
        }
    }

    @Test
    void xades_with_the_xpath_shortcut_is_byte_for_byte_what_plain_dss_makes() {
        Date at = new Date();
        for (SignaturePackaging packaging : List.of(SignaturePackaging.ENVELOPED, SignaturePackaging.ENVELOPING)) {
            Shortcuts.install(true);
            assertTrue(Shortcuts.xpathInDss());
            byte[] fast = xades(packaging, at);
            Shortcuts.install(false);
            byte[] plain = xades(packaging, at);
            Shortcuts.install(true);
            assertArrayEquals(plain, fast, () -> packaging + "\nplain:\n" + new String(plain, StandardCharsets.UTF_8)
                    + "\nfast:\n" + new String(fast, StandardCharsets.UTF_8));
        }
    }

    private static DSSDocument xml() {
        return new InMemoryDocument(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><vb:CongVan xmlns:vb=\"urn:vb\">"
                + "<vb:So>15</vb:So><!-- c --><vb:TrichYeu>thử nghiệm</vb:TrichYeu></vb:CongVan>")
                .getBytes(StandardCharsets.UTF_8), "cv.xml", MimeTypeEnum.XML);
    }

    private static byte[] xades(SignaturePackaging packaging, Date at) {
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        p.setSignaturePackaging(packaging);
        return sign(new XAdESService(new CommonCertificateVerifier()), xml(), p, at, prepared -> { });
    }

    private static byte[] pades(IPdfObjFactory factory, DSSDocument pdf, Date at, boolean visible) {
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(factory);
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        p.setContentSize(9472);
        if (visible) {
            SignatureImageParameters image = new SignatureImageParameters();
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setText("Signed by official1");
            image.setTextParameters(text);
            SignatureFieldParameters field = new SignatureFieldParameters();
            field.setOriginX(100);
            field.setOriginY(600);
            field.setWidth(200);
            field.setHeight(60);
            image.setFieldParameters(field);
            p.setImageParameters(image);
        }
        return sign(service, pdf, p, at, prepared -> {
            // What the fast factory relies on: DSS keeps the prepared revision in memory, with one placeholder.
            DSSDocument revision = prepared.getPdfSignatureCache().getToBeSignedDocument();
            assertInstanceOf(InMemoryDocument.class, revision);
            assertNotNull(FastPdfObjFactory.replace(SignedFiles.bytes(revision), "ab".repeat(100).getBytes(StandardCharsets.US_ASCII)));
        });
    }

    private static <P extends AbstractSignatureParameters<?>> byte[] sign(DocumentSignatureService<P, ?> service,
                                                                        DSSDocument doc, P p, Date at, Consumer<P> afterDataToSign) {
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(KEY.getCertificate());
        p.setCertificateChain(Arrays.asList(KEY.getCertificateChain()));
        p.bLevel().setSigningDate(at);
        var value = TOKEN.sign(service.getDataToSign(doc, p), DigestAlgorithm.SHA256, KEY);
        afterDataToSign.accept(p);
        return SignedFiles.bytes(service.signDocument(doc, p, value));
    }
}
