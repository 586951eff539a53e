package vn.vanthu.keys;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.users.UserService;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Forms;
import vn.vanthu.web.Json;
import vn.vanthu.web.Role;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's page of signing keys: every registered key with its certificate's facts and state, the
 * form that registers a PKCS#12 keystore for an official or as the agency seal, the form that registers a key
 * on a PKCS#11 token (the API's JSON body as form fields, checked by the API's declaration), and deletion once
 * confirmed. A PIN opens the key once to check it and is neither stored nor shown again. The same service as
 * the API, so the same rules; a PKCS#11 refusal shows above what was typed (never the PIN).
 */
public final class KeyPagesController {
    /** The PKCS#12 registration form: its fields, checked before the handler and described in /openapi.json. */
    public static final BodySpec REGISTER = BodySpec.form(FieldSpec.text("owner", 100).required(), FieldSpec.text("id", 100),
            FieldSpec.text("pin", 64).required(), FieldSpec.text("alias", 200)).withFiles(vn.vanthu.web.FilePart.one("file"));
    /** The PKCS#11 registration form: the fields of the API's JSON body {id, owner, library, slot|tokenLabel, alias, pin?}. */
    public static final BodySpec PKCS11 = BodySpec.form(KeyController.REGISTER.orJson().fields().toArray(FieldSpec[]::new));
    /** Deleting a key: the box saying so must be ticked. */
    public static final BodySpec DELETE = BodySpec.form(FieldSpec.oneOf("confirm", List.of("yes")).required());
    private static final List<String> KEPT = List.of("id", "owner", "library", "slot", "tokenLabel", "alias");
    private static final long MAX_P12 = 1024 * 1024;
    private final KeyService keys;
    private final UserService users;
    private final List<String> libraries;

    public KeyPagesController(KeyService keys, UserService users, List<Path> pkcs11Libraries) {
        this.keys = keys;
        this.users = users;
        this.libraries = pkcs11Libraries.stream().map(Path::toString).toList();
    }

    public void list(Context ctx) {
        render(ctx, Map.of());
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
        registered(ctx, keys.registerPkcs12(AuditTags.origin(ctx), new Registrations.Pkcs12(Forms.text(ctx, "id", 100, false),
                owner, p12, Forms.text(ctx, "pin", 64, true), Forms.text(ctx, "alias", 200, false), null, null)));
    }

    /** A key on a PKCS#11 token, as {@code POST /api/v1/keys} with JSON registers it. */
    public void registerPkcs11(Context ctx) {
        Map<String, String> typed = Forms.values(ctx, PKCS11);
        try {
            registered(ctx, keys.registerPkcs11(AuditTags.origin(ctx), Json.MAPPER.convertValue(
                    Forms.checked(KeyController.REGISTER.orJson(), typed), Registrations.Pkcs11.class)));
        } catch (ApiException e) {
            typed.keySet().retainAll(KEPT);
            Map<String, Object> model = new HashMap<>(Views.refusal(ctx, e));
            model.put("p11", typed);
            render(ctx, model);
        }
    }

    public void delete(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            keys.delete(AuditTags.origin(ctx), id);
            AuditTags.set(ctx, "KEY_DELETE", id, null);
            render(ctx, Map.of("notice", Views.text(ctx, "keys.deleted") + " " + id));
        } catch (ApiException e) {
            render(ctx, Views.refusal(ctx, e));
        }
    }

    private void registered(Context ctx, KeyInfo info) {
        AuditTags.set(ctx, "KEY_REGISTER", info.id(), info.kind() + " owner=" + info.owner() + " serial=" + info.serialNumber());
        render(ctx, Map.of("notice", Views.text(ctx, "keys.registered") + " " + info.id()));
    }

    private void render(Context ctx, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("p11", Map.of());
        model.put("keys", keys.visibleTo(Auth.user(ctx)));
        model.put("owners", owners());
        model.put("libraries", libraries);
        Views.render(ctx, "admin-keys", model);
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
