package vn.vanthu.exchange;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.signing.Level;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SigningService;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;

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
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = f.newDocumentBuilder().newDocument();
            Element root = el(doc, null, "edXML");
            Element envelope = el(doc, root, "edXMLEnvelope");
            Element status = el(doc, el(doc, envelope, "edXMLHeader"), "Status");
            Element rf = el(doc, status, "ResponseFor");
            el(doc, rf, "OrganId").setTextContent(responseForOrganId);
            el(doc, rf, "DocumentId").setTextContent(documentId);
            Element from = el(doc, status, "From");
            el(doc, from, "OrganId").setTextContent(agency.organId());
            el(doc, from, "OrganName").setTextContent(agency.name());
            el(doc, status, "StatusCode").setTextContent(code);
            el(doc, status, "Description").setTextContent(description == null ? "" : description);
            el(doc, status, "Timestamp").setTextContent(at.toString());
            el(doc, envelope, "edXMLBody");
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.parsers.ParserConfigurationException | javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("Cannot build the status message", e);
        }
    }

    private static Element el(Document doc, Element parent, String name) {
        Element e = doc.createElementNS(InboxMessage.NS, "edXML:" + name);
        if (parent == null) {
            doc.appendChild(e);
        } else {
            parent.appendChild(e);
        }
        return e;
    }
}
