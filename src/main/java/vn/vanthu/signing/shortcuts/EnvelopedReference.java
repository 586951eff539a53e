package vn.vanthu.signing.shortcuts;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.reference.XPath2FilterEnvelopedSignatureTransform;
import eu.europa.esig.dss.xml.utils.DomUtils;
import eu.europa.esig.dss.xml.utils.SantuarioInitializer;
import eu.europa.esig.dss.xml.utils.XMLCanonicalizer;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reference of an enveloped XAdES, made here exactly as DSS's reference builder makes it — URI "", an
 * XPath 2 filter subtracting every {@code ds:Signature} (so others can sign the document alongside), exclusive
 * canonicalisation — with its digest computed here too, in one parse: DSS would parse the whole document five
 * times for it (twice to check it is XML, once more to drop comments by writing and re-reading it, once to apply
 * the transforms), which was the larger part of signing a small document. The digest is that of the transforms'
 * output: the document without comments and without any {@code ds:Signature} element, canonicalised
 * (exclusive, no comments). The signing service's input checks have made sure it is XML and not a signature.
 *
 * <pre>{@code p.setReferences(List.of(EnvelopedReference.of(p, xml)));   // p: the job's XAdESSignatureParameters}</pre>
 */
final class EnvelopedReference {
    static {
        SantuarioInitializer.init();   // the canonicalisers, registered as DSS registers them
    }

    /** DSS's secure parser settings, built once per thread: DSS builds a new factory for every parse. */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
        try {
            return DomUtils.getSecureDocumentBuilderFactory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No secure XML parser", e);
        }
    });

    private EnvelopedReference() {}

    static DSSReference of(XAdESSignatureParameters p, DSSDocument xml) {
        DigestAlgorithm algorithm = p.getReferenceDigestAlgorithm() != null ? p.getReferenceDigestAlgorithm() : p.getDigestAlgorithm();
        DSSReference r = new DSSReference();
        r.setUri("");
        r.setContents(new DigestDocument(algorithm, digest(xml, algorithm), xml.getName(), xml.getMimeType()));
        r.setDigestMethodAlgorithm(algorithm);
        r.setTransforms(List.of(new XPath2FilterEnvelopedSignatureTransform(p.getXmldsigNamespace()),
                new CanonicalizationTransform(p.getXmldsigNamespace(), XMLCanonicalizer.DEFAULT_DSS_C14N_METHOD)));
        return r;
    }

    private static Document parse(DSSDocument xml) {
        try (InputStream in = xml.openStream()) {
            return PARSER.get().parse(in);
        } catch (SAXException | IOException e) {
            throw new DSSException("Unable to parse content (XML expected) : " + e.getMessage(), e);
        }
    }

    /** The digest of the document without its signatures, canonicalised (exclusive, comments omitted). */
    static byte[] digest(DSSDocument xml, DigestAlgorithm algorithm) {
        Document dom = parse(xml);
        NodeList found = dom.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        List<Node> signatures = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            signatures.add(found.item(i));
        }
        for (Node s : signatures) {
            s.getParentNode().removeChild(s);
        }
        try {
            MessageDigest md = algorithm.getMessageDigest();
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
                Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(dom, out);
            }
            return md.digest();
        } catch (Exception e) {
            throw new IllegalStateException("The document cannot be canonicalised for its reference", e);
        }
    }
}
