package vn.vanthu.dossier;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small indenting XML writer over StAX for the package's metadata files: {@code open}/{@code close} elements,
 * {@code leaf} for a text element (skipped when the value is null), {@code attr} for attributes.
 */
final class XmlOut {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final XMLStreamWriter w;
    private final String ns;
    private int depth;
    private boolean hadChild;

    XmlOut(String namespace, String root, String... prefixedNamespaces) {
        this.ns = namespace;
        try {
            w = FACTORY.createXMLStreamWriter(buffer, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement(root);
            w.writeDefaultNamespace(namespace);
            for (int i = 0; i + 1 < prefixedNamespaces.length; i += 2) {
                w.writeNamespace(prefixedNamespaces[i], prefixedNamespaces[i + 1]);
            }
            depth = 1;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut open(String name) {
        try {
            indent();
            w.writeStartElement(ns, name);
            depth++;
            hadChild = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attr(String name, Object value) {
        try {
            if (value != null) {
                w.writeAttribute(name, String.valueOf(value));
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute in another namespace (xlink:href, csip:…). */
    XmlOut attr(String prefix, String namespace, String name, Object value) {
        try {
            if (value != null) {
                w.writeAttribute(prefix, namespace, name, String.valueOf(value));
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut close() {
        try {
            depth--;
            if (hadChild) {
                indent();
            }
            w.writeEndElement();
            hadChild = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut leaf(String name, Object value) {
        if (value == null) {
            return this;
        }
        try {
            indent();
            w.writeStartElement(ns, name);
            w.writeCharacters(clean(String.valueOf(value)));
            w.writeEndElement();
            hadChild = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] finish() {
        try {
            while (depth > 0) {
                close();
            }
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            return buffer.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        hadChild = true;
    }

    /** XML 1.0 cannot carry most control characters: they are dropped. */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
