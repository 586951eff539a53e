package vn.vanthu.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import vn.vanthu.error.ApiException;
import vn.vanthu.limits.DerDepth;
import vn.vanthu.limits.InputLimits;
import vn.vanthu.limits.XmlDepth;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses what must never reach DSS: a "PDF" without a PDF header, and XML that carries a DOCTYPE (entity
 * expansion, external entities). The XML check streams the document with DTDs and external entities off and
 * stops at the first DOCTYPE, so nothing is ever resolved.
 *
 * <pre>{@code InputChecks.requirePdf(doc); InputChecks.requireSafeXml(doc, true); InputChecks.requireXmlProlog(doc);}</pre>
 */
final class InputChecks {
    private static final XMLInputFactory STAX = XMLInputFactory.newFactory();

    static {
        STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        STAX.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        STAX.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    }

    private InputChecks() {}

    static void requirePdf(DSSDocument doc) {
        String head = new String(head(doc, 1024), StandardCharsets.ISO_8859_1);
        if (!head.contains("%PDF-")) {
            throw ApiException.unprocessable("NOT_A_PDF", "The file '" + doc.getName() + "' is not a PDF", "file");
        }
    }

    static boolean isPdf(DSSDocument doc) {
        return new String(head(doc, 1024), StandardCharsets.ISO_8859_1).contains("%PDF-");
    }

    static boolean isZip(DSSDocument doc) {
        byte[] h = head(doc, 4);
        return h.length == 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
    }

    /** True when the content starts (after a BOM and white space) with '&lt;'. */
    static boolean looksLikeXml(DSSDocument doc) {
        byte[] h = head(doc, 256);
        int i = h.length >= 3 && (h[0] & 0xFF) == 0xEF && (h[1] & 0xFF) == 0xBB && (h[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < h.length && Character.isWhitespace(h[i])) {
            i++;
        }
        return i < h.length && h[i] == '<';
    }

    /**
     * Checks that the document is well-formed XML without a DOCTYPE. {@code required}: a non-XML document is an
     * error (XAdES enveloped); otherwise non-XML content passes unchecked (it is signed as opaque bytes).
     */
    static void requireSafeXml(DSSDocument doc, boolean required) {
        scan(doc, required, false);
    }

    /**
     * The prolog only, up to the root element's start tag: refuses a DOCTYPE (422 XML_DOCTYPE_REFUSED, never
     * resolved), content that does not begin as XML (422 NOT_XML) and a root that is itself a {@code ds:Signature}
     * (422 XML_IS_A_SIGNATURE: nothing to envelop a signature in). A DOCTYPE can stand nowhere else in a
     * well-formed document, and without one no entity can be declared. For XAdES enveloped, where DSS parses the
     * whole document anyway, with a parser that disallows DOCTYPE declarations: reading it here in full as well
     * doubled the XML work of a small signature. A document DSS then fails to read is classified by
     * {@link #requireSafeXml} (see {@link SigningService#explainFailure}), so the answers stay the same.
     */
    static void requireXmlProlog(DSSDocument doc) {
        scan(doc, true, true);
    }

    /**
     * Streams the document with DTDs and entities off and refuses the first DOCTYPE or entity; {@code prologOnly}
     * stops at the root's start tag. Not XML or not well-formed: 422 NOT_XML when {@code required}, else passes.
     */
    private static void scan(DSSDocument doc, boolean required, boolean prologOnly) {
        if (!looksLikeXml(doc)) {
            if (required) {
                throw ApiException.unprocessable("NOT_XML", "The file '" + doc.getName() + "' is not XML", "file");
            }
            return;
        }
        try (InputStream in = doc.openStream()) {
            XMLStreamReader r = STAX.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw doctypeRefused(doc);
                    }
                    if (prologOnly && event == XMLStreamConstants.START_ELEMENT) {
                        refuseSignatureRoot(doc, r);
                        return;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            if (required) {
                throw ApiException.unprocessable("NOT_XML", "The file '" + doc.getName() + "' is not well-formed XML", "file");
            }
            // Opaque content that merely starts with '<' (e.g. HTML) is signed as bytes, never parsed.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refuseSignatureRoot(DSSDocument doc, XMLStreamReader root) {
        if ("Signature".equals(root.getLocalName()) && XMLSignature.XMLNS.equals(root.getNamespaceURI())) {
            throw ApiException.unprocessable("XML_IS_A_SIGNATURE", "The file '" + doc.getName()
                    + "' is itself an XML signature (its root is ds:Signature): sign the document it signs", "file");
        }
    }

    /** Refuses XML nested deeper than {@link XmlDepth#LIMIT} (DSS and Santuario recurse once per level). */
    static void requireShallowXml(DSSDocument doc) {
        if (looksLikeXml(doc) && XmlDepth.of(all(doc), XmlDepth.LIMIT) > XmlDepth.LIMIT) {
            throw InputLimits.tooComplex("the XML file '" + doc.getName() + "' nests elements more than "
                    + XmlDepth.LIMIT + " levels deep", "file");
        }
    }

    /** Refuses a CMS signature whose ASN.1 structures nest deeper than {@link DerDepth#LIMIT}. */
    static void requireShallowDer(DSSDocument doc) {
        if (!DerDepth.within(all(doc), DerDepth.LIMIT)) {
            throw InputLimits.tooComplex("the signature '" + doc.getName() + "' nests ASN.1 structures more than "
                    + DerDepth.LIMIT + " levels deep", "file");
        }
    }

    /** The document's bytes: the array itself for a document in memory (only read here), else read once. */
    private static byte[] all(DSSDocument doc) {
        if (doc instanceof InMemoryDocument m) {
            return m.getBytes();
        }
        try (InputStream in = doc.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException doctypeRefused(DSSDocument doc) {
        return ApiException.unprocessable("XML_DOCTYPE_REFUSED", "The XML file '" + doc.getName()
                + "' declares a DOCTYPE or entities; they are refused and never resolved", "file");
    }

    private static byte[] head(DSSDocument doc, int n) {
        try (InputStream in = doc.openStream()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
