package vn.vanthu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;

import java.util.List;
import java.util.Locale;

/**
 * Checks a request against its route's {@link BodySpec} before the handler runs: the JSON body or JSON part, the
 * text fields of a form (URL-encoded or multipart) and the file parts (how many, how large). A refusal is an
 * {@link ApiException}: JSON for the API, a message on the page for a browser.
 *
 * <pre>{@code DeclaredBody.check(ctx, route.fields(), maxUploadBytes, route.isPage());}</pre>
 */
final class DeclaredBody {
    private DeclaredBody() {}

    /** {@code page}: a page's form, whose missing field is FIELD_REQUIRED as the pages have always said. */
    static void check(Context ctx, BodySpec declared, long uploadLimit, boolean page) {
        boolean form = isForm(ctx);
        BodySpec spec = declared.forRequest(form);
        spec.check(json(ctx, spec, form));
        if (!form) {
            return;
        }
        if (isMultipart(ctx)) {   // the files first: their limits hold whether or not the texts are complete
            files(ctx, spec.files(), uploadLimit);
        }
        List<FieldSpec> texts = spec.formTexts();
        if (!texts.isEmpty()) {
            try {
                BodySpec.checkObject(texts(ctx, texts), texts, spec.tooLongStatus(), null);
            } catch (ApiException e) {
                if (!page || !"MISSING_FIELD".equals(e.code())) {
                    throw e;
                }
                throw ApiException.badRequest("FIELD_REQUIRED", "The field '" + e.field() + "' is required", e.field());
            }
        }
    }

    /** The JSON the route declares fields of (the body, or its part); null when absent, not JSON, or a form. */
    private static JsonNode json(Context ctx, BodySpec fields, boolean form) {
        if (form != (fields.shape() != BodySpec.Shape.JSON) || fields.shape() == BodySpec.Shape.FORM) {
            return null;   // another shape the route also takes (a form, or JSON instead of parts): its handler reads it
        }
        String text = fields.part() == null ? ctx.body() : Uploads.text(ctx, fields.part(), null);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException | RuntimeException e) {
            return null;   // the handler answers what it expected
        }
    }

    /** The declared text fields as given (blank ones left out): lists from repeated fields, numbers when whole. */
    private static ObjectNode texts(Context ctx, List<FieldSpec> fields) {
        ObjectNode given = Json.MAPPER.createObjectNode();
        for (FieldSpec f : fields) {
            if (f.type() == FieldSpec.Type.TEXT_LIST) {
                List<String> values = ctx.formParams(f.name()).stream().filter(v -> !v.isBlank()).toList();
                if (!values.isEmpty()) {
                    ArrayNode list = given.putArray(f.name());
                    values.forEach(list::add);
                }
                continue;
            }
            String v = ctx.formParam(f.name());
            if (v == null || v.isBlank()) {
                continue;
            }
            if (f.type() == FieldSpec.Type.INTEGER && v.strip().matches("-?\\d{1,18}")) {
                given.put(f.name(), Long.parseLong(v.strip()));
            } else if (f.type() == FieldSpec.Type.BOOLEAN && v.strip().matches("true|false")) {
                given.put(f.name(), Boolean.parseBoolean(v.strip()));
            } else {
                given.put(f.name(), v);
            }
        }
        return given;
    }

    private static void files(Context ctx, List<FilePart> parts, long uploadLimit) {
        for (FilePart p : parts) {
            List<UploadedFile> files = ctx.uploadedFiles(p.name());
            if (files.size() > p.maxItems()) {
                throw ApiException.badRequest("TOO_MANY_FILES", "Send at most " + p.maxItems() + " '" + p.name() + "' part(s)", p.name());
            }
            long limit = p.limit(uploadLimit);
            for (UploadedFile f : files) {
                if (f.size() > limit) {
                    throw new ApiException(413, "FILE_TOO_LARGE", "The file of part '" + p.name() + "' must be at most "
                            + limit + " bytes", p.name());
                }
            }
        }
    }

    static boolean isForm(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isMultipart(Context ctx) {
        return ctx.contentType() != null && ctx.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
