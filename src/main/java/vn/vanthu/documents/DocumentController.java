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

/** HTTP for the content-addressed document store: upload a file, fetch it back (re-verified) by its SHA-256. */
public final class DocumentController {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final DocumentStore store;

    public DocumentController(DocumentStore store) {
        this.store = store;
    }

    public void upload(Context ctx) throws Exception {
        UploadedFile file = Uploads.one(ctx, "file");
        String type = file.contentType() == null ? "application/octet-stream" : file.contentType();
        DocumentStore.StoredDocument doc;
        try (InputStream in = file.content()) {
            doc = store.put(in, type);
        }
        AuditTags.set(ctx, "DOCUMENT_STORE", doc.sha256(), file.filename());
        ctx.status(201).json(doc);
    }

    public void download(Context ctx) throws Exception {
        String sha = ctx.pathParam("sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw vn.vanthu.error.ApiException.notFound("Document " + sha);
        }
        DocumentStore.StoredDocument doc = store.find(sha).orElseThrow(() -> vn.vanthu.error.ApiException.notFound("Document " + sha));
        Path verified = store.copyToTempFile(sha);
        ctx.contentType(doc.mediaType());
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
