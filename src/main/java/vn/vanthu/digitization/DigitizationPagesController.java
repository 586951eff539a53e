package vn.vanthu.digitization;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.jobs.Job;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Forms;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.Views;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clerk's digitization pages: the form (scans and what the paper says), then the digitization's page, which
 * shows its job's progress and reloads itself every few seconds while the job runs (a refresh, not a script, so
 * the pages keep their script-free policy), then the suggestions read from page 1 to accept and the searchable
 * PDF to download. The same service as the API, so the same rules.
 */
public final class DigitizationPagesController {
    /** The digitization form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec CREATE = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("paperPages", 6).required(), vn.vanthu.web.FieldSpec.text("numberSymbol", 100), vn.vanthu.web.FieldSpec.text("documentDate", 10),
            vn.vanthu.web.FieldSpec.text("issuingOrgan", 500), vn.vanthu.web.FieldSpec.text("documentType", 100), vn.vanthu.web.FieldSpec.text("subject", 2000))
            .withFiles(vn.vanthu.web.FilePart.many("scan", DigitizationController.MAX_SCANS));
    /** The accept-suggestions form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec ACCEPT = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.list("fields", DigitizationService.SUGGESTED.size(), 0).withValues(DigitizationService.SUGGESTED));
    /** Seconds between reloads of a digitization's page while its job runs. */
    static final int REFRESH_SECONDS = 2;
    private final DigitizationService service;

    public DigitizationPagesController(DigitizationService service) {
        this.service = service;
    }

    public void form(Context ctx) {
        Views.render(ctx, "digitize", Map.of());
    }

    public void create(Context ctx) throws Exception {
        List<UploadedFile> parts = Uploads.all(ctx, "scan");
        String pages = Forms.text(ctx, "paperPages", 6, true);
        int paperPages;
        try {
            paperPages = Integer.parseInt(pages);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_PAPER_PAGES", "paperPages must be the number of pages on paper", "paperPages");
        }
        PaperMetadata metadata = new PaperMetadata(Forms.text(ctx, "numberSymbol", 100, false),
                Forms.text(ctx, "documentDate", 10, false), Forms.text(ctx, "issuingOrgan", 500, false),
                Forms.text(ctx, "documentType", 100, false), Forms.text(ctx, "subject", 2000, false), paperPages);
        DigitizationService.Submitted s = DigitizationController.submit(ctx, service, parts, metadata);
        ctx.redirect("/digitizations/" + s.digitizationId(), HttpStatus.SEE_OTHER);
    }

    public void show(Context ctx) {
        show(ctx, service.get(ctx.pathParam("id")), null);
    }

    private void show(Context ctx, DigitizationService.View v, String notice) {
        Job job = v.job();
        boolean running = job.state() == Job.State.QUEUED || job.state() == Job.State.RUNNING;
        Map<String, Object> model = new HashMap<>();
        model.put("id", v.digitization().id());
        model.put("state", job.state().name());
        model.put("done", job.done());
        model.put("total", Math.max(1, job.total()));
        model.put("percent", job.total() <= 0 ? 0 : Math.min(100, job.done() * 100 / job.total()));
        model.put("errors", job.errors().stream().map(Job.Error::message).toList());
        model.put("metadata", v.digitization().metadata());
        model.put("suggestions", v.digitization().suggestions());
        model.put("ready", job.state() == Job.State.DONE && v.digitization().resultSha256() != null);
        model.put("refresh", running ? REFRESH_SECONDS : 0);
        if (notice != null) {
            model.put("notice", notice);
        }
        Views.render(ctx, "digitization", model);
    }

    /** Accepts the ticked suggestions ({@code fields}): they replace those metadata fields. */
    public void accept(Context ctx) {
        List<String> fields = ctx.formParams("fields");
        if (fields.size() > 3) {
            throw ApiException.badRequest("UNKNOWN_FIELD", "At most three suggestions can be accepted", "fields");
        }
        DigitizationService.View v = service.accept(ctx.pathParam("id"), fields);
        AuditTags.set(ctx, "DIGITIZATION_METADATA", v.digitization().id(), String.join(",", fields));
        show(ctx, v, Views.text(ctx, "digitization.accepted"));
    }

    public void file(Context ctx) {
        InputStream pdf = service.openResult(ctx.pathParam("id"));
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"digitized.pdf\"");
        ctx.result(pdf);
    }
}
