package vn.vanthu.keys;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Auth;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Paging;
import vn.vanthu.web.Requests;
import vn.vanthu.web.Uploads;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * HTTP for signing keys: list the caller's keys, register (ADMIN: a .p12 upload or a PKCS#11 token object as
 * JSON), delete, and check a PIN. PINs arrive in request bodies only and go no further than the key service.
 *
 * <pre>{@code
 * curl -H "Authorization: Bearer $ADMIN" -F file=@seal.p12 -F owner=AGENCY_SEAL -F id=seal -F pin=… -F image=@seal.png /api/v1/keys
 * curl -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' -d '{"pin":"…"}' /api/v1/keys/seal/verify-pin
 * }</pre>
 */
public final class KeyController {
    /** The form fields of registering a PKCS#12 keystore: checked before anything is read or stored, and documented. */
    /** The longest PIN or keystore password read. */
    public static final int PIN = 256;
    public static final BodySpec REGISTER = BodySpec.form(FieldSpec.text("id", Registrations.ID_LENGTH),
            FieldSpec.text("owner", Registrations.OWNER), FieldSpec.text("pin", PIN), FieldSpec.text("alias", Registrations.ALIAS),
            FieldSpec.oneOf("purpose", List.of(KeyInfo.PERSONAL, KeyInfo.AGENCY_SEAL)))
            .orJson(BodySpec.json(FieldSpec.text("id", Registrations.ID_LENGTH), FieldSpec.text("owner", Registrations.OWNER),
                    FieldSpec.text("library", Registrations.LIBRARY), FieldSpec.integer("slot"),
                    FieldSpec.text("tokenLabel", Registrations.TOKEN_LABEL), FieldSpec.text("alias", Registrations.ALIAS),
                    FieldSpec.text("pin", PIN), FieldSpec.oneOf("purpose", List.of(KeyInfo.PERSONAL, KeyInfo.AGENCY_SEAL))))
            .withFiles(vn.vanthu.web.FilePart.one("file"), vn.vanthu.web.FilePart.one("image"));

    /** The body of a PIN check. */
    public static final BodySpec VERIFY_PIN = BodySpec.json(FieldSpec.text("pin", PIN));

    private static final long MAX_P12 = 1024 * 1024;
    private final KeyService keys;

    public KeyController(KeyService keys) {
        this.keys = keys;
    }

    record PinCheck(String pin) {
        @Override
        public String toString() {
            return "PinCheck[pin=***]";
        }
    }

    /** Sorted by id; the cursor is the last id of the previous page. */
    public void list(Context ctx) {
        int limit = Paging.limit(ctx);
        String cursor = ctx.queryParam("cursor");
        List<KeyInfo> after = keys.visibleTo(Auth.user(ctx)).stream()
                .filter(k -> cursor == null || cursor.isBlank() || k.id().compareTo(cursor) > 0).toList();
        List<KeyInfo> page = after.size() > limit ? after.subList(0, limit) : after;
        ctx.json(Paging.page(page, after.size() > limit ? page.get(page.size() - 1).id() : null));
    }

    /** {@code multipart/form-data} (file, owner, id, image, pin, alias, purpose?) for PKCS#12; JSON for PKCS#11. */
    public void register(Context ctx) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        KeyInfo info;
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file = Uploads.one(ctx, "file");
            if (file.size() > MAX_P12) {
                throw ApiException.tooLarge("A PKCS#12 file is at most 1 MB");
            }
            List<UploadedFile> images = Uploads.all(ctx, "image");
            if (images.size() > 1) {
                throw ApiException.badRequest("TOO_MANY_FILES", "Send at most one 'image' part", "image");
            }
            info = keys.registerPkcs12(AuditTags.origin(ctx), new Registrations.Pkcs12(Uploads.text(ctx, "id", null),
                    Uploads.text(ctx, "owner", null), bytes(file), ctx.formParam("pin"),
                    Uploads.text(ctx, "alias", null), images.isEmpty() ? null : bytes(images.get(0)),
                    Uploads.text(ctx, "purpose", null)));
        } else if (type.startsWith("application/json")) {
            Registrations.Pkcs11 req = Requests.json(ctx, Registrations.Pkcs11.class,
                    "{id, owner, library, slot or tokenLabel, alias, pin?, purpose?}");
            info = keys.registerPkcs11(AuditTags.origin(ctx), req);
        } else {
            throw ApiException.unsupportedMediaType("Send a .p12 as multipart/form-data, or a PKCS#11 key as JSON");
        }
        AuditTags.set(ctx, "KEY_REGISTER", info.id(), info.kind() + " owner=" + info.owner() + " serial=" + info.serialNumber());
        ctx.status(201).json(info);
    }

    public void delete(Context ctx) {
        String id = ctx.pathParam("id");
        keys.delete(AuditTags.origin(ctx), id);
        AuditTags.set(ctx, "KEY_DELETE", id, null);
        ctx.status(204);
    }

    /** Opens the key with the PIN and closes it again: the same checks and lockout as signing. */
    public void verifyPin(Context ctx) {
        String id = ctx.pathParam("id");
        AuditTags.set(ctx, "KEY_VERIFY_PIN", id, null);
        PinCheck req = ctx.body().isBlank() ? null : ctx.bodyAsClass(PinCheck.class);
        try (UnlockedKey key = keys.unlock(Auth.user(ctx), id, req == null ? null : req.pin())) {
            ctx.json(key.info());
        }
    }

    private static byte[] bytes(UploadedFile f) throws IOException {
        try (InputStream in = f.content()) {
            return in.readAllBytes();
        }
    }
}
