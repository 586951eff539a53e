package vn.vanthu.validation;

import vn.vanthu.error.ApiException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two lists a package's integrity check compares files with, read as streams: METS.xml's SHA-256 checksums
 * and the digests of the seal's references. Streaming keeps memory flat however large METS.xml is (a DOM of a
 * 64 MB METS.xml took gigabytes) and has no recursion a deep document could overflow. DTDs are refused.
 *
 * <pre>{@code Map<String, String> listed = PackageXml.metsChecksums(in);   // href → hex SHA-256}</pre>
 */
final class PackageXml {
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final XMLInputFactory STAX = XMLInputFactory.newFactory();

    static {
        STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        STAX.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        STAX.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    }

    private PackageXml() {}

    /** One element with a SHA-256 checksum, waiting for its file's location. */
    private static final class Listed {
        final String checksum;
        final int depth;
        String href;

        Listed(String checksum, int depth, String href) {
            this.checksum = checksum;
            this.depth = depth;
            this.href = href;
        }
    }

    /** href → SHA-256 (hex) of every file METS.xml lists with a SHA-256 checksum (own xlink:href or first FLocat). */
    static Map<String, String> metsChecksums(InputStream in, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        Deque<Listed> open = new ArrayDeque<>();
        read(in, name, (r, event, depth) -> {
            if (event == XMLStreamConstants.START_ELEMENT) {
                String checksum = r.getAttributeValue(null, "CHECKSUM");
                if (checksum != null && "SHA-256".equals(r.getAttributeValue(null, "CHECKSUMTYPE"))) {
                    String href = r.getAttributeValue(XLINK, "href");
                    open.push(new Listed(checksum, depth, href == null ? "" : href));
                } else if ("FLocat".equals(r.getLocalName())) {
                    String href = r.getAttributeValue(XLINK, "href");
                    open.forEach(l -> l.href = l.href.isEmpty() && href != null ? href : l.href);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && !open.isEmpty() && open.peek().depth == depth) {
                Listed l = open.pop();
                if (!l.href.isEmpty()) {
                    out.put(l.href, l.checksum);
                }
            }
        });
        return out;
    }

    /** path → SHA-256 (hex) of every file the seal references with SHA-256 (URIs other than same-document ones). */
    static Map<String, String> sealDigests(InputStream in, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] ref = new String[3];   // URI, digest algorithm, digest value of the open ds:Reference
        read(in, name, (r, event, depth) -> {
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT
                    || !DSIG.equals(r.getNamespaceURI())) {
                return;
            }
            String local = r.getLocalName();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("Reference".equals(local)) {
                    ref[0] = r.getAttributeValue(null, "URI");
                    ref[1] = null;
                    ref[2] = null;
                } else if ("DigestMethod".equals(local) && ref[1] == null) {
                    ref[1] = r.getAttributeValue(null, "Algorithm");
                } else if ("DigestValue".equals(local) && ref[2] == null) {
                    ref[2] = r.getElementText();
                }
            } else if ("Reference".equals(local)) {
                String uri = ref[0];
                if (uri != null && !uri.isEmpty() && !uri.startsWith("#") && ref[1] != null && ref[2] != null
                        && ref[1].endsWith("#sha256")) {
                    out.put(decode(uri), digest(ref[2]));
                }
                ref[0] = null;
            }
        });
        return out;
    }

    private static String decode(String uri) {
        try {
            return URLDecoder.decode(uri, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused("the seal references the file '" + uri.substring(0, Math.min(uri.length(), 100)) + "', which is not a valid URI");
        }
    }

    private static String digest(String base64) {
        try {
            return HexFormat.of().formatHex(Base64.getMimeDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw refused("a digest value of the seal is not Base64");
        }
    }

    /** What is done with each event; {@code depth}: the element's nesting level (1 = the root). */
    private interface Handler {
        void on(XMLStreamReader r, int event, int depth) throws XMLStreamException;
    }

    private static void read(InputStream in, String name, Handler handler) {
        try {
            XMLStreamReader r = STAX.createXMLStreamReader(in);
            try {
                int depth = 0;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw refused(name + " declares a DOCTYPE or entities");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                    }
                    handler.on(r, event, depth);
                    if (event == XMLStreamConstants.END_ELEMENT || r.getEventType() == XMLStreamConstants.END_ELEMENT
                            && event == XMLStreamConstants.START_ELEMENT) {
                        depth--;   // getElementText() moved the reader to the element's end
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw ApiException.unprocessable("UNSUPPORTED_DOCUMENT", "The package's " + name + " is not well-formed XML", "file");
        }
    }

    private static ApiException refused(String why) {
        return ApiException.unprocessable("ARCHIVE_REFUSED", "The package is refused: " + why, "file");
    }
}
