package vn.vanthu.dispatch;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.vanthu.config.AppConfig;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;

/**
 * An issued dispatch as an edXML message (QCVN 102:2016/BTTTT): {@code edXML/edXMLEnvelope/{edXMLHeader,
 * edXMLBody}} with the MessageHeader fields, the manifest of attachments, and the PDF and appendices in base64
 * under {@code AttachmentEncoded}. Unsigned here; {@link Issuing} seals it with an enveloped XML signature.
 *
 * <pre>{@code byte[] xml = EdXml.message(dispatch, agency, List.of(new EdXml.File("cv.pdf", pdfBytes)));}</pre>
 */
final class EdXml {
    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    /** A file carried by the message. */
    record File(String name, byte[] bytes) {}

    private EdXml() {}

    static byte[] message(Dispatch d, AppConfig.Agency agency, List<File> files) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = f.newDocumentBuilder().newDocument();
            Element root = el(doc, doc, "edXML");
            Element envelope = el(doc, root, "edXMLEnvelope");
            Element header = el(doc, el(doc, envelope, "edXMLHeader"), "MessageHeader");
            Element from = el(doc, header, "From");
            text(doc, from, "OrganId", agency.organId());
            text(doc, from, "OrganName", agency.name());
            for (String r : d.recipients()) {
                Element to = el(doc, header, "To");
                text(doc, to, "OrganId", "");
                text(doc, to, "OrganName", r);
            }
            Dispatch.Issued i = d.issued();
            text(doc, header, "DocumentId", i.documentId());
            Element code = el(doc, header, "Code");
            text(doc, code, "CodeNumber", i.codeNumber());
            text(doc, code, "CodeNotation", i.codeNotation());
            Element promulgation = el(doc, header, "PromulgationInfo");
            text(doc, promulgation, "Place", agency.name());
            text(doc, promulgation, "PromulgationDate", i.issuedDate());
            Element type = el(doc, header, "DocumentType");
            text(doc, type, "Type", d.type().code());
            text(doc, type, "TypeName", d.type().vietnameseName());
            text(doc, header, "Subject", d.subject());
            Element signer = el(doc, header, "SignerInfo");
            text(doc, signer, "Position", d.signerPosition());
            text(doc, signer, "FullName", d.signerName());
            text(doc, header, "DueDate", d.dueDate() == null ? "" : d.dueDate());
            Element other = el(doc, header, "OtherInfo");
            text(doc, other, "Priority", d.priority());
            text(doc, other, "SphereOfPromulgation", d.secret() ? "Mật" : "");
            text(doc, other, "PageAmount", String.valueOf(d.pageAmount()));
            Element manifest = el(doc, el(doc, envelope, "edXMLBody"), "edXMLManifest");
            Element encoded = el(doc, root, "AttachmentEncoded");
            int n = 0;
            for (File file : files) {
                String id = "attachment-" + (++n);
                Element ref = el(doc, manifest, "Reference");
                text(doc, ref, "ContentId", id);
                text(doc, ref, "AttachmentName", file.name());
                text(doc, ref, "ContentType", "application/pdf");
                Element a = el(doc, encoded, "Attachment");
                text(doc, a, "ContentId", id);
                text(doc, a, "AttachmentName", file.name());
                text(doc, a, "ContentType", "application/pdf");
                text(doc, a, "Value", Base64.getEncoder().encodeToString(file.bytes()));
            }
            return serialise(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("Cannot build the edXML message", e);
        }
    }

    private static Element el(Document doc, org.w3c.dom.Node parent, String name) {
        Element e = doc.createElementNS(NS, "edXML:" + name);
        parent.appendChild(e);
        return e;
    }

    private static void text(Document doc, Element parent, String name, String value) {
        el(doc, parent, name).setTextContent(value);
    }

    private static byte[] serialise(Document doc) throws TransformerException {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Transformer t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
