package vn.vanthu.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * <em>What</em> is signed: a file with its name and media type, held as bytes, as a file on disk, or as a stored
 * file read as a stream when it is needed. Nothing is copied: bytes are used as given (do not change them after),
 * a file stays a file, so large documents never come into memory whole.
 *
 * <pre>{@code
 * SignDocument pdf = SignDocument.of(Path.of("/tmp/cong-van.pdf"), "cong-van.pdf");
 * SignDocument xml = SignDocument.of(bytes, "edxml.xml");
 * SignDocument big = SignDocument.stored("docs/a.pdf", "application/pdf", sha256Hex, () -> store.open(doc));
 * }</pre>
 */
public final class SignDocument {
    private final DSSDocument dss;

    private SignDocument(DSSDocument dss) {
        this.dss = dss;
    }

    /** A document in memory; its media type follows the name's extension. */
    public static SignDocument of(byte[] bytes, String name) {
        Objects.requireNonNull(bytes, "the document's bytes");
        return new SignDocument(new InMemoryDocument(bytes, name, name == null ? null : MimeTypes.of(name)));
    }

    /** A document on disk, read only as signing needs it; named by its file name. */
    public static SignDocument of(Path file) {
        return of(file, file.getFileName().toString());
    }

    /** A document on disk, read only as signing needs it, under another name. */
    public static SignDocument of(Path file, String name) {
        FileDocument d = new FileDocument(Objects.requireNonNull(file, "the document's file").toFile());
        d.setName(name);
        return new SignDocument(d);
    }

    /**
     * A stored file whose SHA-256 is already known: opened through {@code open} only when its bytes are needed,
     * never held whole in memory. A signature that lists it by digest (a package seal) does not read it at all.
     */
    public static SignDocument stored(String name, String mediaType, String sha256Hex, Supplier<InputStream> open) {
        return new SignDocument(new StreamDocument(name, mediaType, sha256Hex, open));
    }

    public String name() {
        return dss.getName();
    }

    /** The media type, e.g. {@code application/pdf}; {@code application/octet-stream} when unknown. */
    public String mediaType() {
        return dss.getMimeType() == null ? "application/octet-stream" : dss.getMimeType().getMimeTypeString();
    }

    /** The content, from the start; the caller closes the stream. */
    public InputStream openStream() {
        return dss.openStream();
    }

    /** The whole content (the array itself for a document held in memory). */
    public byte[] bytes() {
        if (dss instanceof InMemoryDocument m) {
            return m.getBytes();
        }
        try (InputStream in = dss.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size in bytes as far as known without reading (0 for a stored document): what its work budget is of. */
    long knownSize() {
        if (dss instanceof InMemoryDocument m) {
            return m.getBytes().length;
        }
        return dss instanceof FileDocument f ? f.getFile().length() : 0;
    }

    DSSDocument dss() {
        return dss;
    }
}
