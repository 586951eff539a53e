package vn.vanthu.dispatch;

import io.javalin.http.Context;
import vn.vanthu.keys.KeyInfo;
import vn.vanthu.keys.KeyService;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Forms;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.util.List;
import java.util.Map;

/**
 * The clerk's copy page: a sao y, sao lục or trích sao (with its pages) of an issued dispatch, of a scan, or (a
 * sao lục) of a sao y the agency made, sealed with the agency seal; the answer is the sealed copy to save. The
 * same service as the API, so the same rules.
 */
public final class CopyPagesController {
    /** The copy form: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec CREATE = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("source", 40), vn.vanthu.web.FieldSpec.text("copyNumber", 60), vn.vanthu.web.FieldSpec.text("form", 3).required(), vn.vanthu.web.FieldSpec.text("pages", 100),
            vn.vanthu.web.FieldSpec.text("keyId", 100).required(), vn.vanthu.web.FieldSpec.text("pin", 64).required()).withFiles(vn.vanthu.web.FilePart.one("file"));
    private final Copies copies;
    private final DispatchService dispatches;
    private final KeyService keys;

    public CopyPagesController(CopyController api, DispatchService dispatches, KeyService keys) {
        this.copies = api.copies();
        this.dispatches = dispatches;
        this.keys = keys;
    }

    public void form(Context ctx) {
        User caller = Auth.user(ctx);
        List<Map<String, String>> issued = dispatches.list(caller, Dispatch.Status.ISSUED.name(), null, 200, 0).stream()
                .map(d -> Map.of("id", d.id(), "label", d.issued().number() + " · " + d.subject())).toList();
        List<KeyInfo> seals = keys.usableBy(caller).stream().filter(k -> KeyInfo.ACTIVE.equals(k.status())).toList();
        Views.render(ctx, "copy", Map.of("issued", issued, "seals", seals));
    }

    /** Makes the copy and answers it as a PDF to save (its number also in {@code X-Copy-Number}). */
    public void create(Context ctx) throws Exception {
        CopyController.answer(ctx, copies, true, scan -> new Copies.Request(Forms.text(ctx, "source", 40, false), scan,
                Forms.text(ctx, "copyNumber", 60, false), null, Forms.text(ctx, "form", 3, true), Forms.text(ctx, "pages", 100, false),
                Forms.text(ctx, "keyId", 100, true), Forms.text(ctx, "pin", 64, true)));
    }
}
