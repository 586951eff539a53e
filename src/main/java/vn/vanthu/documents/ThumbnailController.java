package vn.vanthu.documents;

import io.javalin.http.Context;

/**
 * {@code GET /pictures/{sha256}.png}: the picture of page 1 of a stored PDF, for the pages (the same documents
 * {@code GET /api/v1/documents/{sha256}} serves). Cached by the browser, since a SHA-256's bytes never change.
 */
public final class ThumbnailController {
    private final Thumbnails thumbnails;

    public ThumbnailController(Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
    }

    public void png(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] png = thumbnails.png(name.endsWith(".png") ? name.substring(0, name.length() - 4) : null);
        ctx.contentType("image/png");
        ctx.header("Cache-Control", "private, max-age=86400, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(png);
    }
}
