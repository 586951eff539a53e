package vn.vanthu.dispatch;

import vn.vanthu.time.VietnamTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.UnlockedKey;
import vn.vanthu.signing.SignedDocument;
import vn.vanthu.signing.VisibleSignature;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The clerk issues a signed dispatch: PIN and certificate are checked first, then a number is reserved in a
 * short transaction, the number and date are written into the blanks of page 1 (annotations), the agency
 * seal is applied over the left third of the official's signature, each appendix is sealed top-right of page 1
 * with the number and time, and one transaction stores it all and consumes the number. Any failure after the
 * reservation gives the number back, so the series has no gaps. The edXML envelope is sealed and stored here too
 * ({@link EdXmlMessages#seal}: by the service's own seal when it holds one, else with the clerk's key), so that
 * reading it later writes nothing.
 *
 * <pre>{@code Dispatch issued = issuing.issue(clerk, id, "seal", pin);   // issued.issued().number() = "05/KH-SKHCN"}</pre>
 */
public final class Issuing {
    private static final DateTimeFormatter DOC_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final Sealing sealing;
    private final DispatchService dispatches;
    private final DispatchDao dao;
    private final NumberSeries numbers;
    private final EdXmlMessages messages;

    Issuing(Sealing sealing, DispatchDao dao, EdXmlMessages messages) {
        this.sealing = sealing;
        this.dispatches = sealing.dispatches();
        this.dao = dao;
        this.numbers = sealing.numbers();
        this.messages = messages;
    }

    public Dispatch issue(User clerk, RequestOrigin origin, String id, String keyId, String pin) {
        Dispatch d = dispatches.get(id);
        requireSigned(d);
        try (UnlockedKey key = sealing.keys().unlock(clerk, keyId, pin)) {
            requireUsable(key.chain().get(0));
            byte[] sealImage = sealing.keys().image(keyId).orElse(null);
            int year = numbers.today().getYear();
            NumberingLayout layout = dispatches.layout(year);
            NumberSeries.Reservation r = numbers.reserve(dispatches.agency().abbreviation(), year, layout.seriesOf(d));
            return numbers.use(r, () -> sealAndStore(clerk, origin, d, key, sealImage, r,
                    layout.notation(d, dispatches.agency().abbreviation())));
        }
    }

    private Dispatch sealAndStore(User clerk, RequestOrigin origin, Dispatch d, UnlockedKey key, byte[] sealImage,
                                  NumberSeries.Reservation r, String notation) {
        LocalDate today = numbers.today();
        String number = r.padded() + "/" + notation;
        OffsetDateTime now = OffsetDateTime.now(sealing.clock()).withOffsetSameInstant(ZoneOffset.UTC);
        var issued = new Dispatch.Issued(r.series(), r.year(), r.value(), r.padded(), notation, today.toString(), now,
                dispatches.agency().organId() + "," + today.format(DOC_DATE) + "," + number);
        List<Path> temps = new ArrayList<>();
        try {
            Path pdf = temp(temps, sealing.store().copyToTempFile(d.currentSha256()));
            NumberMarks.Anchors anchors = dao.markAnchors(d.id()).orElseGet(() -> NumberMarks.anchors(PdfText.lines(pdf, 1)));
            List<NumberMarks.Mark> marks = NumberMarks.marks(anchors, r.padded(), today);
            Path marked = marks.isEmpty() ? pdf : temp(temps, MarkAnnotations.add(pdf, marks));
            VisibleSignature seal = sealPlace(d);
            SignedDocument sealed = sealing.seal(marked, seal, key, sealImage, "Phát hành văn bản số " + number);
            String sha = dispatches.put(sealed);
            List<EdXml.File> files = new ArrayList<>();
            files.add(new EdXml.File(d.fileName(), sealed.bytes()));
            List<DispatchDao.SealedAttachment> sealedAttachments = new ArrayList<>();
            for (Dispatch.Attachment a : dispatches.attachments(d.id())) {
                Path file = temp(temps, sealing.store().copyToTempFile(a.sha256()));
                SignedDocument s = sealing.seal(file, attachmentPlace(file, number), key, null, "Phụ lục văn bản số " + number);
                sealedAttachments.add(new DispatchDao.SealedAttachment(a.id(), dispatches.put(s)));
                files.add(new EdXml.File(a.fileName(), s.bytes()));
            }
            String edxml = dispatches.put(messages.seal(messages.build(d.issuedAs(issued, sha), files),
                    key), "application/xml");
            dao.issue(d, sha, edxml, issued, r, sealedAttachments, clerk.id(),
                    AuditLog.Entry.ofChange(origin, "DISPATCH_ISSUE", d.id(), issued.number()));
            return dispatches.get(d.id());
        } finally {
            temps.forEach(TempFiles::delete);
        }
    }

    private VisibleSignature sealPlace(Dispatch d) {
        SignerBlock.Box s = sealBox(d);
        return new VisibleSignature(s.page(), s.x(), s.y(), s.width(), s.height(), true, null);
    }

    /** Where the seal of a signed dispatch goes: over the left third of the official's signature box. */
    SignerBlock.Box sealBox(Dispatch d) {
        return dao.signatureBox(d.id()).orElseThrow().seal();
    }

    /** Top-right of page 1, no image, 10 pt: number/symbol and the signing time (ISO 8601, +07:00); see NotationPlace. */
    private VisibleSignature attachmentPlace(Path pdf, String number) {
        String when = VietnamTime.now(sealing.clock()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return NotationPlace.place(pdf, number + "\n" + when);
    }

    private static void requireSigned(Dispatch d) {
        if (d.status() == Dispatch.Status.ISSUED) {
            throw ApiException.conflict("ALREADY_ISSUED", "The dispatch was already issued as " + d.issued().number());
        }
        if (d.status() != Dispatch.Status.SIGNED) {
            throw ApiException.conflict("NOT_SIGNED", "Only a dispatch the official has signed can be issued");
        }
    }

    /** Validity period and key usage, checked before a number is taken (revocation is checked when signing). */
    private static void requireUsable(X509Certificate c) {
        try {
            c.checkValidity();
        } catch (CertificateException e) {
            throw ApiException.unprocessable("CERTIFICATE_NOT_USABLE", "The seal certificate is expired or not yet valid", "keyId");
        }
        boolean[] usage = c.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            throw ApiException.unprocessable("CERTIFICATE_NOT_USABLE", "The seal certificate is not for digital signatures", "keyId");
        }
    }

    private static Path temp(List<Path> temps, Path p) {
        temps.add(p);
        return p;
    }
}
