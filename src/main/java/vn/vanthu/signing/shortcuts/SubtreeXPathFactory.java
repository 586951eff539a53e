package vn.vanthu.signing.shortcuts;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import java.util.regex.Pattern;

/**
 * The JDK's XPath, made fast for DSS's XAdES queries on large enveloped documents. {@link Shortcuts#install}
 * hands it to DSS's {@code DomUtils} and {@link Shortcuts#withXPath} to Santuario (see {@link XPathInstall});
 * while the shortcuts are off it hands out the JDK's XPath unchanged.
 *
 * <p>Why: the JDK's XPath numbers the DOM (DOM2DTM) from the document root on EVERY evaluation until it meets
 * the context node. DSS asks dozens of questions relative to the {@code ds:Signature} element, which an
 * enveloped signature puts at the END of the document, so each question walks the whole 1 MB document again
 * (~90 % of XAdES validation time). For expressions that can only look inside the context element (no
 * absolute path, no ancestor/parent/preceding/following axis, no id()), the element is detached from its parent
 * for the evaluation and put back in the same place afterwards: the result nodes are the same DOM nodes, the
 * walk is over the signature only. The whole-document searches DSS and Santuario make for every signature
 * ({@code //ds:Signature[not(parent::…:CounterSignature)]}, the XPath-2 filter {@code /descendant::ds:Signature})
 * are answered by a plain DOM traversal ({@link DescendantSearch}), and simple child paths such as
 * {@code ./ds:DigestMethod/@Algorithm}, asked for every reference, by walking children ({@link ChildPath}).
 * Everything else goes to the JDK's XPath unchanged.
 *
 * <pre>{@code XPath xpath = new SubtreeXPathFactory().newXPath();   // the JDK's XPath, faster on a subtree}</pre>
 */
public final class SubtreeXPathFactory extends XPathFactory {
    /** Anything that may leave the context subtree keeps the plain evaluation. */
    private static final Pattern LEAVES_SUBTREE = Pattern.compile(
            "(^\\s*/)|([\\[(|,=!<>+*\\s]/)|\\.\\.|ancestor|parent::|preceding|following|\\bid\\s*\\(|root\\s*\\(|here\\s*\\(|\\$");

    private final XPathFactory jdk = XPathFactory.newDefaultInstance();

    @Override
    public boolean isObjectModelSupported(String model) {
        return jdk.isObjectModelSupported(model);
    }

    @Override
    public void setFeature(String name, boolean value) throws XPathFactoryConfigurationException {
        jdk.setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) throws XPathFactoryConfigurationException {
        return jdk.getFeature(name);
    }

    @Override
    public void setXPathVariableResolver(XPathVariableResolver resolver) {
        jdk.setXPathVariableResolver(resolver);
    }

