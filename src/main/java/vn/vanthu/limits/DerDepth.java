package vn.vanthu.limits;

/**
 * How deeply the constructed values of a DER or BER encoding nest, measured without recursion and without
 * building any object. Parsers such as BouncyCastle's recurse once per level, so a few kilobytes of nested
 * SEQUENCEs overflow the stack; asking this first turns such input into a clear refusal. Malformed input that
 * is not too deep passes: the real parser then refuses it in its own way.
 *
 * <pre>{@code if (!DerDepth.within(request, DerDepth.LIMIT)) { throw …422 TOO_COMPLEX…; }}</pre>
 */
public final class DerDepth {
    /** Real certificates, CMS signatures with timestamps and OCSP answers stay far below this. */
    public static final int LIMIT = 100;
    private static final int INDEFINITE = -1;

    private DerDepth() {}

    /** Whether no constructed value in {@code der} lies more than {@code maxDepth} levels deep. */
    public static boolean within(byte[] der, int maxDepth) {
        int[] ends = new int[maxDepth + 2];
        int depth = 0;
        int pos = 0;
        int n = der.length;
        while (pos < n) {
            while (depth > 0 && ends[depth] != INDEFINITE && pos >= ends[depth]) {
                depth--;
            }
            if (depth > 0 && ends[depth] == INDEFINITE && der[pos] == 0 && pos + 1 < n && der[pos + 1] == 0) {
                pos += 2;   // end-of-contents of an indefinite-length value
                depth--;
                continue;
            }
            int tag = der[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                while (pos < n && (der[pos++] & 0x80) != 0) {
                    // high tag number, base 128
                }
            }
            if (pos >= n) {
                return true;
            }
            int first = der[pos++] & 0xFF;
            long length;
            boolean indefinite = first == 0x80;
            if (first < 0x80 || indefinite) {
                length = indefinite ? 0 : first;
            } else {
                int bytes = first & 0x7F;
                if (bytes > 4 || pos + bytes > n) {
                    return true;   // malformed: the parser refuses it
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[pos++] & 0xFF);
                }
            }
            if ((tag & 0x20) != 0) {
                if (++depth > maxDepth) {
                    return false;
                }
                ends[depth] = indefinite ? INDEFINITE : (int) Math.min(n, pos + length);
            } else if (indefinite) {
                return true;
            } else {
                pos = (int) Math.min(n, pos + length);
            }
        }
        return true;
    }
}
