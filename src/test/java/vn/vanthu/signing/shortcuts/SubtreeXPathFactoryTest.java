package vn.vanthu.signing.shortcuts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast XPath answers exactly what the JDK's XPath answers, with the same nodes, and leaves the DOM as it was. */
class SubtreeXPathFactoryTest {
    static final String XML = "<root xmlns:ds='http://www.w3.org/2000/09/xmldsig#' xmlns:x='urn:x'>"
            + "<rec>1</rec><ds:Signature Id='a'><ds:SignedInfo><ds:SignatureMethod Algorithm='rsa'/></ds:SignedInfo>"
            + "<ds:Object><x:CounterSignature><ds:Signature Id='c'/></x:CounterSignature></ds:Object></ds:Signature>"
            + "<rec>2</rec><ds:Signature Id='b'/></root>";

    static final NamespaceContext NS = new NamespaceContext() {
        @Override public String getNamespaceURI(String p) {
            return switch (p) { case "ds" -> "http://www.w3.org/2000/09/xmldsig#"; case "x" -> "urn:x"; default -> null; };
        }
        @Override public String getPrefix(String uri) { return null; }
        @Override public Iterator<String> getPrefixes(String uri) { return null; }
    };

    @Test
    void dss_asks_its_xpath_questions_through_the_fast_factory_only_while_the_shortcuts_are_on() {
        try {
            Shortcuts.install(true);
            assertTrue(Shortcuts.xpathInDss(), "DSS's DomUtils must take its factory from XPathFactory.newInstance()");
            assertFalse(XPathFactory.newInstance() instanceof SubtreeXPathFactory, "the JVM's default stays the JDK's");
            assertInstanceOf(SubtreeXPathFactory.class, Shortcuts.withXPath(XPathFactory::newInstance), "Santuario's way");
            Shortcuts.install(false);
            assertFalse(Shortcuts.xpathInDss());
            assertFalse(Shortcuts.withXPath(XPathFactory::newInstance).newXPath().getClass().getName().startsWith("vn."));
        } finally {
            Shortcuts.install(true);
        }
    }

    @Test
    void relative_and_whole_document_queries_return_the_same_nodes_as_the_jdk() throws Exception {
        Shortcuts.install(true);   // off, newXPath() would be the JDK's own
        Document doc = parse();
        Element sig = (Element) doc.getDocumentElement().getElementsByTagNameNS("*", "Signature").item(0);
        String before = serialize(doc);
        for (String expr : List.of("./ds:SignedInfo/ds:SignatureMethod/@Algorithm", ".//ds:Signature", "ds:Object",
                "//ds:Signature", "/descendant::ds:Signature", "//ds:Signature[not(parent::x:CounterSignature)]",
                "ancestor::root/rec", "../rec", "count(//rec)")) {
            Object context = expr.startsWith("/") && expr.contains("descendant") ? doc : sig;
            assertEquals(nodes(XPathFactory.newDefaultInstance().newXPath(), expr, context),
                    nodes(new SubtreeXPathFactory().newXPath(), expr, context), expr);
        }
        assertEquals(before, serialize(doc), "the document is unchanged");
        assertSame(doc.getDocumentElement(), sig.getParentNode());
    }

    private static List<Object> nodes(XPath xpath, String expr, Object context) throws Exception {
        xpath.setNamespaceContext(NS);
        if (expr.startsWith("count")) {
            return List.of(xpath.compile(expr).evaluate(context, XPathConstants.NUMBER));
        }
        NodeList list = (NodeList) xpath.compile(expr).evaluate(context, XPathConstants.NODESET);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Node n = list.item(i);
            out.add(n);
        }
        return out;
    }

    private static Document parse() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)));
    }

    private static String serialize(Document doc) throws Exception {
        var out = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer()
                .transform(new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }
}
