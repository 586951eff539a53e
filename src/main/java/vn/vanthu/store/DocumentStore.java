package vn.vanthu.store;

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
 * Document bytes addressed by their SHA-256, kept in the database in 1 MB chunks so that every instance sees
 * them and large files never sit whole in memory. Every read re-hashes the bytes: a stored document that no
 * longer matches its hash is logged and reported as corruption, never served.
 *
 * <pre>{@code
 * StoredDocument doc = store.put(upload, "application/pdf");
 * Path copy = store.copyToTempFile(doc.sha256());   // verified; caller deletes it
 * }</pre>
 */
public final class DocumentStore {
    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);
    static final int CHUNK = 1024 * 1024;

    public record StoredDocument(String sha256, long size, String mediaType) {}

    private final Jdbi jdbi;

    public DocumentStore(Database db) {
        this.jdbi = db.jdbi();
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

    /** Stores a file's bytes. Either the metadata and every chunk become visible together, or nothing does. */
    public StoredDocument put(Path file, String mediaType) {
        String sha = sha256(file);
        long size = size(file);
        var doc = new StoredDocument(sha, size, mediaType);
        if (find(sha).isPresent()) {
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

    private static void insert(Handle h, StoredDocument doc, Path file) {
        h.createUpdate("INSERT INTO documents (sha256, size, media_type, created_at) VALUES (:s, :n, :m, :t)")
                .bind("s", doc.sha256()).bind("n", doc.size()).bind("m", doc.mediaType())
                .bind("t", OffsetDateTime.now(ZoneOffset.UTC)).execute();
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

    public Optional<StoredDocument> find(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sha256, size, media_type FROM documents WHERE sha256 = :s")
                .bind("s", sha256)
                .map((rs, ctx) -> new StoredDocument(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .findOne());
    }

    /** Writes the verified bytes to a new temporary file; the caller deletes it. */
    public Path copyToTempFile(String sha256) {
        StoredDocument doc = find(sha256).orElseThrow(() -> ApiException.notFound("Document " + sha256));
        Path tmp = TempFiles.create("doc");
        MessageDigest md = Hashes.sha256Digest();
        long[] size = {0};
        try (OutputStream out = Files.newOutputStream(tmp)) {
            jdbi.useHandle(h -> {
                int chunks = h.createQuery("SELECT COUNT(*) FROM document_chunks WHERE sha256 = :s")
                        .bind("s", sha256).mapTo(Integer.class).one();
                // One chunk per query keeps memory bounded on drivers that would otherwise fetch every row.
                for (int seq = 0; seq < chunks; seq++) {
                    byte[] data = h.createQuery("SELECT data FROM document_chunks WHERE sha256 = :s AND seq = :q")
                            .bind("s", sha256).bind("q", seq).mapTo(byte[].class).findOne().orElse(new byte[0]);
                    md.update(data);
                    size[0] += data.length;
                    out.write(data);
                }
            });
        } catch (IOException e) {
            TempFiles.delete(tmp);
            throw new UncheckedIOException(e);
        }
        String actual = HexFormat.of().formatHex(md.digest());
        if (!actual.equals(sha256) || size[0] != doc.size()) {
            TempFiles.delete(tmp);
            log.error("Stored document {} is corrupted: its bytes now hash to {} ({} of {} bytes)",
                    sha256, actual, size[0], doc.size());
            throw new DocumentCorruptedException(sha256);
        }
        return tmp;
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
