package vn.vanthu.exchange;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.vanthu.dispatch.EdXmlDom;
import vn.vanthu.error.ApiException;
import vn.vanthu.limits.XmlDepth;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * An edXML message as the inbox reads it before anything is kept: well-formed, no DOCTYPE (so no entity at all),
 * bounded nesting, the QCVN 102:2016 namespace, and either a document (a MessageHeader whose DocumentId is its
 * sender's, whose manifest names exactly the attachments carried, each base64) or a status (ResponseFor, From,
 * StatusCode, Description, Timestamp). Each refusal is a 422 naming what is wrong.
 *
 * <pre>{@code InboxMessage m = InboxMessage.read(bytes);  if (m.isStatus()) { m.statusCode(); } else { m.toOrganIds(); }}</pre>
 */
record InboxMessage(Document dom, String fromOrganId, String documentId, List<String> toOrganIds,
                    String statusCode, String responseForOrganId, String description, String timestamp) {
    static final String NS = EdXmlDom.NS;
    static final Set<String> STATUS_CODES = Set.of("01", "02", "03", "04", "05", "06", "13", "15", "16");

    boolean isStatus() {
        return statusCode != null;
    }

    static InboxMessage read(byte[] xml) {
        if (XmlDepth.of(xml, XmlDepth.LIMIT) > XmlDepth.LIMIT) {
            throw refused("INVALID_EDXML", "The message nests deeper than " + XmlDepth.LIMIT + " levels");
        }
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"edXML".equals(root.getLocalName())) {
            throw refused("WRONG_NAMESPACE", "The root must be edXML in the namespace " + NS);
        }
        Element header = path(root, "edXMLEnvelope", "edXMLHeader");
        if (header == null) {
            throw refused("INVALID_EDXML", "The message has no edXMLEnvelope/edXMLHeader");
        }
        Element message = child(header, "MessageHeader");
        Element status = child(header, "Status");
        if ((message == null) == (status == null)) {
            throw refused("INVALID_EDXML", "The header holds neither one MessageHeader nor one Status");
        }
        return message != null ? document(doc, root, message) : status(doc, status);
    }

    private static InboxMessage document(Document doc, Element root, Element h) {
        String from = required(path(h, "From", "OrganId"), "From/OrganId", 50);
        String documentId = required(child(h, "DocumentId"), "DocumentId", 200);
        if (!documentId.startsWith(from + ",")) {
            throw refused("HEADER_MISMATCH", "DocumentId " + documentId + " is not one of the sender " + from);
        }
        List<String> to = new ArrayList<>();
        for (Element t : children(h, "To")) {
            Element id = child(t, "OrganId");
            if (id != null && !id.getTextContent().isBlank()) {
                to.add(id.getTextContent().strip());
            }
        }
        List<String> manifest = new ArrayList<>();
        Element m = path(root, "edXMLEnvelope", "edXMLBody", "edXMLManifest");
        for (Element ref : m == null ? List.<Element>of() : children(m, "Reference")) {
            manifest.add(text(ref, "ContentId") + "|" + text(ref, "AttachmentName"));
        }
        List<String> carried = new ArrayList<>();
        Element encoded = child(root, "AttachmentEncoded");
        for (Element a : encoded == null ? List.<Element>of() : children(encoded, "Attachment")) {
            carried.add(text(a, "ContentId") + "|" + text(a, "AttachmentName"));
            try {
                if (Base64.getMimeDecoder().decode(text(a, "Value")).length == 0) {
                    throw refused("INVALID_ATTACHMENT", "Attachment " + text(a, "ContentId") + " is empty");
                }
            } catch (IllegalArgumentException e) {
                throw refused("INVALID_ATTACHMENT", "Attachment " + text(a, "ContentId") + " is not base64");
            }
        }
        if (carried.isEmpty() || !manifest.equals(carried)) {
            throw refused("HEADER_MISMATCH", "The manifest names " + manifest.size() + " attachments, the message carries "
                    + carried.size() + " or others");
        }
        return new InboxMessage(doc, from, documentId, List.copyOf(to), null, null, null, null);
    }

    private static InboxMessage status(Document doc, Element s) {
        String code = required(child(s, "StatusCode"), "StatusCode", 2);
        if (!STATUS_CODES.contains(code)) {
            throw refused("INVALID_STATUS", "StatusCode " + code + " is not one of " + STATUS_CODES);
        }
        return new InboxMessage(doc, required(path(s, "From", "OrganId"), "From/OrganId", 50),
                required(path(s, "ResponseFor", "DocumentId"), "ResponseFor/DocumentId", 200), List.of(), code,
                required(path(s, "ResponseFor", "OrganId"), "ResponseFor/OrganId", 50),
                optional(child(s, "Description"), 2000), required(child(s, "Timestamp"), "Timestamp", 40));
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw refused(m.contains("DOCTYPE") ? "DTD_REFUSED" : "INVALID_EDXML", m.contains("DOCTYPE")
                    ? "The message holds a DOCTYPE (entities and DTDs are refused)" : "The message is not well-formed XML");
        } catch (ParserConfigurationException | IOException e) {
            throw refused("INVALID_EDXML", "The message cannot be read as XML");
        }
    }

    static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            e = e == null ? null : child(e, n);
        }
        return e;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static String required(Element e, String name, int max) {
        String v = e == null ? "" : e.getTextContent().strip();
        if (v.isEmpty() || v.length() > max) {
            throw refused("INVALID_EDXML", name + " is missing or longer than " + max + " characters");
        }
        return v;
    }

    private static String optional(Element e, int max) {
        String v = e == null ? "" : e.getTextContent().strip();
        return v.isEmpty() ? null : v.length() > max ? v.substring(0, max) : v;
    }

    static ApiException refused(String code, String message) {
        return ApiException.unprocessable(code, message, "body");
    }
}
