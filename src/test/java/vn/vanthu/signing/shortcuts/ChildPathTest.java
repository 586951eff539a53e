package vn.vanthu.signing.shortcuts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Child paths answered by walking the DOM give what the JDK's XPath gives: nodes, order, string and boolean. */
class ChildPathTest {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XML = "<ds:Signature xmlns:ds='" + DS + "'><ds:SignedInfo>"
            + "<ds:Reference URI='a.pdf'><ds:DigestMethod Algorithm='http://www.w3.org/2001/04/xmlenc#sha256'/>"
            + "<ds:DigestValue>AAA=</ds:DigestValue></ds:Reference>"
            + "<ds:Reference URI='b.pdf'><ds:Transforms><ds:Transform Algorithm='x'/></ds:Transforms>"
            + "<ds:DigestMethod/><ds:DigestValue>B<!-- c -->BB=</ds:DigestValue><ds:DigestValue>second</ds:DigestValue></ds:Reference>"
            + "</ds:SignedInfo></ds:Signature>";

    private static final NamespaceContext NS = new NamespaceContext() {
        @Override public String getNamespaceURI(String prefix) { return "ds".equals(prefix) ? DS : XMLConstants.NULL_NS_URI; }
        @Override public String getPrefix(String uri) { return DS.equals(uri) ? "ds" : null; }
        @Override public Iterator<String> getPrefixes(String uri) { return List.of("ds").iterator(); }
    };

    @Test
    void child_paths_give_what_the_jdk_xpath_gives() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)));
        XPath jdk = XPathFactory.newDefaultInstance().newXPath();
        jdk.setNamespaceContext(NS);
        NodeList refs = doc.getElementsByTagNameNS(DS, "Reference");
        for (String expression : List.of("./ds:DigestValue", "./ds:DigestMethod/@Algorithm", "./ds:Transforms",
                "./ds:Transforms/ds:Transform/@Algorithm", "./ds:Missing")) {
            ChildPath path = ChildPath.parse(expression, NS);
            for (int i = 0; i < refs.getLength(); i++) {
                Element ref = (Element) refs.item(i);
                for (QName type : List.of(XPathConstants.STRING, XPathConstants.BOOLEAN, XPathConstants.NODE)) {
                    assertEquals(jdk.evaluate(expression, ref, type), path.evaluate(ref, type), expression + " " + type + " on " + i);
                }
                NodeList expected = (NodeList) jdk.evaluate(expression, ref, XPathConstants.NODESET);
                NodeList actual = (NodeList) path.evaluate(ref, XPathConstants.NODESET);
                assertEquals(expected.getLength(), actual.getLength(), expression);
                for (int k = 0; k < expected.getLength(); k++) {
                    assertSame(expected.item(k), actual.item(k), expression);
                }
            }
        }
    }

    @Test
    void anything_else_is_left_to_xpath() {
        for (String expression : List.of("ds:DigestValue", "./ds:Reference[1]", "../ds:SignedInfo", "//ds:Reference",
                "./*", "./ds:DigestValue/text()", "./unknown:Thing")) {
            assertNull(ChildPath.parse(expression, NS), expression);
        }
        Node text = null;
        assertNull(ChildPath.parse("./ds:DigestValue", NS).evaluate(text, XPathConstants.STRING));
    }
}
