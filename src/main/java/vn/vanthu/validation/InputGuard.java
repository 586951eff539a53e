package vn.vanthu.validation;

import vn.vanthu.error.ApiException;
import vn.vanthu.signing.shortcuts.Needle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cheap checks on an upload BEFORE DSS opens it, so hostile files cost bounded time and memory: ZIP containers
 * are walked with their real (inflated) sizes counted against limits (a ZIP bomb stops at the limit, not at
 * its claimed size), XML with a DOCTYPE is refused (entity expansion, external entities), and files carrying
 * more signatures than the configured maximum are refused.
 *
 * <pre>{@code InputGuard.check(bytes, 100);   // throws ApiException 422 when hostile}</pre>
 */
final class InputGuard {
    static final int MAX_ZIP_ENTRIES = 1_000;
    static final long MAX_ZIP_INFLATED = 256L * 1024 * 1024;
    private static final byte[] SIGNATURE_VALUE = "SignatureValue".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);

    private InputGuard() {}

    /** The kind of file, as far as the checks need to know. */
    enum Kind { PDF, ZIP, XML, CMS, OTHER }

    static Kind check(byte[] content, int maxSignatures) {
        return check(content, maxSignatures, 0);
    }

    /**
     * {@code extraReferences}: references allowed beyond those of ordinary signatures (the seal of an archival
     * package lists every file of the package).
     */
    static Kind check(byte[] content, int maxSignatures, int extraReferences) {
        Kind kind = kind(content);
        switch (kind) {
            case ZIP -> checkZip(content, maxSignatures);
            case XML -> {
                refuseDoctype(content);
                int signatures = countOpenTags(content, SIGNATURE_VALUE);
                limitSignatures(signatures, maxSignatures);
                XmlShape.check(content, signatures, extraReferences);
            }
            case PDF -> limitSignatures(count(content, BYTE_RANGE), maxSignatures);  // one pass, ~1 ms per MB
            case CMS -> XmlShape.checkDer(content);
            default -> { }
        }
        return kind;
    }

    static Kind kind(byte[] b) {
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return Kind.ZIP;
        }
        if (isCmsSignedData(b)) {
            return Kind.CMS;   // whatever it wraps: a PDF inside a .p7m is still a CMS signature
        }
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < b.length && i < 1024 && Character.isWhitespace(b[i])) {
            i++;
        }
        if (i < b.length && b[i] == '<') {
            return Kind.XML;
        }
        int limit = Math.min(b.length, 1024) - 4;
        for (int j = 0; j <= limit; j++) {
            if (b[j] == '%' && b[j + 1] == 'P' && b[j + 2] == 'D' && b[j + 3] == 'F') {
                return Kind.PDF;
            }
        }
        return Kind.OTHER;
    }

    /**
     * Whether a file may carry a signature worth a validator's time: a PDF with a signature dictionary, XML with
     * a SignatureValue, or any other kind (CMS, ZIP) that only a validator can tell. A PDF's signature
     * dictionary always holds /ByteRange in plain text, so a PDF without it is unsigned.
     */
    static boolean maySign(byte[] content) {
        return switch (kind(content)) {
            case PDF -> count(content, BYTE_RANGE) > 0;
            case XML -> countOpenTags(content, SIGNATURE_VALUE) > 0;
            default -> true;
        };
    }

    private static final byte[] SIGNED_DATA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02};

    /** A DER or BER ContentInfo: a SEQUENCE whose first element is the OID of CMS SignedData. */
    static boolean isCmsSignedData(byte[] b) {
        if (b.length < 2 + SIGNED_DATA_OID.length || (b[0] & 0xFF) != 0x30) {
            return false;
        }
        int len = b[1] & 0xFF;
        int at = len < 0x80 || len == 0x80 ? 2 : 2 + (len & 0x7F);
        if ((len & 0x7F) > 4 && len != 0x80 || at + SIGNED_DATA_OID.length > b.length) {
            return false;
        }
        for (int i = 0; i < SIGNED_DATA_OID.length; i++) {
            if (b[at + i] != SIGNED_DATA_OID[i]) {
                return false;
            }
        }
        return true;
    }

    /** A DOCTYPE may only stand in the prolog, before the root element: that is all we scan. */
    private static void refuseDoctype(byte[] b) {
        int i = 0;
        while (i < b.length - 1) {
            if (b[i] != '<') {
                i++;
                continue;
            }
            if (startsWith(b, i, "<!DOCTYPE")) {
                throw ApiException.unprocessable("DOCTYPE_NOT_ALLOWED",
                        "XML documents with a DOCTYPE declaration are refused (entity expansion and external entities)", "file");
            }
            if (startsWith(b, i, "<?") || startsWith(b, i, "<!--")) {
                i += 2;
                continue;
            }
            return; // the root element starts: no DOCTYPE can follow
        }
    }

    private static void checkZip(byte[] file, int maxSignatures) {
        int entries = 0;
        long total = 0;
        int signatures = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw archive("more than " + MAX_ZIP_ENTRIES + " entries");
                }
                boolean signatureFile = e.getName().startsWith("META-INF/") && e.getName().endsWith(".xml");
                boolean cms = e.getName().startsWith("META-INF/") && e.getName().endsWith(".p7s");
                java.io.ByteArrayOutputStream sig = signatureFile || cms ? new java.io.ByteArrayOutputStream() : null;
                int n;
                while ((n = zip.read(buf)) > 0) {
                    total += n;
                    if (total > MAX_ZIP_INFLATED) {
                        throw archive("it expands to more than " + MAX_ZIP_INFLATED / (1024 * 1024) + " MB");
                    }
                    if (sig != null && sig.size() < 16 * 1024 * 1024) {
                        sig.write(buf, 0, n);
                    }
                }
                if (cms) {
                    XmlShape.checkDer(sig.toByteArray());
                } else if (sig != null) {
                    byte[] xml = sig.toByteArray();
                    refuseDoctype(xml);
                    int here = countOpenTags(xml, SIGNATURE_VALUE);
                    signatures += here;
                    limitSignatures(signatures, maxSignatures);
                    XmlShape.check(xml, here, 0);
                }
            }
        } catch (ApiException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw ApiException.unprocessable("UNSUPPORTED_DOCUMENT", "The file looks like a ZIP container but cannot be read", "file");
        }
    }

    private static ApiException archive(String why) {
        return ApiException.unprocessable("ARCHIVE_TOO_LARGE", "The container is refused: " + why, "file");
    }

    private static void limitSignatures(int n, int max) {
        if (n > max) {
            throw ApiException.unprocessable("TOO_MANY_SIGNATURES",
                    "The file carries more than " + max + " signatures; this service validates at most " + max, "file");
        }
    }

    /** Occurrences of {@code <name} or {@code <prefix:name} (opening tags only). */
    static int countOpenTags(byte[] b, byte[] name) {
        Needle needle = new Needle(name);
        int count = 0;
        for (int at = needle.in(b, 0); at >= 0; at = needle.in(b, at + name.length)) {
            if (tagOpening(b, at) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** The '<' that opens the tag whose (possibly prefixed) name starts its last part at {@code name}, or -1. */
    static int tagOpening(byte[] b, int name) {
        int j = name - 1;
        while (j >= 0 && (Character.isLetterOrDigit(b[j]) || b[j] == ':' || b[j] == '_' || b[j] == '-' || b[j] == '.')) {
            j--;
        }
        return j >= 0 && b[j] == '<' ? j : -1;
    }

    static int count(byte[] b, byte[] what) {
        Needle needle = new Needle(what);
        int count = 0;
        for (int at = needle.in(b, 0); at >= 0; at = needle.in(b, at + what.length)) {
            count++;
        }
        return count;
    }

    private static boolean startsWith(byte[] b, int at, String s) {
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
