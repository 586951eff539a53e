package vn.vanthu.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.trust.CertificateFacts;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.Forms;
import vn.vanthu.web.FilePart;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Json;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.Views;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's page of partner organs: the directory with each seal certificate's facts and anchor, the
 * form that adds an organ or replaces one (certificates uploaded as files, PEM or DER, or pasted as PEM), removal,
 * and the bearer token the partner delivers with (shown once). The form is checked by the API's declaration and
 * the same {@link Organs} calls, so the same rules; a refusal shows on the page with what was typed (never a token).
 */
public final class OrganPagesController {
    /** The largest certificate file read; as PEM (DER grows by a third) the API's limit on the text then holds. */
    private static final int MAX_FILE = OrganInput.MAX_PEM;
    /** The form adding or replacing an organ: the API's fields, the certificate and anchor also as files. */
    public static final BodySpec ORGAN = BodySpec.form(FieldSpec.text("organId", OrganInput.ORGAN_ID),
            FieldSpec.text("name", OrganInput.NAME), FieldSpec.text("inboxUrl", OrganInput.URL),
            FieldSpec.text("certificate", OrganInput.MAX_PEM), FieldSpec.text("anchor", OrganInput.MAX_PEM),
            FieldSpec.text("inboxToken", OrganInput.TOKEN))
            .withFiles(FilePart.one("certificateFile", MAX_FILE), FilePart.one("anchorFile", MAX_FILE));
    public static final BodySpec TOKEN = BodySpec.form(FieldSpec.integer("expiresInDays"));
    public static final BodySpec NO_FIELDS = BodySpec.form();
    private static final List<String> KEPT = List.of("organId", "name", "inboxUrl", "certificate", "anchor");
    private final Organs organs;
    private final Clock clock;

    OrganPagesController(Organs organs, Clock clock) {
        this.organs = organs;
        this.clock = clock;
    }

    /** The directory; {@code ?edit=organId} fills the form with that organ to replace it. */
    public void list(Context ctx) {
        String edit = ctx.queryParam("edit");
        Map<String, Object> model = new HashMap<>();
        if (edit != null && !edit.isBlank()) {
            Organ o = organs.get(OrganInput.organId(edit));
            model.put("editing", o.organId());
            model.put("form", Map.of("organId", o.organId(), "name", o.name(), "inboxUrl", o.inboxUrl(),
                    "certificate", o.certificate(), "anchor", o.anchor()));
        }
        render(ctx, model);
    }

    public void create(Context ctx) {
        Map<String, String> typed = new LinkedHashMap<>();
        try {
            Organ o = organs.create(AuditTags.origin(ctx), input(ctx, typed));
            render(ctx, Map.of("notice", Views.text(ctx, "organs.added") + " " + o.organId()));
        } catch (ApiException e) {
            refused(ctx, e, typed, null);
        }
    }

    public void update(Context ctx) {
        String organId = ctx.pathParam("organId");
        Map<String, String> typed = new LinkedHashMap<>();
        try {
            Organ o = organs.update(AuditTags.origin(ctx), organId, input(ctx, typed));
            render(ctx, Map.of("notice", Views.text(ctx, "organs.replaced") + " " + o.organId()));
        } catch (ApiException e) {
            refused(ctx, e, typed, organId);
        }
    }

    public void delete(Context ctx) {
        String organId = ctx.pathParam("organId");
        organs.delete(AuditTags.origin(ctx), organId);
        render(ctx, Map.of("notice", Views.text(ctx, "organs.removed") + " " + organId));
    }

    public void issueToken(Context ctx) {
        String organId = ctx.pathParam("organId");
        try {
            JsonNode days = Forms.checked(OrganController.TOKEN, Forms.values(ctx, OrganController.TOKEN)).get("expiresInDays");
            var t = organs.issueToken(AuditTags.origin(ctx), organId, days == null ? null : days.asInt());
            render(ctx, Map.of("notice", Views.text(ctx, "organs.tokenIssued") + " " + organId, "token", t.token()));
        } catch (ApiException e) {
            refused(ctx, e, Map.of(), null);
        }
    }

    /** The form as the API's body: a certificate file replaces the pasted text; {@code typed} keeps what came. */
    private static OrganInput input(Context ctx, Map<String, String> typed) {
        Map<String, String> values = Forms.values(ctx, OrganInput.FIELDS);
        values.keySet().stream().filter(KEPT::contains).forEach(k -> typed.put(k, values.get(k)));
        for (String field : List.of("certificate", "anchor")) {
            String file = pem(ctx, field + "File", field);
            if (file != null) {
                values.put(field, file);
                typed.put(field, file);
            }
        }
        return Json.MAPPER.convertValue(Forms.checked(OrganInput.FIELDS, values), OrganInput.class);
    }

    /** The uploaded certificate file as PEM text (DER armoured), or null when none was chosen. */
    private static String pem(Context ctx, String part, String field) {
        UploadedFile f = Uploads.all(ctx, part).stream().filter(u -> u.size() > 0).findFirst().orElse(null);
        if (f == null) {
            return null;
        }
        if (f.size() > MAX_FILE) {
            throw ApiException.badRequest("FIELD_TOO_LONG", field + " must be at most " + MAX_FILE + " characters", field);
        }
        byte[] bytes;
        try (InputStream in = f.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        return text.contains("-----BEGIN") ? text : "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(bytes) + "\n-----END CERTIFICATE-----\n";
    }

    private void refused(Context ctx, ApiException e, Map<String, String> typed, String editing) {
        Map<String, Object> model = new HashMap<>(Views.refusal(ctx, e));
        model.put("form", typed);
        if (editing != null) {
            model.put("editing", editing);
        }
        render(ctx, model);
    }

    private void render(Context ctx, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("form", Map.of());
        model.put("organs", organs.list().stream().map(this::row).toList());
        Views.render(ctx, "admin-organs", model);
    }

    /** A row of the table: the organ and what its certificates say (never its inbox token). */
    private Map<String, Object> row(Organ o) {
        Map<String, Object> r = new HashMap<>();
        r.put("organId", o.organId());
        r.put("name", o.name());
        r.put("inboxUrl", o.inboxUrl());
        r.put("hasInboxToken", o.hasInboxToken());
        List<CertificateFacts> chain = certificates(o.certificate());
        r.put("certificate", chain.isEmpty() ? null : chain.get(0));
        r.put("anchors", certificates(o.anchor()));
        return r;
    }

    private List<CertificateFacts> certificates(String pem) {
        List<CertificateFacts> out = new ArrayList<>();
        try {
            for (X509Certificate c : PartnerCertificates.read(pem, "certificate")) {
                out.add(CertificateFacts.of(c, clock));
            }
        } catch (ApiException e) {
            // stored before it was checked as now: the row shows no facts rather than failing the page
        }
        return out;
    }
}
