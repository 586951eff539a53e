package vn.vanthu.documents;

import io.javalin.http.Context;

/**
 * {@code GET /pictures/{sha256}.png}: the picture of page 1 of a stored PDF, for the pages, to whoever may fetch
 * the document itself ({@link DocumentAccess}; anyone else gets 404, as for a hash never stored). Cached by the
 * browser, since a SHA-256's bytes never change.
 */
public final class ThumbnailController {
    private final Thumbnails thumbnails;
    private final DocumentAccess access;

    public ThumbnailController(Thumbnails thumbnails, DocumentAccess access) {
        this.thumbnails = thumbnails;
        this.access = access;
    }

    public void png(Context ctx) {
        String name = ctx.pathParam("file");
        String sha256 = name.endsWith(".png") ? name.substring(0, name.length() - 4) : null;
        Thumbnails.checkName(sha256);
        if (!access.sees(vn.vanthu.web.Auth.user(ctx), sha256)) {
            throw vn.vanthu.error.ApiException.notFound("Document " + sha256);
        }
        byte[] png = thumbnails.png(sha256);
        ctx.contentType("image/png");
        ctx.header("Cache-Control", "private, max-age=86400, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(png);
    }
}
