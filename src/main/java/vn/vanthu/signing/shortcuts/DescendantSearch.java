package vn.vanthu.signing.shortcuts;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.namespace.NamespaceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code //p:Name}, {@code /descendant::p:Name} and {@code //p:Name[not(parent::q:Other)]} over a whole
 * document, answered by walking the DOM (document order, same nodes as XPath would return) instead of
 * building the JDK XPath's DTM over the document for every call.
 *
 * <pre>{@code NodeList signatures = DescendantSearch.parse("//ds:Signature", ns).find(document);}</pre>
 */
final class DescendantSearch {
    private static final String NAME = "([A-Za-z_][\\w.-]*)";
    private static final Pattern FORM = Pattern.compile("^\\s*(?://|/descendant::)" + NAME + ":" + NAME
            + "\\s*(?:\\[\\s*not\\(\\s*parent::" + NAME + ":" + NAME + "\\s*\\)\\s*\\])?\\s*$");

    private final String namespace;
    private final String localName;
    private final String parentNamespace;
    private final String parentLocalName;

    private DescendantSearch(String namespace, String localName, String parentNamespace, String parentLocalName) {
        this.namespace = namespace;
        this.localName = localName;
        this.parentNamespace = parentNamespace;
        this.parentLocalName = parentLocalName;
    }

    /** The search an expression stands for, or null when it is anything else or a prefix is unknown. */
    static DescendantSearch parse(String expression, NamespaceContext ns) {
        Matcher m = FORM.matcher(expression);
        if (!m.matches() || ns == null) {
            return null;
        }
        String uri = uri(ns, m.group(1));
        if (uri == null) {
            return null;
        }
        if (m.group(3) == null) {
            return new DescendantSearch(uri, m.group(2), null, null);
        }
        String parentUri = uri(ns, m.group(3));
        return parentUri == null ? null : new DescendantSearch(uri, m.group(2), parentUri, m.group(4));
    }

    private static String uri(NamespaceContext ns, String prefix) {
        String uri = ns.getNamespaceURI(prefix);
        return uri == null || uri.isEmpty() ? null : uri;
    }

    /** The matching elements of the context node's document, or null when the context is not in a document. */
    NodeList find(Node context) {
        Node root = context;
        while (root.getParentNode() != null) {
            root = root.getParentNode();
        }
        if (!(root instanceof Document doc)) {
            return null;
        }
        NodeList all = doc.getElementsByTagNameNS(namespace, localName);
        List<Node> out = new ArrayList<>(all.getLength());
        for (int i = 0; i < all.getLength(); i++) {
            Node n = all.item(i);
            if (parentLocalName == null || !isParentExcluded(n)) {
                out.add(n);
            }
        }
        return new NodesOf(out);
    }

    private boolean isParentExcluded(Node n) {
        return n.getParentNode() instanceof Element p && parentLocalName.equals(p.getLocalName())
                && parentNamespace.equals(p.getNamespaceURI());
    }
}
