package vn.vanthu.signing;

import java.util.List;
import java.util.Objects;

/**
 * <em>What</em> to sign and <em>how</em>: the format and packaging, the documents, the level (the service's
 * default when not set), and for PAdES the visible box, the owner's image, reason and location. Immutable: each
 * step answers a new request. Checked in full when signed (PDF or XML content, the time-stamping service a level
 * needs); a request without its document is refused here.
 *
 * <pre>{@code
 * SignRequest pades = SignRequest.pades(pdf).visible(box).reason("Ký duyệt").location("Hà Nội").level(Level.LT);
 * SignRequest seal = SignRequest.xadesEnveloped(xml).level(Level.B);
 * SignRequest cms = SignRequest.cades(file).packaging(Packaging.DETACHED);
 * SignRequest box = SignRequest.asice(List.of(a, b));
 * }</pre>
 */
public final class SignRequest {
    private final SignatureFormat format;
    private final Packaging packaging;
    private final List<SignDocument> documents;
    private final Level level;
    private final VisibleSignature visible;
    private final byte[] image;
    private final String reason;
    private final String location;

    private SignRequest(SignatureFormat format, Packaging packaging, List<SignDocument> documents, Level level,
                        VisibleSignature visible, byte[] image, String reason, String location) {
        this.format = format;
        this.packaging = packaging;
        this.documents = documents;
        this.level = level;
        this.visible = visible;
        this.image = image;
        this.reason = reason;
        this.location = location;
    }

    /** A PAdES signature: an incremental update of the PDF, invisible until {@link #visible} is set. */
    public static SignRequest pades(SignDocument pdf) {
        return of(SignatureFormat.PADES, Packaging.ENVELOPED, List.of(required(pdf)));
    }

    /** An enveloped XAdES signature: the signature joins the XML document it signs. */
    public static SignRequest xadesEnveloped(SignDocument xml) {
        return of(SignatureFormat.XADES, Packaging.ENVELOPED, List.of(required(xml)));
    }

    /** A CAdES signature (a CMS SignedData) enveloping the file; {@link #packaging} DETACHED leaves it out. */
    public static SignRequest cades(SignDocument file) {
        return of(SignatureFormat.CADES, Packaging.ENVELOPING, List.of(required(file)));
    }

    /** An ASiC-E container with XAdES: one signature over every file. */
    public static SignRequest asice(List<SignDocument> files) {
        return of(SignatureFormat.ASIC_E, Packaging.DETACHED, files);
    }

    /** Any format and packaging, as a client asks for them ({@link Packaging#forFormat} resolves the packaging). */
    public static SignRequest of(SignatureFormat format, Packaging packaging, List<SignDocument> documents) {
        Objects.requireNonNull(format, "a signature format");
        Objects.requireNonNull(packaging, "a packaging");
        Objects.requireNonNull(documents, "the documents to sign");
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("A signature request needs at least one document");
        }
        documents.forEach(SignRequest::required);
        return new SignRequest(format, packaging, List.copyOf(documents), null, null, null, null, null);
    }

    /** The ETSI level; without it the service's default (LT with a time-stamping service, else B). */
    public SignRequest level(Level l) {
        return new SignRequest(format, packaging, documents, l, visible, image, reason, location);
    }

    public SignRequest packaging(Packaging p) {
        return new SignRequest(format, Objects.requireNonNull(p, "a packaging"), documents, level, visible, image, reason, location);
    }

    /** Where the PAdES signature shows; null for an invisible one. */
    public SignRequest visible(VisibleSignature v) {
        return new SignRequest(format, packaging, documents, level, v, image, reason, location);
    }

    /** The key owner's image (PNG), drawn when the visible box asks for it ({@link VisibleSignature#ownImage}). */
    public SignRequest image(byte[] png) {
        return new SignRequest(format, packaging, documents, level, visible, png, reason, location);
    }

    /** Longest reason or location kept (a prepared two-step signature stores them). */
    public static final int MAX_TEXT = 500;

    public SignRequest reason(String r) {
        return new SignRequest(format, packaging, documents, level, visible, image, bounded(r, "reason"), location);
    }

    public SignRequest location(String l) {
        return new SignRequest(format, packaging, documents, level, visible, image, reason, bounded(l, "location"));
    }

    private static String bounded(String text, String field) {
        if (text != null && text.length() > MAX_TEXT) {
            throw vn.vanthu.error.ApiException.badRequest("FIELD_TOO_LONG", field + " must be at most " + MAX_TEXT + " characters", field);
        }
        return text;
    }

    public SignatureFormat format() {
        return format;
    }

    public Packaging packaging() {
        return packaging;
    }

    public List<SignDocument> documents() {
        return documents;
    }

    /** The level asked for, or null for the service's default. */
    public Level level() {
        return level;
    }

    public VisibleSignature visible() {
        return visible;
    }

    byte[] image() {
        return image;
    }

    public String reason() {
        return reason;
    }

    public String location() {
        return location;
    }

    private static SignDocument required(SignDocument d) {
        return Objects.requireNonNull(d, "a document to sign");
    }
}
