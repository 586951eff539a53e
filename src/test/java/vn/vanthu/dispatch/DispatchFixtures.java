package vn.vanthu.dispatch;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import vn.vanthu.pki.DevPki;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared steps of the dispatch tests: create a draft, sign, issue, and check a PDF with DSS and pdfsig. */
public final class DispatchFixtures {
    static final DevPki PKI = DevPki.load(Path.of("keystore-samples"));
    public static final String PIN = "123456";

    private DispatchFixtures() {}

    static String metadata(TestServer s, String type, String subject) {
        String official = s.get("/api/v1/users/me", "official").json().path("id").asText();
        return "{\"documentType\":\"" + type + "\",\"subject\":\"" + subject + "\",\"signerPosition\":\"PHÓ GIÁM ĐỐC\","
                + "\"signerName\":\"Nguyễn Hữu Thắng\",\"signerUserId\":\"" + official + "\","
                + "\"recipients\":[\"Các phòng, đơn vị thuộc Sở\"],\"draftingUnit\":\"VP\",\"priority\":\"NORMAL\","
                + "\"secret\":false,\"dueDate\":null}";
    }

    public static TestServer.Response create(TestServer s, String type, byte[] pdf) {
        return s.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "cong-van.pdf", "application/pdf", pdf)
                .field("metadata", metadata(s, type, "V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính năm 2023")));
    }

    public static String signedDraft(TestServer s, String type) {
        String id = create(s, type, DispatchPdf.draft(type)).json().path("id").asText();
        TestServer.Response signed = s.postJson("/api/v1/dispatches/" + id + "/sign", "official",
                Map.of("keyId", "official1", "pin", PIN));
        assertEquals(200, signed.status(), signed.text());
        return id;
    }

    public static TestServer.Response issue(TestServer s, String id) {
        return s.postJson("/api/v1/dispatches/" + id + "/issue", "clerk", Map.of("keyId", "seal", "pin", PIN));
    }

    /** DSS's verdict for each signature, in order. */
    static List<String> dssIndications(byte[] signed) {
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        v.setCertificateVerifier(vn.vanthu.support.DevTrust.verifier(PKI));
        SimpleReport r = v.validateDocument().getSimpleReport();
        List<String> out = new ArrayList<>();
        for (String id : r.getSignatureIdList()) {
            Indication i = r.getIndication(id);
            out.add(i + (i == Indication.TOTAL_PASSED ? "" : "/" + r.getSubIndication(id) + " " + r.getAdESValidationErrors(id)));
        }
        return out;
    }

    /** poppler's pdfsig output. */
    static String pdfsig(byte[] pdf) {
        return vn.vanthu.support.OutsideTools.pdfsig(pdf);
    }
}
