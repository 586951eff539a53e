package vn.vanthu.keys;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.users.UserService;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Forms;
import vn.vanthu.web.Role;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's page of signing keys: every registered key with its certificate's facts and state, and
 * the form that registers a PKCS#12 keystore for an official or as the agency seal (the PIN opens it once to
 * check it and is not stored). The same service as the API, so the same rules.
 */
public final class KeyPagesController {
    /** The PKCS#12 registration form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec REGISTER = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("owner", 100).required(), vn.vanthu.web.FieldSpec.text("id", 100), vn.vanthu.web.FieldSpec.text("pin", 64).required(), vn.vanthu.web.FieldSpec.text("alias", 200))
            .withFiles(vn.vanthu.web.FilePart.one("file"));
    private static final long MAX_P12 = 1024 * 1024;
    private final KeyService keys;
    private final UserService users;

    public KeyPagesController(KeyService keys, UserService users) {
        this.keys = keys;
        this.users = users;
    }

    public void list(Context ctx) {
        list(ctx, null);
    }

    private void list(Context ctx, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("keys", keys.visibleTo(Auth.user(ctx)));
        model.put("owners", owners());
        if (notice != null) {
            model.put("notice", notice);
        }
        Views.render(ctx, "admin-keys", model);
    }

    public void register(Context ctx) throws IOException {
        UploadedFile file = Uploads.one(ctx, "file");
        if (file.size() > MAX_P12) {
            throw ApiException.tooLarge("A PKCS#12 file is at most 1 MB");
        }
        byte[] p12;
        try (InputStream in = file.content()) {
            p12 = in.readAllBytes();
        }
        String owner = Forms.text(ctx, "owner", 100, true);
        KeyInfo info = keys.registerPkcs12(AuditTags.origin(ctx), new Registrations.Pkcs12(Forms.text(ctx, "id", 100, false),
                owner, p12, Forms.text(ctx, "pin", 64, true), Forms.text(ctx, "alias", 200, false), null, null));
        AuditTags.set(ctx, "KEY_REGISTER", info.id(), info.kind() + " owner=" + info.owner() + " serial=" + info.serialNumber());
        list(ctx, Views.text(ctx, "keys.registered") + " " + info.id());
    }

    /** Who may own a key: enabled officials, or the agency seal (used by clerks). */
    private List<Map<String, String>> owners() {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        out.add(Map.of("id", KeyInfo.AGENCY_SEAL, "name", KeyInfo.AGENCY_SEAL));
        for (User u : users.list()) {
            if (!u.disabled() && u.has(Role.OFFICIAL)) {
                out.add(Map.of("id", u.id(), "name", u.displayName()));
            }
        }
        return out;
    }
}
