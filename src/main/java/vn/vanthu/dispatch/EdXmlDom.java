package vn.vanthu.dispatch;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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

/**
 * Writing an edXML message (QCVN 102:2016/BTTTT): a new document, its {@code edXML:} elements, its UTF-8 bytes.
 * The dispatches' messages and the exchange's status messages are both written with it.
 *
 * <pre>{@code Document doc = EdXmlDom.newDocument(); Element root = EdXmlDom.el(doc, doc, "edXML"); byte[] xml = EdXmlDom.bytes(doc);}</pre>
 */
public final class EdXmlDom {
    /** The namespace of QCVN 102's elements. */
    public static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    private EdXmlDom() {}

    public static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("Cannot build an edXML message", e);
        }
    }

    /** A new element {@code edXML:name}, appended to {@code parent} (the document itself for the root). */
    public static Element el(Document doc, Node parent, String name) {
        Element e = doc.createElementNS(NS, "edXML:" + name);
        parent.appendChild(e);
        return e;
    }

    /** A new element holding {@code value} as its text. */
    public static void text(Document doc, Element parent, String name, String value) {
        el(doc, parent, name).setTextContent(value);
    }

    public static byte[] bytes(Document doc) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot write an edXML message", e);
        }
    }
}
