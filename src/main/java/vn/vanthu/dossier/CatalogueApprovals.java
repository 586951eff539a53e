package vn.vanthu.dossier;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.KeyInfo;
import vn.vanthu.keys.KeyService;
import vn.vanthu.keys.UnlockedKey;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SignedDocument;
import vn.vanthu.signing.SigningService;
import vn.vanthu.signing.VisibleSignature;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The head of the agency approves the year's dossier catalogue by a decision (Decree 30 Art. 28, Appendix V): the
 * printed catalogue with "Ban hành kèm theo Quyết định số … ngày …", the place and date and the approver's
 * block, signed (PAdES) with the approver's own key. Each approved version is kept; a replacement of the
 * catalogue makes it unapproved until it is approved again. Who heads the agency: the logins of
 * {@code VANTHU_AGENCY_HEADS}, who also hold the OFFICIAL role.
 *
 * <pre>{@code Approval a = approvals.approve(head, origin, 2027, new ApproveInput("12/QĐ-SKHCN", "2027-01-05", "Thái Bình", "GIÁM ĐỐC", "official1", pin));}</pre>
 */
public final class CatalogueApprovals {
    private static final Pattern DECISION_NUMBER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}/.\\-]{0,49}");
    private static final Pattern TEXT = Pattern.compile("[^\\p{Cc}\\p{Cf}]+");

    /** One approval: of which revision of the catalogue, by which decision, who, when, the signed PDF. */
    public record Approval(int year, int version, int revision, String decisionNumber, String decisionDate, String place,
                           String position, String approvedBy, OffsetDateTime approvedAt, String pdfSha256) {}

    static final int DECISION_NUMBER_LENGTH = 50;
    static final int PLACE = 100;
    static final int POSITION = 200;
    static final int KEY_ID = 100;
    static final int PIN = 100;
    /** The approval's fields and limits, checked before the reader and documented. */
    public static final BodySpec FIELDS = BodySpec.json(FieldSpec.text("decisionNumber", DECISION_NUMBER_LENGTH),
            FieldSpec.date("decisionDate"), FieldSpec.text("place", PLACE), FieldSpec.text("position", POSITION),
            FieldSpec.text("keyId", KEY_ID), FieldSpec.text("pin", PIN));

    /** The body of {@code POST /api/v1/catalogues/{year}/approve}. */
    public record ApproveInput(String decisionNumber, String decisionDate, String place, String position, String keyId,
                               String pin) {}

    private final CatalogueApprovalDao dao;
    private final CatalogueService catalogues;
    private final KeyService keys;
    private final SigningService signing;
    private final DocumentStore store;
    private final AppConfig.Agency agency;
    private final Set<String> heads;
    private final Clock clock;

    CatalogueApprovals(Database db, CatalogueService catalogues, KeyService keys, SigningService signing,
                       DocumentStore store, AppConfig.Agency agency, Set<String> heads, Clock clock) {
        this.dao = new CatalogueApprovalDao(db);
        this.catalogues = catalogues;
        this.keys = keys;
        this.signing = signing;
        this.store = store;
        this.agency = agency;
        this.heads = Set.copyOf(heads);
        this.clock = clock;
    }

    public Approval approve(User caller, RequestOrigin origin, int year, ApproveInput in) {
        if (!heads.contains(caller.name())) {
            throw ApiException.forbidden("NOT_AGENCY_HEAD", "Only the head of the agency (VANTHU_AGENCY_HEADS) approves the dossier catalogue");
        }
        if (in == null) {
            throw ApiException.badRequest("MISSING_FIELD", "The body is {decisionNumber, decisionDate, place, position, keyId, pin}", null);
        }
        int revision = dao.revision(year).orElseThrow(() -> ApiException.notFound("The dossier catalogue of " + year));
        String number = required(in.decisionNumber(), "decisionNumber", DECISION_NUMBER_LENGTH);
        if (!DECISION_NUMBER.matcher(number).matches()) {
            throw ApiException.badRequest("INVALID_DECISION_NUMBER", "decisionNumber is the decision's number and symbol, e.g. 12/QĐ-SKHCN", "decisionNumber");
        }
        LocalDate date = decisionDate(in.decisionDate(), year);
        String place = required(in.place(), "place", PLACE);
        String position = required(in.position(), "position", POSITION);
        String keyId = required(in.keyId(), "keyId", KEY_ID);
        String pin = required(in.pin(), "pin", PIN);
        if (current(year).isPresent()) {
            throw ApiException.conflict("ALREADY_APPROVED", "This version of the catalogue of " + year + " is approved already");
        }
        Catalogue c = catalogues.get(year);
        String name = caller.displayName() == null || caller.displayName().isBlank() ? caller.name() : caller.displayName();
        CataloguePdf.Rendered r = CataloguePdf.render(c, agency.name(), new CataloguePdf.Decision(number, date, place, position, name));
        String sha;
        try (UnlockedKey key = keys.unlock(caller, keyId, pin)) {
            if (KeyInfo.AGENCY_SEAL.equals(key.info().owner())) {
                throw ApiException.unprocessable("NOT_A_PERSONAL_KEY", "The head approves with their own key, not the agency seal", "keyId");
            }
            SignedDocument signed = signing.sign(SignRequest.pades(SignDocument.of(r.pdf(), "danh-muc-ho-so-" + year + ".pdf"))
                    .visible(new VisibleSignature(r.page(), r.x(), r.fromTop(), r.width(), r.height(), true, null))
                    .image(keys.image(keyId).orElse(null))
                    .reason("Phê duyệt danh mục hồ sơ năm " + year + " (Quyết định số " + number + ")").location(place), key);
            sha = store.put(new ByteArrayInputStream(signed.bytes()), "application/pdf").sha256();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return dao.insert(new Approval(year, 0, revision, number, date.toString(), place, position, caller.id(), now, sha),
                AuditLog.Entry.ofChange(origin, "CATALOGUE_APPROVE", "catalogue " + year, "decision " + number));
    }

    /** The logins of the agency's heads, who approve the catalogue. */
    public Set<String> heads() {
        return heads;
    }

    /** Every approval of the year, the first first. */
    public List<Approval> list(int year) {
        CatalogueRules.year(year);
        return dao.list(year);
    }

    /** The approval of the catalogue as it is now; empty when it was never approved or replaced since. */
    public Optional<Approval> current(int year) {
        Optional<Integer> revision = dao.revision(year);
        List<Approval> all = dao.list(year);
        if (revision.isEmpty() || all.isEmpty()) {
            return Optional.empty();
        }
        Approval last = all.get(all.size() - 1);
        return last.revision() == revision.get() ? Optional.of(last) : Optional.empty();
    }

    /** The signed PDF of one approved version; 404 when there is no such version. */
    public byte[] pdf(int year, int version) {
        Approval a = list(year).stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("Approval " + version + " of the catalogue of " + year));
        return store.readAllBytes(a.pdfSha256());
    }

    /** The printed catalogue: the signed approved PDF while it is approved, else the draft print. */
    public byte[] printed(int year) {
        Optional<Approval> a = current(year);
        return a.isPresent() ? store.readAllBytes(a.get().pdfSha256()) : catalogues.pdf(year);
    }

    private LocalDate decisionDate(String text, int year) {
        String t = required(text, "decisionDate", 10);
        LocalDate d;
        try {
            d = LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE", "decisionDate is an ISO date yyyy-MM-dd", "decisionDate");
        }
        if (d.isAfter(VietnamTime.today(clock)) || d.getYear() < year - 1 || d.getYear() > year) {
            throw ApiException.unprocessable("INVALID_DECISION_DATE", "decisionDate is not after today and in " + (year - 1)
                    + " or " + year + " (the catalogue is approved at the start of its year)", "decisionDate");
        }
        return d;
    }

    private static String required(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw ApiException.badRequest("MISSING_FIELD", field + " is required", field);
        }
        if (v.length() > max || !TEXT.matcher(v).matches()) {
            throw ApiException.badRequest("INVALID_FIELD", field + " is at most " + max + " characters, without control characters", field);
        }
        return v;
    }
}
