package vn.vanthu.store;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Document bytes addressed by their SHA-256, kept in the database in 256 KB chunks so that every instance sees
 * them and large files never sit whole in memory. Every read re-hashes the bytes: a stored document that no
 * longer matches its hash is logged and reported as corruption, never served.
 *
 * <p>Why 256 KB: a chunk passes through several arrays of its size on the way out of the database (H2 copies it
 * three times); at 1 MB each of them was a "humongous" object for G1 (at least half a 1 MB region), allocated
 * straight in the old generation, so streaming a gigabyte drove the heap into back-to-back full collections.
 * Documents stored with another chunk size (1 MB before) read the same.
 *
 * <pre>{@code
 * StoredDocument doc = store.put(upload, "application/pdf");
 * Path copy = store.copyToTempFile(doc.sha256());   // verified; caller deletes it
 * }</pre>
 */
public final class DocumentStore {
    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);
    static final int CHUNK = 256 * 1024;

    public record StoredDocument(String sha256, long size, String mediaType) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public DocumentStore(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    /** Stores the stream's bytes (spooled to a temporary file first, to learn the hash) and returns their address. */
    public StoredDocument put(InputStream in, String mediaType) {
        Path tmp = TempFiles.create("upload");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            return put(tmp, mediaType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFiles.delete(tmp);
        }
    }

    /**
     * Stores a file's bytes. Either the metadata and every chunk become visible together (one transaction, the
     * row and its chunks), or nothing does. Bytes already stored are touched instead: the orphan sweeper then
     * leaves them for an hour, time for the caller to commit the row that references them.
     */
    public StoredDocument put(Path file, String mediaType) {
        String sha = sha256(file);
        long size = size(file);
        var doc = new StoredDocument(sha, size, mediaType);
        if (touch(sha)) {
            return doc;
        }
        try {
            jdbi.useTransaction(h -> insert(h, doc, file));
        } catch (RuntimeException e) {
            // Another request or instance may have stored the same bytes at the same moment.
            if (find(sha).isPresent()) {
                return doc;
            }
            throw e;
        }
        return doc;
    }

    /** Marks stored bytes as stored now; false when they are not stored (or were just swept). */
    private boolean touch(String sha) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE documents SET touched_at = :t WHERE sha256 = :s")
                .bind("t", now()).bind("s", sha).execute()) > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private void insert(Handle h, StoredDocument doc, Path file) {
        h.createUpdate("INSERT INTO documents (sha256, size, media_type, created_at, touched_at) VALUES (:s, :n, :m, :t, :t)")
                .bind("s", doc.sha256()).bind("n", doc.size()).bind("m", doc.mediaType())
                .bind("t", now()).execute();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[CHUNK];
            int seq = 0;
            int n;
            while ((n = in.readNBytes(buf, 0, CHUNK)) > 0) {
                byte[] chunk = n == CHUNK ? buf : java.util.Arrays.copyOf(buf, n);
                h.createUpdate("INSERT INTO document_chunks (sha256, seq, data) VALUES (:s, :q, :d)")
                        .bind("s", doc.sha256()).bind("q", seq++).bind("d", chunk).execute();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Notes that {@code userId} stored these bytes through the documents endpoint (they may fetch them back). */
    public void recordUpload(String sha256, String userId) {
        boolean known = jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM document_uploads WHERE sha256 = :s AND user_id = :u")
                .bind("s", sha256).bind("u", userId).mapTo(Integer.class).findOne().isPresent());
        if (known) {
            return;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO document_uploads (sha256, user_id, uploaded_at) VALUES (:s, :u, :t)")
                    .bind("s", sha256).bind("u", userId).bind("t", now()).execute());
        } catch (RuntimeException e) {
            if (!SqlStates.isUniqueViolation(e)) {   // the same user's parallel upload of the same bytes: noted once
                throw e;
            }
        }
    }

    public Optional<StoredDocument> find(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sha256, size, media_type FROM documents WHERE sha256 = :s")
                .bind("s", sha256)
                .map((rs, ctx) -> new StoredDocument(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .findOne());
    }

    /** Writes the verified bytes to a new temporary file; the caller deletes it. */
    public Path copyToTempFile(String sha256) {
        Path tmp = TempFiles.create("doc");
        try (InputStream in = open(sha256); OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
            return tmp;
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(tmp);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * Streams the bytes one chunk at a time (memory stays at one chunk whatever the size). The hash is checked
     * as the stream ends, once the stored size has been read: a corrupted document throws
     * {@link DocumentCorruptedException} instead of ending normally, so a reader never takes altered bytes for
     * the stored ones.
     */
    public InputStream open(String sha256) {
        StoredDocument doc = find(sha256).orElseThrow(() -> ApiException.notFound("Document " + sha256));
        return new ChunkStream(doc);
    }

    /**
     * As {@link #open(String)} for a document whose address and size are already known (a package manifest
     * records both): no lookup, and nothing is read from the database before the first read. A document that
     * is not there reads as corrupted.
     */
    public InputStream open(StoredDocument known) {
        return new ChunkStream(known);
    }

    /**
     * Holds at most one chunk, and none once it has ended or been closed: readers such as Santuario keep every
     * reference's stream until a whole signature is processed, so a finished stream must not keep its last chunk.
     */
    private final class ChunkStream extends InputStream {
        private static final byte[] NONE = new byte[0];
        private final StoredDocument doc;
        private final MessageDigest md = Hashes.sha256Digest();
        private byte[] chunk = NONE;
        private int pos;
        private int seq;
        private long read;
        private boolean ended;
        private boolean closed;

        ChunkStream(StoredDocument doc) {
            this.doc = doc;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("Stream closed");
            }
            if (len == 0) {
                return 0;
            }
            while (pos == chunk.length) {
                if (ended || !nextChunk()) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean nextChunk() {
            // All bytes read: end here, without asking the database for a chunk that is not there.
            byte[] data = read >= doc.size() ? null : jdbi.withHandle(h -> h.createQuery(
                            "SELECT data FROM document_chunks WHERE sha256 = :s AND seq = :q")
                    .bind("s", doc.sha256()).bind("q", seq).mapTo(byte[].class).findOne().orElse(null));
            if (data == null) {
                ended = true;
                chunk = NONE;
                pos = 0;
                String actual = HexFormat.of().formatHex(md.digest());
                if (!actual.equals(doc.sha256()) || read != doc.size()) {
                    log.error("Stored document {} is corrupted: its bytes now hash to {} ({} of {} bytes)",
                            doc.sha256(), actual, read, doc.size());
                    throw new DocumentCorruptedException(doc.sha256());
                }
                return false;
            }
            seq++;
            md.update(data);
            read += data.length;
            chunk = data;
            pos = 0;
            return true;
        }

        @Override
        public void close() {
            closed = true;
            chunk = NONE;
            pos = 0;
        }
    }

    /** The verified bytes; for documents known to be small. */
    public byte[] readAllBytes(String sha256) {
        Path tmp = copyToTempFile(sha256);
        try {
            return Files.readAllBytes(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFiles.delete(tmp);
        }
    }

    private static String sha256(Path file) {
        try {
            return Hashes.sha256Hex(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
