package vn.vanthu.signing.shortcuts;

/**
 * A byte string to find, Horspool's way: the byte under the needle's last position says how far it may
 * move, so a search through a PDF's compressed streams looks at about one byte in ten for "/ByteRange"
 * instead of every byte (the scans run on every validation, over the whole file).
 *
 * <pre>{@code int at = new Needle("/ByteRange".getBytes(US_ASCII)).in(pdf, 0);   // -1: not found}</pre>
 */
public final class Needle {
    private final byte[] what;
    private final int[] shift = new int[256];

    public Needle(byte[] what) {
        if (what.length == 0) {
            throw new IllegalArgumentException("empty needle");
        }
        this.what = what.clone();
        java.util.Arrays.fill(shift, what.length);
        for (int k = 0; k < what.length - 1; k++) {
            shift[what[k] & 0xFF] = what.length - 1 - k;
        }
    }

    /** The first occurrence at or after {@code from}, or -1. */
    public int in(byte[] b, int from) {
        int last = what.length - 1;
        byte lastByte = what[last];
        for (int i = Math.max(0, from); i <= b.length - what.length; ) {
            byte c = b[i + last];
            if (c == lastByte && matchesAt(b, i)) {
                return i;
            }
            i += shift[c & 0xFF];
        }
        return -1;
    }

    private boolean matchesAt(byte[] b, int at) {
        for (int k = 0; k < what.length - 1; k++) {
            if (b[at + k] != what[k]) {
                return false;
            }
        }
        return true;
    }
}
