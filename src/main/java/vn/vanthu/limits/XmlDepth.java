package vn.vanthu.limits;

/**
 * How deeply the elements of an XML document nest, counted in one pass over the bytes without a parser: the
 * canonicalizers and DOM walks of Santuario and DSS recurse once per level, so a document nested ten thousand
 * levels deep overflows the stack. Comments, CDATA sections, processing instructions and quoted attribute values
 * are skipped, so their contents never count. Not a well-formedness check: a parser does that afterwards.
 *
 * <pre>{@code if (XmlDepth.of(bytes) > XmlDepth.LIMIT) { throw …422 TOO_COMPLEX…; }}</pre>
 */
public final class XmlDepth {
    /** Signatures nest about fifteen levels; ordinary documents rarely pass fifty. */
    public static final int LIMIT = 256;

    private XmlDepth() {}

    /** The deepest element nesting of the document, or a number above {@code stopAbove} once it is passed. */
    public static int of(byte[] b, int stopAbove) {
        int depth = 0;
        int max = 0;
        int n = b.length;
        for (int i = 0; i < n; i++) {
            if (b[i] != '<' || i + 1 >= n) {
                continue;
            }
            byte next = b[i + 1];
            if (next == '!' && starts(b, i, "<!--")) {
                i = after(b, i + 4, "-->");
            } else if (next == '!' && starts(b, i, "<![CDATA[")) {
                i = after(b, i + 9, "]]>");
            } else if (next == '?') {
                i = after(b, i + 2, "?>");
            } else if (next == '!') {
                i = after(b, i + 2, ">");
            } else if (next == '/') {
                depth--;
                i = after(b, i + 2, ">");
            } else {
                int end = tagEnd(b, i + 1);
                if (b[end - 1] != '/') {
                    depth++;
                    max = Math.max(max, depth);
                    if (max > stopAbove) {
                        return max;
                    }
                }
                i = end;
            }
        }
        return max;
    }

    /** The '>' closing a start tag, skipping quoted attribute values (which may hold '>' and "/>"). */
    private static int tagEnd(byte[] b, int from) {
        byte quote = 0;
        for (int j = from; j < b.length; j++) {
            byte c = b[j];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j;
            }
        }
        return b.length;
    }

    /** The index of the last byte of {@code end} found from {@code from}, or the end of the input. */
    private static int after(byte[] b, int from, String end) {
        for (int j = from; j + end.length() <= b.length; j++) {
            if (starts(b, j, end)) {
                return j + end.length() - 1;
            }
        }
        return b.length;
    }

    private static boolean starts(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
