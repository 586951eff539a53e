package vn.vanthu.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.Auth;
import vn.vanthu.web.AuditTags;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.FilePart;
import vn.vanthu.limits.InputLimits;
import vn.vanthu.web.Uploads;
import vn.vanthu.web.Requests;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP for signing: {@code POST /api/v1/signatures} (server-held key), {@code …/prepare} and
 * {@code …/{preparationId}/complete} (client-held key), {@code …/extend} (augmentation). Parts are read and
 * checked here; everything else happens in {@link SigningService} / {@link TwoStepSigning}.
 */
public final class SigningController {
    /** Uploads up to this size stay in memory (fast path); larger ones are spooled to a private temp file. */
    private static final long IN_MEMORY_LIMIT = 4L * 1024 * 1024;

    private final SigningService signing;
    private final TwoStepSigning twoStep;
    private final KeyVault keys;
    private static final int KEY_ID = 64;
    private static final int PIN = 256;
    /** A visible signature's placement ({@link VisibleSignature#parse}). */
    private static final int VISIBLE = 200;
    /** A PEM certificate chain (a part or a file part). */
    private static final int CERTIFICATE = 64 * 1024;
    /** The form fields of signing, its two-step first step and extension: checked before anything runs, and documented. */
    public static final BodySpec SIGN = BodySpec.form(formats(), levels(), packagings(), FieldSpec.text("keyId", KEY_ID),
            FieldSpec.text("pin", PIN), FieldSpec.text("reason", SignRequest.MAX_TEXT), FieldSpec.text("location", SignRequest.MAX_TEXT),
            FieldSpec.text("visible", VISIBLE)).withFiles(FilePart.many("file", InputLimits.CONTAINER_FILES));
    public static final BodySpec PREPARE = BodySpec.form(formats(), levels(), packagings(),
            FieldSpec.text("reason", SignRequest.MAX_TEXT), FieldSpec.text("location", SignRequest.MAX_TEXT),
            FieldSpec.text("visible", VISIBLE), FieldSpec.text("certificate", CERTIFICATE))
            .withFiles(FilePart.many("file", InputLimits.CONTAINER_FILES), FilePart.one("certificate", CERTIFICATE));
    public static final BodySpec EXTEND = BodySpec.form(levels())
            .withFiles(FilePart.one("file"), FilePart.many("original", InputLimits.CONTAINER_FILES));

    private static FieldSpec formats() {
        return FieldSpec.oneOf("format", java.util.Arrays.stream(SignatureFormat.values()).map(SignatureFormat::apiName).toList());
    }

    private static FieldSpec levels() {
        return FieldSpec.oneOf("level", Level.class);
    }

    private static FieldSpec packagings() {
        return FieldSpec.oneOf("packaging", Packaging.class);
    }

    private final SealRule sealRule;

    public SigningController(SigningService signing, TwoStepSigning twoStep, KeyVault keys, SealRule sealRule) {
        this.signing = signing;
        this.twoStep = twoStep;
        this.keys = keys;
        this.sealRule = sealRule;
    }

    public void sign(Context ctx) throws Exception {
        List<Path> temps = new ArrayList<>();
        try {
            SignRequest r = request(ctx, temps);
            String keyId = required(ctx, "keyId");
            String pin = required(ctx, "pin");
            SignedDocument s;
            // Owner check (OFFICIAL: own keys, CLERK: the agency seal), PIN and lockout happen in unlock.
            try (SigningKey key = keys.unlock(Auth.user(ctx), keyId, pin)) {
                checkSeal(ctx, keyId, key, r);
                byte[] image = r.visible() != null && r.visible().ownImage() ? keys.image(keyId).orElse(null) : null;
                s = signing.sign(r.image(image), key);
            }
            AuditTags.set(ctx, "SIGN", s.signatureId(), s.level() + ", key " + keyId);
            answer(ctx, s);
        } finally {
            temps.forEach(TempFiles::delete);
        }
    }

    /** After the owner and PIN checks (so a stranger learns nothing); a refusal is audited under its own action. */
    private void checkSeal(Context ctx, String keyId, SigningKey key, SignRequest r) {
        try {
            sealRule.check(key, r);
        } catch (ApiException e) {
            AuditTags.set(ctx, "SEAL_REFUSED", keyId, e.code());
            throw e;
        }
    }

    public void prepare(Context ctx) throws Exception {
        List<Path> temps = new ArrayList<>();
        try {
            SignRequest r = request(ctx, temps);
            var chain = TwoStepSigning.parsePem(certificate(ctx));
            TwoStepSigning.Prepared p = twoStep.prepare(Auth.user(ctx), r, chain);
            AuditTags.set(ctx, "SIGN_PREPARE", p.preparationId(), r.format().apiName() + "-" + levelOf(r)
                    + ", client certificate " + chain.get(0).getSerialNumber().toString(16));
            ctx.json(p.answer());
        } finally {
            temps.forEach(TempFiles::delete);
        }
    }

