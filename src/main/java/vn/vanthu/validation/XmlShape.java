package vn.vanthu.validation;

import vn.vanthu.error.ApiException;
import vn.vanthu.limits.DerDepth;
import vn.vanthu.limits.InputLimits;
import vn.vanthu.limits.XmlDepth;
import vn.vanthu.signing.shortcuts.Needle;

import java.nio.charset.StandardCharsets;

/**
 * The shapes of signature files that cost a validator unbounded work, refused before DSS sees them: XPath and
 * XSLT transforms (an XPath filter is evaluated once per node of the document: an 80 KB file kept a core busy
 * for minutes), more references than Santuario's secure validation allows per signature, element nesting deep
 * enough to overflow the canonicalizer's recursion, and CMS structures nested deeper than any real signature.
 * One pass over the bytes each; nothing is parsed.
 *
 * <pre>{@code XmlShape.check(xml, 0);   // throws 422 UNSUPPORTED_TRANSFORM or TOO_COMPLEX}</pre>
 */
final class XmlShape {
    private static final byte[] REFERENCE = bytes("Reference");
    private static final byte[] SIGNATURE_VALUE = bytes("SignatureValue");
    private static final String[] REFUSED_TRANSFORMS = {
        "http://www.w3.org/TR/1999/REC-xpath-19991116",   // XPath filtering
        "http://www.w3.org/2002/06/xmldsig-filter2",      // XPath Filter 2.0
        "http://www.w3.org/TR/1999/REC-xslt-19991116",    // XSLT
    };

    private XmlShape() {}

    /** {@code extraReferences}: references allowed beyond {@link InputLimits#REFERENCES_PER_SIGNATURE} per signature. */
    static void check(byte[] xml, int extraReferences) {
        for (String algorithm : REFUSED_TRANSFORMS) {
            if (new Needle(bytes(algorithm)).in(xml, 0) >= 0) {
                throw ApiException.unprocessable("UNSUPPORTED_TRANSFORM", "The signature uses the transform " + algorithm
                        + ", which this service does not evaluate (its cost grows with the document without bound)", "file");
            }
        }
        int signatures = Math.max(1, InputGuard.countOpenTags(xml, SIGNATURE_VALUE));
        long allowed = (long) signatures * InputLimits.REFERENCES_PER_SIGNATURE + InputLimits.CONTAINER_FILES + extraReferences;
        int references = InputGuard.countOpenTags(xml, REFERENCE);
        if (references > allowed) {
            throw InputLimits.tooComplex("its " + signatures + " signature(s) carry " + references
                    + " references; at most " + allowed + " are validated", "file");
        }
        if (XmlDepth.of(xml, XmlDepth.LIMIT) > XmlDepth.LIMIT) {
            throw InputLimits.tooComplex("its elements nest more than " + XmlDepth.LIMIT + " levels deep", "file");
        }
    }

    static void checkDer(byte[] der) {
        if (!DerDepth.within(der, DerDepth.LIMIT)) {
            throw InputLimits.tooComplex("its ASN.1 structures nest more than " + DerDepth.LIMIT + " levels deep", "file");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
