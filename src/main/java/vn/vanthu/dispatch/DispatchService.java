package vn.vanthu.dispatch;

import java.time.Clock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.KeyService;
import vn.vanthu.keys.UnlockedKey;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SignedDocument;
import vn.vanthu.signing.SigningService;
import vn.vanthu.signing.VisibleSignature;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;
import vn.vanthu.users.UserService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Outgoing documents from draft to signature (Decree 30/2020): a draft PDF with its metadata, signed by the
 * official it names, the handwritten-signature image placed in the signer block found in the PDF's own text.
 * Issuing (number, date, seal) is {@link Issuing}.
 *
 * <pre>{@code
 * Dispatch d = dispatches.create(clerk, meta, pdf, "cong-van.pdf");
 * dispatches.sign(official, d.id(), "official1", pin, null);   // → SIGNED
 * }</pre>
 */
public final class DispatchService {
    /** Độ khẩn of an outgoing draft, from the least urgent. */
    public static final List<String> PRIORITIES = List.of("NORMAL", "URGENT", "VERY_URGENT", "EXPRESS", "EMERGENCY");

    private final DispatchDao dao;
    private final DocumentStore store;
    private final KeyService keys;
    private final SigningService signing;
    private final UserService users;
    private final AppConfig.Agency agency;
    private final Clock clock;
    private final DispatchAccess access;
    private final Numbering numbering;
    private final FiledDao filed;

    /** With the default access rule: secret dispatches seen by clerks (and their creator and signer). */
    DispatchService(DispatchDao dao, DocumentStore store, KeyService keys, SigningService signing, UserService users,
                    AppConfig.Agency agency, Clock clock) {
        this(dao, store, keys, signing, users, agency, clock, new DispatchAccess(Set.of(Role.CLERK)), null, null);
    }

    DispatchService(DispatchDao dao, DocumentStore store, KeyService keys, SigningService signing, UserService users,
                    AppConfig.Agency agency, Clock clock, DispatchAccess access, Numbering numbering,
                    FiledDao filed) {
        this.numbering = numbering;
        this.filed = filed;
        this.clock = clock;
        this.access = access;
        this.dao = dao;
        this.store = store;
        this.keys = keys;
        this.signing = signing;
        this.users = users;
        this.agency = agency;
    }

    /** The series layout of the year (the default one when this service was built without {@link Numbering}). */
    NumberingLayout layout(int year) {
        return numbering == null ? NumberingLayout.defaults() : numbering.layout(year);
    }

    /** The dossier an issued dispatch was first filed in and its document ordinal there, once filed. */
    Optional<FiledDao.Filed> filed(String id) {
        return filed == null ? Optional.empty() : filed.filed(id);
    }

    public AppConfig.Agency agency() {
        return agency;
    }

