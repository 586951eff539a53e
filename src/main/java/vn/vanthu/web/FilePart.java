package vn.vanthu.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file part of a multipart form as the service accepts it: its name, its largest size in bytes (0: the
 * service's upload limit, {@code VANTHU_MAX_UPLOAD_MB}) and how many parts of that name a request may carry.
 * Declared in a {@link BodySpec}, checked before the handler runs (400 TOO_MANY_FILES, 413 FILE_TOO_LARGE naming
 * the part) and described in /openapi.json ({@code x-maxBytes}, {@code maxItems}).
 *
 * <pre>{@code FilePart.one("file"); FilePart.one("image", 512 * 1024); FilePart.many("original", 10);}</pre>
 */
public record FilePart(String name, long maxBytes, int maxItems) {
    public static FilePart one(String name) {
        return new FilePart(name, 0, 1);
    }

    public static FilePart one(String name, long maxBytes) {
        return new FilePart(name, maxBytes, 1);
    }

    public static FilePart many(String name, int maxItems) {
        return new FilePart(name, 0, maxItems);
    }

    /** The largest size in force: this part's own, or the service's upload limit. */
    long limit(long uploadLimit) {
        return maxBytes > 0 ? Math.min(maxBytes, uploadLimit) : uploadLimit;
    }

    /** This part as an OpenAPI 3.0 schema: a binary string, or an array of them when several may come. */
    Map<String, Object> schema(long uploadLimit) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", "string");
        file.put("format", "binary");
        file.put("x-maxBytes", limit(uploadLimit));
        if (maxItems <= 1) {
            return file;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "array");
        s.put("maxItems", maxItems);
        s.put("items", file);
        return s;
    }
}
