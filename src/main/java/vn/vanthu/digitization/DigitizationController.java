package vn.vanthu.digitization;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Json;
import vn.vanthu.web.Uploads;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP for digitization: {@code POST /api/v1/digitizations} (multipart {@code scan} parts and {@code metadata})
 * → 202 {@code {"jobId","digitizationId"}}; {@code GET /api/v1/digitizations/{id}} → metadata, state and the
 * suggestions read from page 1; {@code GET /api/v1/digitizations/{id}/file} → the searchable PDF/A (409 before).
 *
 * <pre>{@code curl -F scan=@page1-3.pdf -F 'metadata={"paperPages":3,…}' $URL/api/v1/digitizations}</pre>
 */
public final class DigitizationController {
    /** The body of accepting suggestions. */
    record Accept(List<String> fields) {}

    /** The suggestions that can be accepted, as checked and documented. */
    public static final BodySpec ACCEPT = BodySpec.json(FieldSpec.list("fields", DigitizationService.SUGGESTED.size(), 0)
            .withValues(DigitizationService.SUGGESTED));

    private static final long MAX_CSV_BYTES = 4L * 1024 * 1024;
    /** Scan parts of one digitization. */
    public static final int MAX_SCANS = 100;
    /** A paper dossier in one job: the ZIP of scans, the CSV of its documents, the dossier to file into. */
    public static final BodySpec BATCH = BodySpec.form(vn.vanthu.web.FieldSpec.text("dossierId", 40))
            .withFiles(vn.vanthu.web.FilePart.one("archive"), vn.vanthu.web.FilePart.one("documents", MAX_CSV_BYTES));
    private final DigitizationService service;
    private final Batches batches;

    public DigitizationController(DigitizationService service, Batches batches) {
        this.service = service;
        this.batches = batches;
    }

    public void create(Context ctx) throws Exception {
        List<UploadedFile> parts = Uploads.all(ctx, "scan");
        PaperMetadata metadata = Json.read(ctx.formParam("metadata"), PaperMetadata.class, PaperMetadata.SHAPE);
        DigitizationService.Submitted s = submit(ctx, service, parts, metadata);
        ctx.status(202);
        ctx.header("Location", "/api/v1/jobs/" + s.jobId());
        ctx.json(Map.of("jobId", s.jobId(), "digitizationId", s.digitizationId()));
    }

    /** The uploaded scans, copied to temporary files for the time of the submission, submitted and audited. */
    static DigitizationService.Submitted submit(Context ctx, DigitizationService service, List<UploadedFile> parts,
                                                PaperMetadata metadata) throws java.io.IOException {
        List<Path> scans = new ArrayList<>();
        try {
            for (UploadedFile part : parts) {
                if (part.size() == 0) {
                    throw ApiException.unprocessable("EMPTY_FILE", "The scan '" + part.filename() + "' is empty", "scan");
                }
                Path scan = TempFiles.create("scan");
                scans.add(scan);
                try (InputStream in = part.content()) {
                    Files.copy(in, scan, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            DigitizationService.Submitted s = service.submit(Auth.user(ctx), metadata, scans);
            AuditTags.set(ctx, "DIGITIZATION", s.digitizationId(), "job " + s.jobId());
            return s;
        } finally {
            scans.forEach(TempFiles::delete);
        }
    }

    /**
     * A paper dossier: {@code archive} (ZIP of scans), {@code documents} (CSV) and optionally {@code dossierId}, the
     * work dossier to file them into → 202 {jobId, digitizationIds}.
     */
    public void createBatch(Context ctx) throws Exception {
        String dossierId = Uploads.text(ctx, "dossierId", null);
        if (dossierId != null && (dossierId.isBlank() || dossierId.length() > 40)) {
            throw ApiException.badRequest("INVALID_DOSSIER_ID", "dossierId names a work dossier (at most 40 characters)", "dossierId");
        }
        UploadedFile zip = Uploads.one(ctx, "archive");
        UploadedFile csv = Uploads.one(ctx, "documents");
        if (csv.size() > MAX_CSV_BYTES) {
            throw ApiException.unprocessable("CSV_TOO_LARGE", "The CSV is larger than 4 MB", "documents");
        }
        String text;
        try (InputStream in = csv.content()) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path archive = TempFiles.create("archive");
        try {
            try (InputStream in = zip.content()) {
                Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            DigitizationService.Batch b = batches.submit(Auth.user(ctx), archive, text,
                    dossierId == null ? null : dossierId.strip());
            AuditTags.set(ctx, "DIGITIZATION_BATCH", b.jobId(), b.digitizationIds().size() + " documents"
                    + (dossierId == null ? "" : " into dossier " + dossierId.strip()));
            ctx.status(202);
            ctx.header("Location", "/api/v1/jobs/" + b.jobId());
            ctx.json(Map.of("jobId", b.jobId(), "digitizationIds", b.digitizationIds()));
        } finally {
            TempFiles.delete(archive);
        }
    }

    /** Accepting suggestions: {@code {"fields":["issuingOrgan", …]}} → the digitization with its new metadata. */
    public void accept(Context ctx) {
        Accept body = Json.read(ctx.body(), Accept.class, "{fields: [numberSymbol | documentDate | issuingOrgan]}");
        DigitizationService.View v = service.accept(ctx.pathParam("id"), body.fields());
        AuditTags.set(ctx, "DIGITIZATION_METADATA", v.digitization().id(), String.join(",", body.fields()));
        ctx.json(view(v));
    }

    public void get(Context ctx) {
        ctx.json(view(service.get(ctx.pathParam("id"))));
    }

    private static Map<String, Object> view(DigitizationService.View v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", v.digitization().id());
        body.put("jobId", v.job().id());
        body.put("state", v.job().state().name());
        body.put("metadata", v.digitization().metadata());
        body.put("suggestions", v.digitization().suggestions());
        body.put("sha256", v.digitization().resultSha256());
        body.put("createdAt", v.digitization().createdAt());
        return body;
    }

    public void file(Context ctx) {
        InputStream pdf = service.openResult(ctx.pathParam("id"));
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"digitized.pdf\"");
        ctx.result(pdf);
    }
}
