package vn.vanthu.signing.shortcuts;

import eu.europa.esig.dss.xml.utils.DomUtils;

import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Hands {@link SubtreeXPathFactory} to DSS and Santuario without a JVM-wide service file or system property.
 * Both ask {@code XPathFactory.newInstance()}, which looks providers up through the calling thread's context
 * class loader: DSS's {@code DomUtils} once, when its class initialises (it keeps the factory in a private
 * static field), Santuario once per XPath transform. So for exactly those moments the thread's context loader
 * is one that sees a provider entry for the fast factory, and otherwise delegates everything to the loader it
 * replaces. Every other {@code XPathFactory.newInstance()} in the JVM still gets the JDK's factory.
 *
 * <pre>{@code XPathInstall.intoDss(); Reports r = XPathInstall.during(() -> validator.validateDocument(policy));}</pre>
 */
final class XPathInstall {
    private static final String SERVICE = "META-INF/services/" + XPathFactory.class.getName();
    private static final Map<ClassLoader, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private XPathInstall() {}

    /**
     * Initialises DSS's {@code DomUtils} with the fast factory and tells whether DomUtils holds it; false when
     * DomUtils was initialised before (with the JDK's factory) or no longer takes its factory this way.
     */
    static boolean intoDss() {
        during(() -> DomUtils.createXPathExpression("."));
        return inDss();
    }

    /** Whether the XPath expressions DSS compiles come from the fast factory (while the shortcuts are on). */
    static boolean inDss() {
        XPathExpression probe = DomUtils.createXPathExpression(".");
        return probe.getClass().getEnclosingClass() == SubtreeXPathFactory.class;
    }

    /** Runs {@code work} with the fast factory visible to {@code XPathFactory.newInstance()} on this thread. */
    static <T> T during(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader parent = before != null ? before : XPathInstall.class.getClassLoader();
        thread.setContextClassLoader(LOADERS.computeIfAbsent(parent, Provider::new));
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A class loader that adds one provider entry to its parent's: the fast factory, found first. */
    private static final class Provider extends ClassLoader {
        private final URL entry;

        Provider(ClassLoader parent) {
            super(parent);
            byte[] line = (SubtreeXPathFactory.class.getName() + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                entry = new URL(null, "vanthu-shortcuts:" + SERVICE, new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL u) {
                        return new URLConnection(u) {
                            @Override public void connect() { }
                            @Override public InputStream getInputStream() { return new ByteArrayInputStream(line); }
                        };
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException("The provider entry's address is malformed", e);
            }
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!SERVICE.equals(name)) {
                return super.getResources(name);
            }
            List<URL> all = new ArrayList<>();
            all.add(entry);
            all.addAll(Collections.list(super.getResources(name)));
            return Collections.enumeration(all);
        }
    }
}
