package vn.vanthu.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A signed (or augmented) file: the id given to this signature, the bytes, how to name and type the file, and the
 * ETSI level reached ({@code PAdES-BASELINE-LT}). A large PDF comes back in a temporary file ({@link #file()}):
 * read it as a stream, and delete it when done.
 *
 * <pre>{@code
 * SignedDocument s = signing.sign(SignRequest.pades(pdf), key);
 * try (InputStream in = s.openStream()) { store.put(in, s.mediaType()); }
 * }</pre>
 */
public final class SignedDocument {
    private final String signatureId;
    private final DSSDocument document;
    private final String filename;
    private final String mediaType;
    private final String level;

    SignedDocument(String signatureId, DSSDocument document, String filename, String mediaType, String level) {
        this.signatureId = signatureId;
        this.document = document;
        this.filename = filename;
        this.mediaType = mediaType;
        this.level = level;
    }

    public String signatureId() {
        return signatureId;
    }

    public String filename() {
        return filename;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The ETSI level, e.g. {@code XAdES-BASELINE-B}. */
    public String level() {
        return level;
    }

    /** The signed file from the start; the caller closes the stream. */
    public InputStream openStream() {
        return document.openStream();
    }

    /** The whole signed file (the array itself when it is held in memory). */
    public byte[] bytes() {
        if (document instanceof InMemoryDocument m) {
            return m.getBytes();
        }
        try (InputStream in = document.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The temporary file holding a large signed file; empty when it is held in memory. */
    public Optional<Path> file() {
        return document instanceof FileDocument f ? Optional.of(f.getFile().toPath()) : Optional.empty();
    }
}
