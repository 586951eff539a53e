package vn.vanthu.dossier;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeType;
import eu.europa.esig.dss.model.CommonDocument;
import vn.vanthu.store.DocumentStore;

import java.io.InputStream;
import java.util.HexFormat;

/**
 * A package file for DSS: named by its path in the package, read from the document store as a stream when DSS
 * asks (never held whole in memory), its SHA-256 known without reading — the seal's manifest lists every file by
 * it, so sealing reads none but METS.xml.
 */
final class StoredFile extends CommonDocument {
    private final transient DocumentStore store;
    private final DocumentStore.StoredDocument doc;

    StoredFile(DocumentStore store, PackageEntry entry) {
        this.store = store;
        this.doc = new DocumentStore.StoredDocument(entry.sha256(), entry.size(), entry.mediaType());
        this.name = entry.name();
        this.mimeType = MimeType.fromMimeTypeString(entry.mediaType());
        this.digestMap.put(DigestAlgorithm.SHA256, HexFormat.of().parseHex(entry.sha256()));
    }

    @Override
    public InputStream openStream() {
        return store.open(doc);
    }
}
