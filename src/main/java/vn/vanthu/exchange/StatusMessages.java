package vn.vanthu.exchange;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.vanthu.config.AppConfig;
import vn.vanthu.dispatch.EdXmlDom;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.signing.Level;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SigningService;

import java.time.OffsetDateTime;

import static vn.vanthu.dispatch.EdXmlDom.el;
import static vn.vanthu.dispatch.EdXmlDom.text;

/**
 * A status message (exchange codes 02-06, 13, 15, 16) as an edXML envelope whose header holds {@code Status}:
 * ResponseFor (OrganId and DocumentId of the document it is about), From (this agency), StatusCode, Description
 * and Timestamp; sealed like a document (enveloped XML signature with the agency seal the service holds).
 *
 * <pre>{@code byte[] xml = statusMessages.sealed("000.00.12.H56", documentId, "03", "Đã vào sổ", at);}</pre>
 */
final class StatusMessages {
    private final AppConfig.Agency agency;
    private final SigningService signing;
    private final ServiceSeal seal;

    StatusMessages(AppConfig.Agency agency, SigningService signing, ServiceSeal seal) {
        this.agency = agency;
        this.signing = signing;
        this.seal = seal;
    }

    /** {@code responseForOrganId}: the organ that issued the document the status is about. */
    byte[] sealed(String responseForOrganId, String documentId, String code, String description, OffsetDateTime at) {
        if (!seal.configured()) {
            throw ApiException.conflict("NO_SEAL", "Status messages are sealed with the agency seal (report.seal.keystore), which is not configured");
        }
        return signing.sign(SignRequest.xadesEnveloped(SignDocument.of(xml(responseForOrganId, documentId, code,
                description, at), "status.xml")).level(Level.B), seal.key()).bytes();
    }

    byte[] xml(String responseForOrganId, String documentId, String code, String description, OffsetDateTime at) {
        Document doc = EdXmlDom.newDocument();
        Element root = el(doc, doc, "edXML");
        Element envelope = el(doc, root, "edXMLEnvelope");
        Element status = el(doc, el(doc, envelope, "edXMLHeader"), "Status");
        Element rf = el(doc, status, "ResponseFor");
        text(doc, rf, "OrganId", responseForOrganId);
        text(doc, rf, "DocumentId", documentId);
        Element from = el(doc, status, "From");
        text(doc, from, "OrganId", agency.organId());
        text(doc, from, "OrganName", agency.name());
        text(doc, status, "StatusCode", code);
        text(doc, status, "Description", description == null ? "" : description);
        text(doc, status, "Timestamp", at.toString());
        el(doc, envelope, "edXMLBody");
        return EdXmlDom.bytes(doc);
    }
}
