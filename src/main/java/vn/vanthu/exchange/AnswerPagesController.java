package vn.vanthu.exchange;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.dispatch.Dispatch;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.dispatch.DocumentType;
import vn.vanthu.dispatch.NewDispatch;
import vn.vanthu.error.ApiException;
import vn.vanthu.incoming.Incoming;
import vn.vanthu.incoming.IncomingPagesController;
import vn.vanthu.store.TempFiles;
import vn.vanthu.users.UserService;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.Auth;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.FilePart;
import vn.vanthu.web.Forms;
import vn.vanthu.web.Role;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.User;
import vn.vanthu.web.Views;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The handler's answer from the page: the lead of an incoming document drafts the outgoing answer (subject
 * "Trả lời …" and the sending organ as recipient prefilled, the signing official chosen from the officials, the
 * PDF draft), which is created and named as the document's answer; the handler's page then shows it on the row.
 *
 * <pre>{@code r.add(POST, "/handling/{id}/answer", Set.of(HANDLER, OFFICIAL), …, MULTIPART, answerPages::create);}</pre>
 */
public final class AnswerPagesController {
    private static final int SUBJECT = 500;
    /** The answer form: the draft's metadata as the API takes it, and the PDF. */
    public static final BodySpec FORM = BodySpec.form(FieldSpec.text("signerUserId", 40).required(),
            FieldSpec.text("signerName", 200), FieldSpec.text("recipients", 4_000).required(),
            FieldSpec.text("documentType", 10).required(), FieldSpec.text("subject", SUBJECT).required(),
            FieldSpec.text("signerPosition", 200).required(), FieldSpec.text("draftingUnit", 50),
            FieldSpec.text("priority", 20), FieldSpec.text("secret", 5), FieldSpec.text("dueDate", 20))
            .withFiles(FilePart.one("file"));
    private final Answers answers;
    private final UserService users;
    private final IncomingPagesController handling;

    AnswerPagesController(Answers answers, UserService users, IncomingPagesController handling) {
        this.answers = answers;
        this.users = users;
        this.handling = handling;
    }

    public void form(Context ctx) {
        Incoming d = answers.led(Auth.user(ctx), ctx.pathParam("id"));
        Incoming.Metadata m = d.metadata();
        String subject = "Trả lời văn bản số " + m.numberSymbol() + " của " + m.sendingOrgan();
        Map<String, Object> model = new HashMap<>();
        model.put("incomingId", d.id());
        model.put("answered", m.numberSymbol() + " · " + m.sendingOrgan() + " · " + m.subject());
        model.put("subject", subject.length() > SUBJECT ? subject.substring(0, SUBJECT) : subject);
        model.put("recipients", m.sendingOrgan());
        model.put("secret", m.secret());
        model.put("types", Arrays.stream(DocumentType.values()).map(t -> Map.of("code", t.code(), "name", t.vietnameseName())).toList());
        model.put("officials", officials());
        model.put("priorities", DispatchService.PRIORITIES);
        Views.render(ctx, "answer-new", model);
    }

    public void create(Context ctx) throws Exception {
        User caller = Auth.user(ctx);
        String incomingId = ctx.pathParam("id");
        answers.led(caller, incomingId);
        UploadedFile file = Uploads.one(ctx, "file");
        Map<String, String> form = Forms.values(ctx, FORM);   // checked against FORM before this handler
        String signerId = form.get("signerUserId").strip();
        User signer = officials().stream().filter(u -> u.id().equals(signerId)).findFirst().orElseThrow(() ->
                ApiException.unprocessable("UNKNOWN_SIGNER", "Choose the signing official from the list", "signerUserId"));
        String name = stripped(form, "signerName");
        var meta = new NewDispatch(stripped(form, "documentType"), stripped(form, "subject"),
                stripped(form, "signerPosition"), name == null ? signer.displayName() : name, signer.id(),
                form.get("recipients").lines().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                stripped(form, "draftingUnit"), stripped(form, "priority"), "on".equals(form.get("secret")),
                stripped(form, "dueDate"));
        Path pdf = TempFiles.create("answer");
        try {
            try (InputStream in = file.content()) {
                Files.copy(in, pdf, StandardCopyOption.REPLACE_EXISTING);
            }
            Dispatch d = answers.draftAnswer(caller, AuditTags.origin(ctx), incomingId, meta, pdf, file.filename());
            AuditTags.set(ctx, "DISPATCH_CREATE", d.id(), "answer of " + incomingId);
            handling.mine(ctx, Views.text(ctx, "answer.created") + " " + d.subject());
        } finally {
            TempFiles.delete(pdf);
        }
    }

    /** The enabled officials, who may sign a draft. */
    private List<User> officials() {
        return users.list().stream().filter(u -> !u.disabled() && u.has(Role.OFFICIAL)).toList();
    }

    private static String stripped(Map<String, String> form, String field) {
        String v = form.get(field);
        return v == null ? null : v.strip();
    }
}
