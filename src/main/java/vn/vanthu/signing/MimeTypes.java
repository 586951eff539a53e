package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.MimeType;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DSS's media type of a file name, remembered by extension. {@code new InMemoryDocument(bytes, name)} asks
 * {@link MimeType#fromFileName} on every call, and that walks a fresh {@link java.util.ServiceLoader} over the
 * class path each time (tens of microseconds per upload); the answer for an extension never changes.
 *
 * <pre>{@code new InMemoryDocument(bytes, name, MimeTypes.of(name))}</pre>
 */
final class MimeTypes {
    /** Extensions are chosen by callers: only this many are remembered, the rest are looked up each time. */
    private static final int MAX_REMEMBERED = 64;
    private static final Map<String, MimeType> BY_EXTENSION = new ConcurrentHashMap<>();

    private MimeTypes() {}

    /** Exactly {@link MimeType#fromFileName}: the extension as DSS reads it, lower-cased. */
    static MimeType of(String fileName) {
        String found = MimeType.getFileExtension(fileName);
        String ext = found == null ? "" : found.toLowerCase(Locale.ROOT);
        MimeType known = BY_EXTENSION.get(ext);
        if (known != null) {
            return known;
        }
        MimeType type = MimeType.fromFileName(fileName);
        if (BY_EXTENSION.size() < MAX_REMEMBERED) {
            BY_EXTENSION.putIfAbsent(ext, type);
        }
        return type;
    }
}