    public Dispatch create(User caller, RequestOrigin origin, NewDispatch m, Path pdf, String fileName) {
        DocumentType type = DocumentType.parse(m.documentType());
        String subject = DraftFields.required(m.subject(), "subject", DraftFields.SUBJECT);
        String position = DraftFields.required(m.signerPosition(), "signerPosition", DraftFields.SIGNER);
        String name = DraftFields.required(m.signerName(), "signerName", DraftFields.SIGNER);
        String signerId = DraftFields.required(m.signerUserId(), "signerUserId", DraftFields.USER_ID);
        User signer = users.find(signerId).filter(u -> u.has(Role.OFFICIAL)).orElseThrow(() -> ApiException
                .unprocessable("UNKNOWN_SIGNER", "signerUserId must name a user with the role OFFICIAL", "signerUserId"));
        List<String> recipients = DraftFields.recipients(m.recipients());
        String unit = m.draftingUnit() == null || m.draftingUnit().isBlank() ? null : m.draftingUnit().trim();
        if (unit != null && unit.length() > DraftFields.MAX_UNIT) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "draftingUnit must be at most " + DraftFields.MAX_UNIT + " characters", "draftingUnit");
        }
        if (!type.abbreviated() && unit == null) {
            throw ApiException.badRequest("MISSING_FIELD", "A " + type.vietnameseName().toLowerCase(Locale.ROOT) + " ("
                    + type.code() + ") needs its draftingUnit for the symbol", "draftingUnit");
        }
        String priority = m.priority() == null || m.priority().isBlank() ? "NORMAL" : m.priority().trim().toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(priority)) {
            throw ApiException.badRequest("INVALID_PRIORITY", "priority must be one of " + PRIORITIES, "priority");
        }
        String due = DraftFields.dueDate(m.dueDate());
        int pages = pageCount(pdf);
        DocumentStore.StoredDocument doc = store.put(pdf, "application/pdf");
        Dispatch d = new Dispatch(UUID.randomUUID().toString(), Dispatch.Status.DRAFT, type, subject, position, name,
                signer.id(), recipients, unit, priority, Boolean.TRUE.equals(m.secret()), due, pages,
                fileName == null || fileName.isBlank() ? "du-thao.pdf" : fileName, doc.sha256(), caller.id(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), null);
        dao.insert(d, AuditLog.Entry.ofChange(origin, "DISPATCH_CREATE", d.id(), type.code()));
        return d;
    }

    public Dispatch get(String id) {
        return dao.find(id).orElseThrow(() -> ApiException.notFound("Dispatch " + id));
    }

    /** The dispatch as this caller may see it: 404 when it is hidden from them (see {@link DispatchAccess}). */
    public Dispatch get(User caller, String id) {
        return access.visible(caller, get(id));
    }

    public List<Dispatch.Event> history(String id) {
        return dao.history(id);
    }

    public List<Dispatch.Attachment> attachments(String id) {
        return dao.attachments(id);
    }

    /** Whether the caller may see this dispatch (drafts and secret ones are not for everyone). */
    public boolean visible(User caller, Dispatch d) {
        return access.sees(caller, d);
    }

    /** Whether dispatch {@code id} exists and the caller may see it (for the documents it references). */
    public boolean sees(User caller, String id) {
        return dao.find(id).map(d -> access.sees(caller, d)).orElse(false);
    }

    public List<Dispatch> list(User caller, String status, Integer year, int limit, long offset) {
        if (status != null) {
            try {
                Dispatch.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_STATUS", "status must be one of DRAFT, SIGNED, ISSUED", "status");
            }
        }
        return dao.list(status, year, access.filter(caller), limit, offset);
    }

    /** The current PDF, verified, in a temporary file the caller deletes. */
    public Path file(User caller, String id) {
        return store.copyToTempFile(get(caller, id).currentSha256());
    }

    /** The official named as signer signs the draft; {@code position} only when the signer block is not in the text. */
    public Dispatch sign(User caller, RequestOrigin origin, String id, String keyId, String pin, VisibleSignature position) {
        Dispatch d = get(id);
        if (!caller.id().equals(d.signerUserId())) {
            throw ApiException.forbidden("NOT_THE_SIGNER", "Only the official named as signer may sign this dispatch");
        }
        requireDraft(d);
        Path pdf = store.copyToTempFile(d.currentSha256());
        try {
            List<PdfText.Line> lines = PdfText.lines(pdf);
            VisibleSignature visible = officialPlace(lines, d, position, true);
            NumberMarks.Anchors anchors = checkedAnchors(pdf, lines, d);
            SignedDocument signed;
            try (UnlockedKey key = keys.unlock(caller, keyId, pin)) {
                byte[] image = keys.image(keyId).orElse(null);
                signed = signing.sign(SignRequest.pades(SignDocument.of(pdf)).visible(visible).image(image)
                        .reason("Ký duyệt: " + d.signerPosition()).location(agency.name()), key);
            }
            String sha = put(signed);
            var place = new DispatchDao.Place(box(visible), anchors);
            if (!dao.markSigned(id, sha, place, caller.id(), signed.level(),
                    AuditLog.Entry.ofChange(origin, "DISPATCH_SIGN", id, "key=" + keyId))) {
                throw ApiException.conflict("NOT_A_DRAFT", "The dispatch was signed meanwhile");
            }
            return get(id);
        } finally {
            TempFiles.delete(pdf);
        }
    }

    /** The blanks of page 1 after {@link DraftCheck}: number place, symbol, date line (422 naming what is wrong). */
    NumberMarks.Anchors checkedAnchors(Path pdf, List<PdfText.Line> lines, Dispatch d) {
        LocalDate today = VietnamTime.today(clock);
        return DraftCheck.anchors(pdf, lines, layout(today.getYear()).notation(d, agency.abbreviation()), today);
    }

    static SignerBlock.Box box(VisibleSignature v) {
        return new SignerBlock.Box(v.page(), v.x(), v.y(), v.width(), v.height());
    }

    DocumentStore store() {
        return store;
    }

    public Dispatch.Attachment attach(User caller, String id, Path pdf, String fileName) {
        Dispatch d = get(id);
        access.mayAttach(caller, d);
        if (d.status() == Dispatch.Status.ISSUED) {
            throw ApiException.conflict("ALREADY_ISSUED", "An issued dispatch cannot change; attach while DRAFT or SIGNED");
        }
        pageCount(pdf);
        String sha = store.put(pdf, "application/pdf").sha256();
        var a = new Dispatch.Attachment(UUID.randomUUID().toString(), dao.attachments(id).size() + 1,
                fileName == null || fileName.isBlank() ? "phu-luc.pdf" : fileName, sha);
        dao.addAttachment(id, a, caller.id());
        return a;
    }

    /** The official's signature box: the signer block of the PDF's text, else the place the request gives, else 422. */
    VisibleSignature officialPlace(List<PdfText.Line> lines, Dispatch d, VisibleSignature given, boolean ownImage) {
        Optional<SignerBlock.Box> block = officialBox(lines, d);
        if (block.isPresent()) {
            SignerBlock.Box b = block.get();
            return new VisibleSignature(b.page(), b.x(), b.y(), b.width(), b.height(), ownImage, null);
        }
        if (given == null) {
            throw ApiException.unprocessable("SIGNER_BLOCK_NOT_FOUND", "The PDF has no line '" + d.signerPosition()
                    + "' followed by '" + d.signerName() + "'; give the signature's place in 'visible'", "visible");
        }
        return new VisibleSignature(given.page(), given.x(), given.y(), given.width(), given.height(), ownImage, null);
    }

    /** The box of the signer block the draft's text shows for its signer (what {@link #sign} uses when found). */
    static Optional<SignerBlock.Box> officialBox(List<PdfText.Line> lines, Dispatch d) {
        return SignerBlock.find(lines, d.signerPosition(), d.signerName()).map(SignerBlock::official);
    }

    static void requireDraft(Dispatch d) {
        if (d.status() != Dispatch.Status.DRAFT) {
            throw ApiException.conflict("NOT_A_DRAFT", "The dispatch is " + d.status() + "; only a draft is signed");
        }
    }

    String put(SignedDocument doc) {
        return put(doc, "application/pdf");
    }

    String put(SignedDocument doc, String mediaType) {
        try (InputStream in = doc.openStream()) {
            return store.put(in, mediaType).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of pages; 422 naming {@code file} when it is not a readable PDF. */
    static int pageCount(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            if (doc.isEncrypted()) {
                throw ApiException.unprocessable("ENCRYPTED_PDF", "The file is encrypted; upload it without a password "
                        + "or restrictions", "file");
            }
            return PageTree.check(doc);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiException.unprocessable("NOT_A_PDF", "The file is not a readable PDF", "file");
        }
    }
}
