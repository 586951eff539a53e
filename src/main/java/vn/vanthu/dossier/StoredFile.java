package vn.vanthu.dossier;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeType;
import eu.europa.esig.dss.model.CommonDocument;
import vn.vanthu.store.DocumentCorruptedException;
import vn.vanthu.store.DocumentStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A package file for DSS: named by its path in the package, read from the document store as a stream each
 * time DSS asks (never held whole in memory), its SHA-256 known without reading.
 *
 * <p>Before signing, DSS opens every referenced file twice only to look at its first bytes (is it XML?). The
 * first bytes are therefore kept once read (64 bytes), and a stream serves them without the database; reading
 * further opens the stored stream, which checks that it starts with the same bytes and verifies the whole
 * document's hash as usual. Opening a stream costs nothing until it is read.
 */
final class StoredFile extends CommonDocument {
    static final int HEAD = 64;

    private final transient DocumentStore store;
    private final DocumentStore.StoredDocument doc;
    private transient volatile byte[] head;

    StoredFile(DocumentStore store, PackageEntry entry) {
        this.store = store;
        this.doc = new DocumentStore.StoredDocument(entry.sha256(), entry.size(), entry.mediaType());
        this.name = entry.name();
        this.mimeType = MimeType.fromMimeTypeString(entry.mediaType());
        this.digestMap.put(DigestAlgorithm.SHA256, HexFormat.of().parseHex(entry.sha256()));
    }

    @Override
    public InputStream openStream() {
        return new HeadFirst();
    }

    /** The remembered first bytes, then the stored stream after them. */
    private final class HeadFirst extends InputStream {
        private byte[] served;
        private int pos;
        private InputStream rest;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (served == null) {
                byte[] known = head;
                if (known == null) {
                    rest = store.open(doc);
                    known = rest.readNBytes(HEAD);
                    head = known;
                }
                served = known;
            }
            if (pos < served.length) {
                int n = Math.min(len, served.length - pos);
                System.arraycopy(served, pos, b, off, n);
                pos += n;
                return n;
            }
            if (rest == null) {
                rest = store.open(doc);
                if (!Arrays.equals(rest.readNBytes(served.length), served)) {
                    throw new DocumentCorruptedException(doc.sha256());
                }
            }
            return rest.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (rest != null) {
                rest.close();
            }
        }
    }
}
