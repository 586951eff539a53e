package vn.vanthu.validation;

import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.PAdESTimestampParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.KSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.trust.TrustServices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Test files signed in-test with DSS directly (not with vanthu's signing feature) and the keystore-samples keys.
 *
 * <pre>{@code byte[] pdf = SignedFiles.pades(SignedFiles.pdf(3), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());}</pre>
 */
public final class SignedFiles {
    public static final Path SAMPLES = Path.of("keystore-samples").toAbsolutePath();
    private static TrustServices trust;

    private SignedFiles() {}

    /** Trust of the development PKI, online revocation answered in-process, the dev TSA. */
    public static synchronized TrustServices trust() {
        if (trust == null) {
            trust = TrustServices.create(ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev", "VANTHU_DEV_PKI_DIR", SAMPLES.toString(),
                    "VANTHU_DATA_DIR", System.getProperty("java.io.tmpdir"))));
        }
        return trust;
    }

    /** A plain text PDF of {@code pages} pages. */
    public static byte[] pdf(int pages) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.setLeading(14);
                    cs.newLineAtOffset(50, 780);
                    for (int l = 0; l < 50; l++) {
                        cs.showText("Page " + i + " line " + l + ": cong van so " + (i * 100 + l) + " ve viec thu nghiem.");
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pades(byte[] pdf, String signer, SignatureLevel level, Date signingDate) {
        PAdESService service = new PAdESService(signingVerifier());
        service.setTspSource(trust().tspSource());
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(level);
        p.setContentSize(32 * 1024);
        return sign(signer, p, signingDate, new InMemoryDocument(pdf, "doc.pdf"),
                (doc, params) -> service.getDataToSign(doc, (PAdESSignatureParameters) params),
                (doc, params, v) -> service.signDocument(doc, (PAdESSignatureParameters) params, v));
    }

    /** Adds a PAdES document timestamp from the development TSA. */
    public static byte[] documentTimestamp(byte[] pdf) {
        PAdESService service = new PAdESService(signingVerifier());
        service.setTspSource(trust().tspSource());
        return bytes(service.timestamp(new InMemoryDocument(pdf, "doc.pdf"), new PAdESTimestampParameters()));
    }

    public static byte[] xades(byte[] data, String name, SignaturePackaging packaging, String signer) {
        XAdESService service = new XAdESService(signingVerifier());
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        p.setSignaturePackaging(packaging);
        return sign(signer, p, new Date(), new InMemoryDocument(data, name),
                (doc, params) -> service.getDataToSign(doc, (XAdESSignatureParameters) params),
                (doc, params, v) -> service.signDocument(doc, (XAdESSignatureParameters) params, v));
    }

    /** CAdES-B (no timestamp, no revocation data) of {@code data}, claiming {@code signingDate}. */
    public static byte[] cades(byte[] data, SignaturePackaging packaging, String signer, Date signingDate) {
        CAdESService service = new CAdESService(signingVerifier());
        CAdESSignatureParameters p = new CAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
        p.setSignaturePackaging(packaging);
        return sign(signer, p, signingDate, new InMemoryDocument(data, "data.bin"),
                (doc, params) -> service.getDataToSign(doc, (CAdESSignatureParameters) params),
                (doc, params, v) -> service.signDocument(doc, (CAdESSignatureParameters) params, v));
    }

    public static byte[] asice(List<DSSDocument> files, String signer) {
        ASiCWithXAdESService service = new ASiCWithXAdESService(signingVerifier());
        ASiCWithXAdESSignatureParameters p = new ASiCWithXAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        p.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        try (Pkcs12SignatureToken token = token(signer)) {
            KSPrivateKeyEntry key = (KSPrivateKeyEntry) token.getKeys().get(0);
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            p.setDigestAlgorithm(DigestAlgorithm.SHA256);
            ToBeSigned tbs = service.getDataToSign(files, p);
            SignatureValue v = token.sign(tbs, DigestAlgorithm.SHA256, key);
            return bytes(service.signDocument(files, p, v));
        }
    }

    interface DataToSign { ToBeSigned get(DSSDocument d, AbstractSignatureParameters<?> p); }
    interface Finish { DSSDocument sign(DSSDocument d, AbstractSignatureParameters<?> p, SignatureValue v); }

    private static byte[] sign(String signer, AbstractSignatureParameters<?> p, Date date, DSSDocument doc,
                               DataToSign toSign, Finish finish) {
        try (Pkcs12SignatureToken token = token(signer)) {
            KSPrivateKeyEntry key = (KSPrivateKeyEntry) token.getKeys().get(0);
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            p.setDigestAlgorithm(DigestAlgorithm.SHA256);
            p.bLevel().setSigningDate(date);
            ToBeSigned tbs = toSign.get(doc, p);
            SignatureValue v = token.sign(tbs, DigestAlgorithm.SHA256, key);
            return bytes(finish.sign(doc, p, v));
        }
    }

    /** A PKCS#12 from keystore-samples, or any other .p12 path. */
    public static Pkcs12SignatureToken token(String signer) {
        Path p = signer.endsWith(".p12") ? Path.of(signer) : SAMPLES.resolve(signer + ".p12");
        try {
            return new Pkcs12SignatureToken(p.toFile(), new KeyStore.PasswordProtection("123456".toCharArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the negative-test signers (expired, revoked) sign at all. */
    private static CommonCertificateVerifier signingVerifier() {
        CommonCertificateVerifier cv = (CommonCertificateVerifier) trust().newVerifier();
        cv.setAlertOnExpiredCertificate(new SilentOnStatusAlert());
        cv.setAlertOnRevokedCertificate(new SilentOnStatusAlert());
        cv.setAlertOnNotYetValidCertificate(new SilentOnStatusAlert());
        cv.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        cv.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
        cv.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
        return cv;
    }

    public static byte[] bytes(DSSDocument d) {
        try (InputStream in = d.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