    @Override
    public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
        jdk.setXPathFunctionResolver(resolver);
    }

    @Override
    public XPath newXPath() {
        return Shortcuts.enabled() ? new SubtreeXPath(jdk.newXPath()) : jdk.newXPath();
    }

    static boolean staysInSubtree(String expression) {
        return !LEAVES_SUBTREE.matcher(expression).find();
    }

    /** Evaluates {@code eval} with {@code item} detached from its parent when that is safe. */
    static Object onSubtree(Object item, boolean safe, Evaluation eval) throws XPathExpressionException {
        if (!safe || !(item instanceof Element el) || el.getParentNode() == null) {
            return eval.on(item);
        }
        Node parent = el.getParentNode();
        Node next = el.getNextSibling();
        synchronized (el.getOwnerDocument()) {
            parent.removeChild(el);
            try {
                return eval.on(el);
            } finally {
                parent.insertBefore(el, next);
            }
        }
    }

    interface Evaluation {
        Object on(Object item) throws XPathExpressionException;
    }

    private static final class SubtreeExpression implements XPathExpression {
        private final XPathExpression jdk;
        private final boolean safe;

        SubtreeExpression(XPathExpression jdk, boolean safe) {
            this.jdk = jdk;
            this.safe = safe;
        }

        @Override
        public Object evaluate(Object item, QName returnType) throws XPathExpressionException {
            return onSubtree(item, safe, i -> jdk.evaluate(i, returnType));
        }

        @Override
        public String evaluate(Object item) throws XPathExpressionException {
            return (String) onSubtree(item, safe, jdk::evaluate);
        }

        @Override
        public Object evaluate(InputSource source, QName returnType) throws XPathExpressionException {
            return jdk.evaluate(source, returnType);
        }

        @Override
        public String evaluate(InputSource source) throws XPathExpressionException {
            return jdk.evaluate(source);
        }
    }

    /** A child path answered by walking children, for the result types it knows; the subtree evaluation otherwise. */
    private static final class ChildPathExpression implements XPathExpression {
        private final XPathExpression fallback;
        private final ChildPath path;

        ChildPathExpression(XPathExpression fallback, ChildPath path) {
            this.fallback = fallback;
            this.path = path;
        }

        @Override
        public Object evaluate(Object item, QName returnType) throws XPathExpressionException {
            Object result = path.evaluate(item, returnType);
            return result != null || XPathConstants.NODE.equals(returnType) && item instanceof Element
                    ? result : fallback.evaluate(item, returnType);
        }

        @Override
        public String evaluate(Object item) throws XPathExpressionException {
            Object result = path.evaluate(item, XPathConstants.STRING);
            return result != null ? (String) result : fallback.evaluate(item);
        }

        @Override public Object evaluate(InputSource s, QName t) throws XPathExpressionException { return fallback.evaluate(s, t); }
        @Override public String evaluate(InputSource s) throws XPathExpressionException { return fallback.evaluate(s); }
    }

    /** A whole-document element search answered by DOM traversal when a node set is asked for. */
    private static final class SearchExpression implements XPathExpression {
        private final XPathExpression jdk;
        private final DescendantSearch search;

        SearchExpression(XPathExpression jdk, DescendantSearch search) {
            this.jdk = jdk;
            this.search = search;
        }

        @Override
        public Object evaluate(Object item, QName returnType) throws XPathExpressionException {
            if (XPathConstants.NODESET.equals(returnType) && item instanceof Node node) {
                org.w3c.dom.NodeList found = search.find(node);
                if (found != null) {
                    return found;
                }
            }
            return jdk.evaluate(item, returnType);
        }

        @Override public String evaluate(Object item) throws XPathExpressionException { return jdk.evaluate(item); }
        @Override public Object evaluate(InputSource s, QName t) throws XPathExpressionException { return jdk.evaluate(s, t); }
        @Override public String evaluate(InputSource s) throws XPathExpressionException { return jdk.evaluate(s); }
    }

    private static final class SubtreeXPath implements XPath {
        private final XPath jdk;

        SubtreeXPath(XPath jdk) {
            this.jdk = jdk;
        }

        @Override public void reset() { jdk.reset(); }
        @Override public void setXPathVariableResolver(XPathVariableResolver r) { jdk.setXPathVariableResolver(r); }
        @Override public XPathVariableResolver getXPathVariableResolver() { return jdk.getXPathVariableResolver(); }
        @Override public void setXPathFunctionResolver(XPathFunctionResolver r) { jdk.setXPathFunctionResolver(r); }
        @Override public XPathFunctionResolver getXPathFunctionResolver() { return jdk.getXPathFunctionResolver(); }
        @Override public void setNamespaceContext(NamespaceContext c) { jdk.setNamespaceContext(c); }
        @Override public NamespaceContext getNamespaceContext() { return jdk.getNamespaceContext(); }

        @Override
        public XPathExpression compile(String expression) throws XPathExpressionException {
            XPathExpression compiled = jdk.compile(expression);
            DescendantSearch search = DescendantSearch.parse(expression, jdk.getNamespaceContext());
            if (search != null) {
                return new SearchExpression(compiled, search);
            }
            ChildPath path = ChildPath.parse(expression, jdk.getNamespaceContext());
            XPathExpression subtree = new SubtreeExpression(compiled, staysInSubtree(expression));
            return path == null ? subtree : new ChildPathExpression(subtree, path);
        }

        @Override
        public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
            return compile(expression).evaluate(item, returnType);
        }

        @Override
        public String evaluate(String expression, Object item) throws XPathExpressionException {
            return compile(expression).evaluate(item);
        }

        @Override
        public Object evaluate(String expression, InputSource source, QName returnType) throws XPathExpressionException {
            return jdk.evaluate(expression, source, returnType);
        }

        @Override
        public String evaluate(String expression, InputSource source) throws XPathExpressionException {
            return jdk.evaluate(expression, source);
        }
    }
}