    public void complete(Context ctx) throws Exception {
        byte[] value = Requests.signatureValue(ctx);
        String id = ctx.pathParam("preparationId");
        SignedDocument s = twoStep.complete(Auth.user(ctx), id, value);
        AuditTags.set(ctx, "SIGN", s.signatureId(), s.level() + ", key client-held (preparation " + id + ")");
        answer(ctx, s);
    }

    public void extend(Context ctx) throws Exception {
        List<Path> temps = new ArrayList<>();
        try {
            SignDocument file = document(Uploads.one(ctx, "file"), temps);
            Level level = Level.parse(Uploads.text(ctx, "level", "LT"));
            List<SignDocument> originals = new ArrayList<>();
            for (UploadedFile f : Uploads.all(ctx, "original")) {
                originals.add(document(f, temps));
            }
            SignedDocument s = signing.extend(file, originals, level);
            AuditTags.set(ctx, "SIGN_EXTEND", s.signatureId(), s.level());
            answer(ctx, s);
        } finally {
            temps.forEach(TempFiles::delete);
        }
    }

    private SignRequest request(Context ctx, List<Path> temps) throws IOException {
        Uploads.requireMultipart(ctx);
        SignatureFormat format = SignatureFormat.parse(required(ctx, "format"));
        String levelText = Uploads.text(ctx, "level", null);
        Level level = levelText == null ? null : Level.parse(levelText);
        Packaging packaging = Packaging.forFormat(format, Uploads.text(ctx, "packaging", null));
        List<UploadedFile> uploads = Uploads.all(ctx, "file");
        if (uploads.isEmpty()) {
            throw ApiException.badRequest("MISSING_FILE", "The multipart part 'file' is required", "file");
        }
        if (uploads.size() > 1 && format != SignatureFormat.ASIC_E) {
            throw ApiException.badRequest("TOO_MANY_FILES", format.apiName() + " signs exactly one file; use ASiC-E for several", "file");
        }
        List<SignDocument> files = new ArrayList<>();
        for (UploadedFile f : uploads) {
            files.add(document(f, temps));
        }
        return SignRequest.of(format, packaging, files).level(level)
                .visible(VisibleSignature.parse(Uploads.text(ctx, "visible", null)))
                .reason(Uploads.text(ctx, "reason", null)).location(Uploads.text(ctx, "location", null));
    }

    private Level levelOf(SignRequest r) {
        return r.level() == null ? signing.defaultLevel() : r.level();
    }

    private static SignDocument document(UploadedFile f, List<Path> temps) throws IOException {
        if (f.size() == 0) {
            throw ApiException.unprocessable("EMPTY_FILE", "The file '" + f.filename() + "' is empty", "file");
        }
        String name = f.filename() == null || f.filename().isBlank() ? "document" : Path.of(f.filename()).getFileName().toString();
        try (InputStream in = f.content()) {
            if (f.size() <= IN_MEMORY_LIMIT) {
                return SignDocument.of(in.readAllBytes(), name);
            }
            Path tmp = TempFiles.create("sign-in");
            temps.add(tmp);
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return SignDocument.of(tmp, name);
        }
    }

    private static String certificate(Context ctx) throws IOException {
        List<UploadedFile> files = ctx.uploadedFiles("certificate");
        if (!files.isEmpty()) {
            try (InputStream in = files.get(0).content()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        return required(ctx, "certificate");
    }

    private static String required(Context ctx, String part) {
        String v = Uploads.text(ctx, part, null);
        if (v == null) {
            throw ApiException.badRequest("MISSING_FIELD", "The multipart part '" + part + "' is required", part);
        }
        return v;
    }

    private static void answer(Context ctx, SignedDocument s) throws IOException {
        ctx.contentType(s.mediaType());
        ctx.header("X-Vanthu-Signature-Id", s.signatureId());
        ctx.header("Content-Disposition", disposition(s.filename()));
        Optional<Path> file = s.file();
        if (file.isPresent()) {
            ctx.result(new DeletingStream(file.get()));
        } else {
            ctx.result(s.bytes());
        }
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name (RFC 5987). */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String utf8 = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }

    /** Streams DSS's temporary output file and deletes it once the response is written. */
    private static final class DeletingStream extends FilterInputStream {
        private final Path file;

        DeletingStream(Path file) throws IOException {
            super(Files.newInputStream(file));
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                TempFiles.delete(file);
            }
        }
    }
}
