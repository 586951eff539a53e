package vn.vanthu.documents;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Uploads;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * HTTP for the content-addressed document store: upload a file, fetch it back (re-verified) by its SHA-256 when
 * the caller may see it ({@link DocumentAccess}); every fetch is audited, refused ones too, and a hash the caller
 * may not see is answered 404 like one never stored.
 */
public final class DocumentController {
    /** The upload: one file part: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec UPLOAD = vn.vanthu.web.BodySpec.form().withFiles(vn.vanthu.web.FilePart.one("file"));
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final java.util.Set<String> SERVABLE = java.util.Set.of("application/pdf", "application/xml",
            "application/pkcs7-mime", "application/pkcs7-signature", "application/vnd.etsi.asic-e+zip", "application/zip",
            "image/png", "image/jpeg", "image/tiff");
    private final DocumentStore store;
    private final DocumentAccess access;

    public DocumentController(DocumentStore store, DocumentAccess access) {
        this.store = store;
        this.access = access;
    }

    public void upload(Context ctx) throws Exception {
        UploadedFile file = Uploads.one(ctx, "file");
        String type = file.contentType() == null ? "application/octet-stream" : file.contentType();
        DocumentStore.StoredDocument doc;
        try (InputStream in = file.content()) {
            doc = store.put(in, type);
        }
        store.recordUpload(doc.sha256(), vn.vanthu.web.Auth.user(ctx).id());
        AuditTags.set(ctx, "DOCUMENT_STORE", doc.sha256(), file.filename());
        ctx.status(201).json(doc);
    }

    public void download(Context ctx) throws Exception {
        String sha = ctx.pathParam("sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw vn.vanthu.error.ApiException.notFound("Document " + sha);
        }
        AuditTags.read(ctx, "DOCUMENT_READ", sha);   // a refused fetch is recorded too (FAILED, 404)
        if (!access.sees(vn.vanthu.web.Auth.user(ctx), sha)) {
            throw vn.vanthu.error.ApiException.notFound("Document " + sha);
        }
        DocumentStore.StoredDocument doc = store.find(sha).orElseThrow(() -> vn.vanthu.error.ApiException.notFound("Document " + sha));
        Path verified = store.copyToTempFile(sha);
        // A type claimed at upload is echoed only when it is one of the document types the service handles and that
        // no browser runs (text/html or SVG from the API's origin would): anything else is served as bytes.
        ctx.contentType(SERVABLE.contains(doc.mediaType()) ? doc.mediaType() : "application/octet-stream");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename=\"" + sha + "\"");
        ctx.result(new TempFileStream(verified));
    }

    /** Streams a temporary file to the client and deletes it when the response is done. */
    private static final class TempFileStream extends java.io.FilterInputStream {
        private final Path file;

        TempFileStream(Path file) throws java.io.IOException {
            super(Files.newInputStream(file));
            this.file = file;
        }

        @Override
        public void close() throws java.io.IOException {
            try {
                super.close();
            } finally {
                TempFiles.delete(file);
            }
        }
    }
}
