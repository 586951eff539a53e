package vn.vanthu.web;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;

import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The /docs page: Swagger UI from its webjar, reading /openapi.json. The webjar's files are read from the class
 * path one request at a time: a static-files handler would mount the whole jar as a zip file system (its central
 * directory, tens of thousands of entries, kept in the heap for the life of the service).
 */
final class SwaggerPage {
    static final String VERSION = "5.32.6";
    static final String ASSETS = "/webjars/swagger-ui/" + VERSION + "/";
    static final String HTML = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>vanthu API</title>
            <link rel="stylesheet" href="%1$sswagger-ui.css"></head>
            <body><div id="swagger-ui"></div>
            <script src="%1$sswagger-ui-bundle.js"></script>
            <script>window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});</script>
            </body></html>
            """.formatted(ASSETS);
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9-]+\\.(css|js|png|html)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript",
            "png", "image/png", "html", "text/html; charset=utf-8");

    private SwaggerPage() {}

    /** {@code GET /webjars/swagger-ui/{version}/{file}}: one file of the webjar this build carries. */
    static void asset(Context ctx) {
        String file = ctx.pathParam("file");
        InputStream in = VERSION.equals(ctx.pathParam("version")) && FILE.matcher(file).matches()
                ? SwaggerPage.class.getResourceAsStream("/META-INF/resources" + ASSETS + file) : null;
        if (in == null) {
            throw ApiException.notFound("This file of Swagger UI " + VERSION);
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1))).result(in);
    }
}
