package vn.vanthu.signing.shortcuts;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPathConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ./p:A/p:B} and {@code ./p:A/@Name} — a path of prefixed child elements from the context element,
 * optionally ending in an unprefixed attribute — answered by walking the element's children, with the nodes,
 * order and string values XPath 1.0 gives. DSS asks such questions for every {@code ds:Reference} of a
 * signature ({@code ./ds:DigestValue}, {@code ./ds:DigestMethod/@Algorithm}, {@code ./ds:Transforms}); the
 * JDK's XPath builds a DTM for each, which makes a signature over a thousand files slow.
 *
 * <pre>{@code ChildPath.parse("./ds:DigestValue", ns).evaluate(reference, XPathConstants.STRING)}</pre>
 */
final class ChildPath {
    private static final String NAME = "[A-Za-z_][\\w.-]*";
    private static final Pattern FORM = Pattern.compile("^\\./" + NAME + ":" + NAME + "(/" + NAME + ":" + NAME + ")*(/@" + NAME + ")?$");

    private final String[] namespaces;
    private final String[] localNames;
    private final String attribute;

    private ChildPath(String[] namespaces, String[] localNames, String attribute) {
        this.namespaces = namespaces;
        this.localNames = localNames;
        this.attribute = attribute;
    }

    /** The path an expression stands for, or null when it is anything else or a prefix is unknown. */
    static ChildPath parse(String expression, NamespaceContext ns) {
        if (ns == null || !FORM.matcher(expression).matches()) {
            return null;
        }
        String[] steps = expression.substring(2).split("/");
        String attribute = steps[steps.length - 1].startsWith("@") ? steps[steps.length - 1].substring(1) : null;
        int elements = attribute == null ? steps.length : steps.length - 1;
        String[] uris = new String[elements];
        String[] names = new String[elements];
        for (int i = 0; i < elements; i++) {
            int colon = steps[i].indexOf(':');
            uris[i] = ns.getNamespaceURI(steps[i].substring(0, colon));
            if (uris[i] == null || uris[i].isEmpty()) {
                return null;
            }
            names[i] = steps[i].substring(colon + 1);
        }
        return new ChildPath(uris, names, attribute);
    }

    /** The result for NODESET, NODE, STRING and BOOLEAN; null for other types or a context that is not an element. */
    Object evaluate(Object item, QName returnType) {
        if (!(item instanceof Element context)) {
            return null;
        }
        List<Node> nodes = select(context);
        if (XPathConstants.NODESET.equals(returnType)) {
            return new NodesOf(nodes);
        }
        if (XPathConstants.NODE.equals(returnType)) {
            return nodes.isEmpty() ? null : nodes.get(0);
        }
        if (XPathConstants.STRING.equals(returnType)) {
            return nodes.isEmpty() ? "" : nodes.get(0).getTextContent();
        }
        if (XPathConstants.BOOLEAN.equals(returnType)) {
            return !nodes.isEmpty();
        }
        return null;
    }

    private List<Node> select(Element context) {
        List<Element> current = List.of(context);
        for (int i = 0; i < localNames.length; i++) {
            List<Element> next = new ArrayList<>();
            for (Element e : current) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element child && localNames[i].equals(child.getLocalName())
                            && namespaces[i].equals(child.getNamespaceURI())) {
                        next.add(child);
                    }
                }
            }
            current = next;
        }
        List<Node> out = new ArrayList<>();
        for (Element e : current) {
            if (attribute == null) {
                out.add(e);
            } else {
                Attr a = e.getAttributeNode(attribute);
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
