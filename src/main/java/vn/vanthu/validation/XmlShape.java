package vn.vanthu.validation;

import vn.vanthu.error.ApiException;
import vn.vanthu.limits.DerDepth;
import vn.vanthu.limits.InputLimits;
import vn.vanthu.limits.XmlDepth;
import vn.vanthu.signing.shortcuts.Needle;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of signature files that cost a validator unbounded work, refused before DSS sees them: XSLT, and
 * XPath filters other than the enveloped-signature form (an XPath filter is evaluated once per node of the
 * document: an 80 KB file kept a core busy for minutes), more references than Santuario's secure validation allows per signature, element nesting deep
 * enough to overflow the canonicalizer's recursion, and CMS structures nested deeper than any real signature.
 * One pass over the bytes each; nothing is parsed.
 *
 * <pre>{@code XmlShape.check(xml, 1, 0);   // throws 422 UNSUPPORTED_TRANSFORM or TOO_COMPLEX}</pre>
 */
final class XmlShape {
    private static final byte[] REFERENCE = bytes("Reference");
    private static final Needle TRANSFORM_NAME = new Needle(bytes("Transform"));
    private static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    private static final String XPATH2 = "http://www.w3.org/2002/06/xmldsig-filter2";
    private static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";
    private static final String MANIFEST_TYPE = "http://www.w3.org/2000/09/xmldsig#Manifest";
    private static final String NAME = "(?:[A-Za-z_][\\w.-]*:)?";
    private static final Pattern TRANSFORM = Pattern.compile("<" + NAME + "Transform\\s[^>]*?Algorithm\\s*=\\s*[\"']([^\"']*)[\"'][^>]*?"
            + "(?:/>|>(.*?)</" + NAME + "Transform\\s*>)", Pattern.DOTALL);
    /** The tags that open or close a manifest, and those that open a reference, in document order. */
    private static final Pattern MANIFEST_TAGS = Pattern.compile("<(/?)" + NAME + "(Manifest|Reference)[\\s>/]");
    private static final Pattern EXPRESSION = Pattern.compile("<" + NAME + "XPath(?:\\s[^>]*)?>(.*?)</" + NAME + "XPath\\s*>", Pattern.DOTALL);
    /** The only filters evaluated: the enveloped-signature forms DSS and other signers write, cheap by shape. */
    private static final Map<String, Pattern> ALLOWED_FILTERS = Map.of(
            XPATH, Pattern.compile("\\s*not\\(\\s*ancestor-or-self::" + NAME + "Signature\\s*\\)\\s*"),
            XPATH2, Pattern.compile("\\s*/descendant::" + NAME + "Signature\\s*"));

    private XmlShape() {}

    /**
     * {@code signatureValues}: the document's {@code SignatureValue} elements (the guard has counted them);
     * {@code extraReferences}: references allowed beyond {@link InputLimits#REFERENCES_PER_SIGNATURE} per signature.
     */
    static void check(byte[] xml, int signatureValues, int extraReferences) {
        if (mentions(xml, XPATH) || mentions(xml, XPATH2) || mentions(xml, XSLT)) {
            checkTransforms(xml);
        }
        int signatures = Math.max(1, signatureValues);
        long allowed = (long) signatures * InputLimits.REFERENCES_PER_SIGNATURE + InputLimits.CONTAINER_FILES + extraReferences;
        int references = InputGuard.countOpenTags(xml, REFERENCE);
        if (references > allowed) {
            throw InputLimits.tooComplex("its " + signatures + " signature(s) carry " + references
                    + " references; at most " + allowed + " are validated", "file");
        }
        if (mentions(xml, MANIFEST_TYPE)) {
            checkManifests(new String(xml, StandardCharsets.ISO_8859_1));
        }
        if (XmlDepth.of(xml, XmlDepth.LIMIT) > XmlDepth.LIMIT) {
            throw InputLimits.tooComplex("its elements nest more than " + XmlDepth.LIMIT + " levels deep", "file");
        }
    }

    /**
     * Santuario's secure validation reads at most {@link InputLimits#REFERENCES_PER_SIGNATURE} references in a
     * {@code ds:Manifest} (a limit this service leaves as it is); a larger manifest is refused here, named, rather
     * than failing inside DSS. The seals of archival packages made before they signed METS.xml alone carry one.
     */
    private static void checkManifests(String xml) {
        Matcher m = MANIFEST_TAGS.matcher(xml);
        int open = 0;
        int references = 0;
        while (m.find()) {
            boolean closing = !m.group(1).isEmpty();
            if (m.group(2).equals("Manifest")) {
                open = Math.max(0, open + (closing ? -1 : 1));
                references = closing ? references : 0;
            } else if (!closing && open > 0) {
                references++;
            }
            if (references > InputLimits.REFERENCES_PER_SIGNATURE) {
                throw InputLimits.tooComplex("a ds:Manifest of its signature lists " + references + " references; XML signature "
                        + "validation reads at most " + InputLimits.REFERENCES_PER_SIGNATURE + " in a manifest", "file");
            }
        }
    }

    private static boolean mentions(byte[] xml, String uri) {
        return new Needle(bytes(uri)).in(xml, 0) >= 0;
    }

    /**
     * XSLT is refused; an XPath or XPath 2.0 filter only in its enveloped-signature form. Any other expression
     * may be evaluated once per node of the document, each evaluation walking the document again. The pattern
     * is tried only where a {@code <Transform} or {@code <prefix:Transform} tag opens (found by a byte search),
     * never slid over the whole document, which is read as it is (ISO-8859-1, not copied).
     */
    private static void checkTransforms(byte[] xml) {
        Matcher t = TRANSFORM.matcher(new Latin1(xml, 0, xml.length));
        int searched = 0;
        for (int at = TRANSFORM_NAME.in(xml, 0); at >= 0; at = TRANSFORM_NAME.in(xml, at + 1)) {
            int open = InputGuard.tagOpening(xml, at);
            if (open < searched || !t.region(open, xml.length).lookingAt()) {
                continue;
            }
            searched = t.end();
            String algorithm = t.group(1).trim();
            Pattern allowed = ALLOWED_FILTERS.get(algorithm);
            if (algorithm.equals(XSLT)) {
                throw unsupported(algorithm);
            }
            if (allowed == null) {
                continue;
            }
            Matcher e = EXPRESSION.matcher(t.group(2) == null ? "" : t.group(2));
            boolean any = false;
            while (e.find()) {
                any = true;
                if (!allowed.matcher(e.group(1)).matches()) {
                    throw unsupported(algorithm);
                }
            }
            if (!any) {
                throw unsupported(algorithm);
            }
        }
    }

    /** Bytes read as ISO-8859-1 characters, for the patterns, without copying them into a string. */
    private record Latin1(byte[] b, int from, int to) implements CharSequence {
        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int i) {
            return (char) (b[from + i] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Latin1(b, from + start, from + end);
        }

        @Override
        public String toString() {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    private static ApiException unsupported(String algorithm) {
        return ApiException.unprocessable("UNSUPPORTED_TRANSFORM", "The signature uses the transform " + algorithm
                + " in a form this service does not evaluate (its cost can grow with the document without bound); "
                + "only the enveloped-signature filter is accepted", "file");
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
