package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.token.KSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.vanthu.config.AppConfig;
import vn.vanthu.config.ConfigException;
import vn.vanthu.config.Profile;
import vn.vanthu.error.ApiException;
import vn.vanthu.pki.DevelopmentCertificates;
import vn.vanthu.trust.TrustServices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * The human-readable validation report (Vietnamese and English labels, Liberation Serif embedded) as a PDF
 * that carries the agency seal's PAdES signature, so it can be filed as evidence.
 *
 * <pre>{@code byte[] pdf = ReportPdf.create(config, trust).render(storedValidation);}</pre>
 */
public final class ReportPdf {
    private static final String FONT = "/fonts/LiberationSerif-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float LINE = 14;

    private final Path sealKeystore;
    private final String sealPassword;
    private final TrustServices trust;

    private ReportPdf(Path sealKeystore, String sealPassword, TrustServices trust) {
        this.sealKeystore = sealKeystore;
        this.sealPassword = sealPassword;
        this.trust = trust;
    }

    /**
     * Checks at start that the seal keystore opens and, in the production profile, that it is not the development
     * PKI's seal, whose private key is public (a {@link ConfigException} names it otherwise).
     */
    public static ReportPdf create(AppConfig config, TrustServices trust) {
        Path ks = config.validation().sealKeystore();
        String pw = config.validation().sealPassword();
        if (ks != null) {
            KeyStore store;
            try (InputStream in = Files.newInputStream(ks)) {
                store = KeyStore.getInstance("PKCS12");
                store.load(in, pw.toCharArray());
            } catch (Exception e) {
                throw new ConfigException("Cannot open the report seal keystore " + ks
                        + " (VANTHU_REPORT_SEAL_KEYSTORE / VANTHU_REPORT_SEAL_PASSWORD)");
            }
            if (config.profile() == Profile.PRODUCTION && holdsDevelopmentCertificate(store)) {
                throw new ConfigException("The report seal keystore " + ks + " (VANTHU_REPORT_SEAL_KEYSTORE) is of the "
                        + "development PKI, whose private keys are public; the production profile refuses it");
            }
        }
        return new ReportPdf(ks, pw, trust);
    }

