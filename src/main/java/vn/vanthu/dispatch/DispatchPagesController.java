package vn.vanthu.dispatch;

import io.javalin.http.Context;
import vn.vanthu.keys.KeyInfo;
import vn.vanthu.keys.KeyService;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.Forms;
import vn.vanthu.web.PageSlice;
import vn.vanthu.web.Requests;
import vn.vanthu.web.Shown;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of outgoing dispatches: the clerk's list by status ({@code ?status=SIGNED}: drafts waiting to be
 * issued, each with its issue form: seal key and PIN), the official's drafts waiting for their signature (sign
 * with key and PIN; each draft's page where the signature will land), and the outgoing register with filters. The same service calls as the API.
 */
public final class DispatchPagesController {
    /** The sign and issue forms: its fields, checked before the handler and described in /openapi.json. */
    public static final vn.vanthu.web.BodySpec KEY_AND_PIN = vn.vanthu.web.BodySpec.form(vn.vanthu.web.FieldSpec.text("keyId", 200).required(), vn.vanthu.web.FieldSpec.text("pin", 64).required());
    private static final int PAGE = 100;
    private final DispatchService dispatches;
    private final Issuing issuing;
    private final Register register;
    private final KeyService keys;
    private final DraftPreview previews;

    DispatchPagesController(DispatchService dispatches, Issuing issuing, Register register, KeyService keys,
                            DraftPreview previews) {
        this.previews = previews;
        this.dispatches = dispatches;
        this.issuing = issuing;
        this.register = register;
        this.keys = keys;
    }

    public void list(Context ctx) {
        list(ctx, Map.of());
    }

    private void list(Context ctx, Map<String, Object> extra) {
        User caller = Auth.user(ctx);
        String status = ctx.queryParam("status") == null ? "SIGNED" : ctx.queryParam("status");
        List<Dispatch> items = dispatches.list(caller, status, null, PAGE, 0);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("status", status);
        model.put("rows", items.stream().map(DispatchPagesController::row).toList());
        model.put("keys", usable(caller));
        Views.render(ctx, "dispatches", model);
    }

    public void issue(Context ctx) {
        String keyId = Forms.text(ctx, "keyId", 200, true);
        String pin = Forms.text(ctx, "pin", 64, true);
        Dispatch d = issuing.issue(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), keyId, pin);
        AuditTags.set(ctx, "DISPATCH_ISSUE", d.id(), d.issued().number());
        list(ctx, Map.of("notice", Views.text(ctx, "dispatch.issued") + " " + d.issued().number() + " · "
                + d.issued().issuedDate()));
    }

    public void drafts(Context ctx) {
        drafts(ctx, Map.of());
    }

    private void drafts(Context ctx, Map<String, Object> extra) {
        User caller = Auth.user(ctx);
        List<Dispatch> mine = dispatches.list(caller, "DRAFT", null, PAGE, 0).stream()
                .filter(d -> caller.id().equals(d.signerUserId())).toList();
        Map<String, Object> model = new HashMap<>(extra);
        model.put("rows", mine.stream().map(DispatchPagesController::row).toList());
        model.put("keys", usable(caller));
        List<Dispatch> signed = new java.util.ArrayList<>(dispatches.list(caller, "SIGNED", null, PAGE, 0));
        signed.addAll(dispatches.list(caller, "ISSUED", null, PAGE, 0));
        model.put("signed", signed.stream().filter(d -> caller.id().equals(d.signerUserId()))
                .map(DispatchPagesController::row).toList());
        Views.render(ctx, "drafts", model);
    }

    public void sign(Context ctx) {
        String keyId = Forms.text(ctx, "keyId", 200, true);
        String pin = Forms.text(ctx, "pin", 64, true);
        Dispatch d = dispatches.sign(Auth.user(ctx), AuditTags.origin(ctx), ctx.pathParam("id"), keyId, pin, null);
        AuditTags.set(ctx, "DISPATCH_SIGN", d.id(), "key=" + keyId);
        drafts(ctx, Map.of("notice", Views.text(ctx, "dispatch.signed") + " " + d.subject()));
    }

    /** The page where the signature will land, the box drawn on it; its place in {@code X-Signature-Box}. */
    public void preview(Context ctx) {
        picture(ctx, previews.picture(Auth.user(ctx), ctx.pathParam("id")));
    }

    /** The page where the seal will go on a signed dispatch, its box drawn; its place in {@code X-Signature-Box}. */
    public void sealPreview(Context ctx) {
        picture(ctx, previews.seal(Auth.user(ctx), ctx.pathParam("id")));
    }

    private static void picture(Context ctx, vn.vanthu.documents.Thumbnails.Picture picture) {
        AuditTags.read(ctx, "DISPATCH_READ", ctx.pathParam("id"));
        ctx.contentType("image/png");
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("X-Signature-Box", DraftPreview.header(picture.marks()));
        ctx.result(picture.png());
    }

    public void register(Context ctx) {
        Integer asked = Requests.year(ctx.queryParam("year"), 1900, 9999);
        int year = asked == null ? register.currentYear() : asked;
        if ("pdf".equals(ctx.queryParam("format"))) {
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\"so-van-ban-di-" + year + ".pdf\"");
            ctx.result(register.pdf(year));
            return;
        }
        String q = PageSlice.query(ctx);
        Map<String, Object> model = new HashMap<>(PageSlice.page(ctx, register.find(year, q)));
        model.put("year", year);
        model.put("q", q);
        Views.render(ctx, "register-outgoing", model);
    }

    private List<KeyInfo> usable(User caller) {
        return keys.usableBy(caller).stream().filter(k -> KeyInfo.ACTIVE.equals(k.status())).toList();
    }

    private static Map<String, Object> row(Dispatch d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("type", d.type().vietnameseName());
        m.put("subject", d.subject());
        m.put("signer", d.signerPosition() + " " + d.signerName());
        m.put("status", d.status().name());
        m.put("createdAt", Shown.time(d.createdAt()));
        m.put("number", d.issued() == null ? "" : d.issued().number());
        m.put("recipients", String.join("; ", d.recipients()));
        m.put("sha256", d.currentSha256());
        return m;
    }
}
