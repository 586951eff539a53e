package vn.vanthu.store;

import vn.vanthu.error.ApiException;

/** A stored document whose bytes no longer match its SHA-256: never served, always reported. */
public final class DocumentCorruptedException extends ApiException {
    public DocumentCorruptedException(String sha256) {
        super(500, "STORED_DOCUMENT_CORRUPTED",
                "Stored document " + sha256 + " failed its integrity check and was not served; the incident is logged.",
                null);
    }
}