    private static boolean holdsDevelopmentCertificate(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate c && DevelopmentCertificates.isDevelopment(c)) {
                    return true;
                }
            }
            return false;
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);   // the keystore was loaded just before
        }
    }

    public byte[] render(ValidationStore.Stored s) {
        if (sealKeystore == null) {
            throw new ApiException(503, "REPORT_SEAL_NOT_CONFIGURED",
                    "No seal is configured to sign report PDFs (VANTHU_REPORT_SEAL_KEYSTORE)", null);
        }
        return seal(layout(lines(s)));
    }

    static List<String> lines(ValidationStore.Stored s) {
        JsonNode r = s.summary();
        List<String> out = new ArrayList<>();
        out.add("BÁO CÁO KIỂM TRA CHỮ KÝ SỐ / DIGITAL SIGNATURE VALIDATION REPORT");
        out.add("");
        out.add("Mã kiểm tra / Validation ID: " + s.id());
        out.add("Tài liệu / Document: " + r.path("documentName").asText());
        out.add("SHA-256: " + r.path("documentSha256").asText());
        out.add("Thời điểm kiểm tra / Validation time: " + r.path("validationTime").asText());
        out.add("Chính sách / Policy: " + r.path("policy").asText());
        out.add("Người yêu cầu / Requested by: " + s.requestedBy() + " (" + s.requestedAt() + ")");
        out.add("Số chữ ký / Signatures: " + r.path("signaturesCount").asInt()
                + "; hợp lệ / valid: " + r.path("validSignaturesCount").asInt());
        int n = 0;
        for (JsonNode sig : r.path("signatures")) {
            out.add("");
            out.add("Chữ ký " + (++n) + " / Signature " + n + " (" + sig.path("id").asText() + ")");
            out.add("  Kết luận / Verdict: " + sig.path("indication").asText() + verdictVi(sig.path("indication").asText())
                    + (sig.path("subIndication").isTextual() ? " — " + sig.path("subIndication").asText() : ""));
            out.add("  Người ký / Signed by: " + sig.path("signedBy").asText());
            out.add("  Định dạng / Format: " + sig.path("format").asText());
            out.add("  Chứng thư / Certificate: " + sig.path("certificate").path("subject").asText());
            out.add("  Cơ quan cấp / Issuer: " + sig.path("certificate").path("issuer").asText());
            out.add("  Thời điểm ký (khai báo) / Claimed signing time: " + sig.path("claimedSigningTime").asText());
            out.add("  Thời điểm tin cậy / Best signature time: " + sig.path("bestSignatureTime").asText());
            for (JsonNode ts : sig.path("timestamps")) {
                out.add("  Dấu thời gian / Timestamp: " + ts.path("type").asText() + " " + ts.path("productionTime").asText()
                        + " " + ts.path("indication").asText());
            }
            sig.path("errors").forEach(e -> out.add("  Lỗi / Error: " + e.asText()));
            sig.path("warnings").forEach(e -> out.add("  Cảnh báo / Warning: " + e.asText()));
        }
        out.add("");
        out.add("Báo cáo này được đóng dấu số bởi hệ thống / This report is sealed by the service.");
        return out;
    }

    private static String verdictVi(String indication) {
        return switch (indication) {
            case "TOTAL_PASSED" -> " (Hợp lệ / Valid)";
            case "TOTAL_FAILED" -> " (Không hợp lệ / Invalid)";
            case "INDETERMINATE" -> " (Chưa xác định / Indeterminate)";
            default -> "";
        };
    }

    private static byte[] layout(List<String> lines) {
        try (PDDocument doc = new PDDocument(); InputStream font = ReportPdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("The report font " + FONT + " is missing from the build");
            }
            PDType0Font f = PDType0Font.load(doc, font, true);
            float fontSize = 10;
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> wrapped = new ArrayList<>();
            for (String l : lines) {
                wrapped.addAll(wrap(l, f, fontSize, width));
            }
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LINE);
            for (int from = 0; from < wrapped.size(); from += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(f, fontSize);
                    cs.setLeading(LINE);
                    cs.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String l : wrapped.subList(from, Math.min(wrapped.size(), from + perPage))) {
                        cs.showText(l);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.getDocumentInformation().setTitle("Validation report / Báo cáo kiểm tra chữ ký số");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDType0Font f, float size, float width) throws IOException {
        String clean = text.replaceAll("[\\p{Cntrl}]", " ");
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : clean.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && f.getStringWidth(candidate) / 1000 * size > width) {
                out.add(line.toString());
                line = new StringBuilder("    " + word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        out.add(line.toString());
        return out;
    }

    private byte[] seal(byte[] pdf) {
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(sealKeystore.toFile(),
                new KeyStore.PasswordProtection(sealPassword.toCharArray()))) {
            KSPrivateKeyEntry key = (KSPrivateKeyEntry) token.getKeys().get(0);
            PAdESSignatureParameters p = new PAdESSignatureParameters();
            p.setSignatureLevel(trust.tspSource() == null ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T);
            p.setDigestAlgorithm(DigestAlgorithm.SHA256);
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            p.bLevel().setSigningDate(new Date());
            p.setReason("Báo cáo kiểm tra chữ ký số / Validation report");
            PAdESService service = new PAdESService(trust.newVerifier());
            if (trust.tspSource() != null) {
                service.setTspSource(trust.tspSource());
            }
            DSSDocument doc = new InMemoryDocument(pdf, "report.pdf");
            ToBeSigned tbs = service.getDataToSign(doc, p);
            SignatureValue value = token.sign(tbs, p.getDigestAlgorithm(), key);
            DSSDocument signed = service.signDocument(doc, p, value);
            try (InputStream in = signed.openStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
