package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeType;
import eu.europa.esig.dss.model.CommonDocument;

import java.io.InputStream;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * A stored file for DSS (see {@link SignDocument#stored}): read as a stream when DSS asks, never held whole in
 * memory, its SHA-256 known without reading (METS.xml lists every file of a package by it).
 */
final class StreamDocument extends CommonDocument {
    private final transient Supplier<InputStream> open;

    StreamDocument(String name, String mediaType, String sha256Hex, Supplier<InputStream> open) {
        this.open = open;
        this.name = name;
        this.mimeType = MimeType.fromMimeTypeString(mediaType);
        this.digestMap.put(DigestAlgorithm.SHA256, HexFormat.of().parseHex(sha256Hex));
    }

    @Override
    public InputStream openStream() {
        return open.get();
    }
}
