package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.vanthu.pki.DevPki;
import vn.vanthu.support.Multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared test material: the sample documents, keystore-samples keys, and checks of signed results. */
public final class SigningFixtures {
    static final Path SAMPLES = Path.of("keystore-samples");
    static final DevPki PKI = DevPki.load(SAMPLES);
    private static byte[] pdf;

    private SigningFixtures() {}

    public static synchronized byte[] pdf() {
        if (pdf == null) {
            pdf = SamplePdf.render(0);
        }
        return pdf;
    }

    public static byte[] xml() {
        return resource("/samples/cong-van.xml");
    }

    static byte[] resource(String name) {
        try (InputStream in = SigningFixtures.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A keystore-samples key: the private key and the chain, signer first. */
    record Key(PrivateKey privateKey, List<X509Certificate> chain) {
        byte[] sign(byte[] data) {
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(privateKey);
                s.update(data);
                return s.sign();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String pem() {
            return TwoStepSigning.pem(chain);
        }
    }

    static Key key(String name) {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(name + ".p12"))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, "123456".toCharArray());
            PrivateKey pk = (PrivateKey) ks.getKey(name, "123456".toCharArray());
            List<X509Certificate> chain = new ArrayList<>();
            for (var c : ks.getCertificateChain(name)) {
                chain.add((X509Certificate) c);
            }
            return new Key(pk, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Multipart form(String format, String level, String filename, String type, byte[] data) {
        Multipart m = new Multipart().file("file", filename, type, data).field("format", format);
        if (level != null) {
            m.field("level", level);
        }
        return m;
    }

    /** Validates with DSS (online = the dev PKI answers OCSP/CRL; offline = only what the file embeds). */
    public static SimpleReport validate(byte[] signed, List<DSSDocument> detached, boolean online) {
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        v.setCertificateVerifier(online ? vn.vanthu.support.DevTrust.verifier(PKI) : offlineVerifier());
        if (detached != null && !detached.isEmpty()) {
            v.setDetachedContents(detached);
        }
        Reports r = v.validateDocument();
        return r.getSimpleReport();
    }

    static CertificateVerifier offlineVerifier() {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(PKI.rootCertificate()));
        cv.setTrustedCertSources(trusted);
        cv.setAIASource(null);
        cv.setOcspSource(null);
        cv.setCrlSource(null);
        return cv;
    }

    /** Every signature TOTAL_PASSED at the expected format level (e.g. "PAdES-BASELINE-LT"); returns the count. */
    public static int assertAllPassed(SimpleReport report, String expectedLevel) {
        List<String> ids = report.getSignatureIdList();
        assertFalse(ids.isEmpty(), "no signature found");
        for (String id : ids) {
            String details = report.getSignatureFormat(id) + " " + report.getIndication(id) + "/"
                    + report.getSubIndication(id) + " errors=" + report.getAdESValidationErrors(id)
                    + " qual=" + report.getQualificationErrors(id);
            assertEquals(Indication.TOTAL_PASSED, report.getIndication(id), details);
            if (expectedLevel != null) {
                assertEquals(expectedLevel, report.getSignatureFormat(id).toString(), details);
            }
        }
        return ids.size();
    }

    /** Runs poppler's pdfsig; asserts it found {@code expected} signatures and says each is valid. */
    public static String assertPdfsigValid(byte[] pdf, int expected) {
        String out = vn.vanthu.support.OutsideTools.pdfsig(pdf);
        // poppler cannot check document timestamps (type "unknown", signed by the TSA): those are verified
        // with openssl ts by scripts/interop-check.sh; every real signature must be valid.
        String[] blocks = out.split("\nSignature #");
        int signatures = 0;
        for (int i = 1; i < blocks.length; i++) {
            if (blocks[i].contains("Signature Type: unknown") && blocks[i].contains("TSA")) {
                continue;
            }
            signatures++;
            assertTrue(blocks[i].contains("Signature is Valid"), out);
        }
        assertEquals(expected, signatures, out);
        return out;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
