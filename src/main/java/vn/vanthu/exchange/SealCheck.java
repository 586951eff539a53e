package vn.vanthu.exchange;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.vanthu.error.ApiException;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import java.security.cert.X509Certificate;

/**
 * The seal of an edXML message checked against the partner's own certificate from the directory: exactly one XML
 * signature, with a reference to the whole document (URI ""), whose value and every reference verify with that
 * certificate's public key (JDK XML DSig in secure-validation mode: no weak algorithms, bounded transforms). A
 * message sealed by any other key, or changed after sealing, is refused. This check is the seal's verdict: the
 * message is not validated again by DSS (a full AdES validation of a 1.6 MB message costs a quarter of the
 * attachment's own validation; a seal pinned to a known certificate needs no trusted list, and a partner's
 * compromised key is handled in the directory, as no revocation service is asked here).
 *
 * <pre>{@code String sealedBy = SealCheck.verify(message.dom(), organs.sealCertificate(organ));   // 422 SEAL_INVALID otherwise}</pre>
 */
final class SealCheck {
    private static final String DSIG = XMLSignature.XMLNS;

    private SealCheck() {}

    /** The holder's name (the certificate's CN, as validation reports name a signer) once the seal verifies. */
    static String verify(Document doc, X509Certificate partner) {
        NodeList signatures = doc.getElementsByTagNameNS(DSIG, "Signature");
        if (signatures.getLength() != 1) {
            throw ApiException.unprocessable("SEAL_INVALID", "The message must carry exactly one XML signature, it carries "
                    + signatures.getLength(), "body");
        }
        markIds(doc.getDocumentElement());
        try {
            DOMValidateContext ctx = new DOMValidateContext(partner.getPublicKey(), signatures.item(0));
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
            boolean whole = signature.getSignedInfo().getReferences().stream()
                    .anyMatch(r -> "".equals(((Reference) r).getURI()));
            if (!whole) {
                throw ApiException.unprocessable("SEAL_INVALID", "The seal does not cover the whole message", "body");
            }
            if (!signature.validate(ctx)) {
                throw ApiException.unprocessable("SEAL_INVALID", "The seal does not verify with the sender's seal certificate", "body");
            }
            return holder(partner);
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            if (e instanceof ApiException a) {
                throw a;
            }
            throw ApiException.unprocessable("SEAL_INVALID", "The seal cannot be verified with the sender's seal certificate", "body");
        }
    }

    private static String holder(X509Certificate c) {
        String dn = c.getSubjectX500Principal().getName();
        try {
            return new LdapName(dn).getRdns().stream().filter(r -> r.getType().equalsIgnoreCase("CN"))
                    .map(r -> r.getValue().toString()).findFirst().orElse(dn);
        } catch (InvalidNameException e) {
            return dn;
        }
    }

    /** Same-document references ("#xades-…") name elements by an Id attribute, which DOM must know as an ID. */
    private static void markIds(Element e) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getLocalName() == null ? attributes.item(i).getNodeName() : attributes.item(i).getLocalName();
            if (name.equals("Id") || name.equals("ID") || name.equals("id")) {
                e.setIdAttributeNode((org.w3c.dom.Attr) attributes.item(i), true);
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                markIds(c);
            }
        }
    }
}
