package vn.vanthu.dispatch;

import vn.vanthu.time.VietnamTime;
import java.time.Clock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.KeyService;
import vn.vanthu.keys.UnlockedKey;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SigningService;
import vn.vanthu.signing.VisibleSignature;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Electronic copies (Decree 30 Art. 25): SAO Y (SY), SAO LỤC (SL), TRÍCH SAO (TrS, a page range) of an issued
 * dispatch or of an uploaded scan, sealed by the agency at the top-right of page 1 with no image; the text
 * names the copy form, its number in the yearly COPY series, the agency and the time (ISO 8601, +07:00).
 * SY and SL keep the source file whole (its signatures stay valid under the seal); TrS makes a new PDF of the
 * chosen pages.
 *
 * <pre>{@code Copy c = copies.copy(clerk, new Copies.Request(dispatchId, null, "SY", null, "seal", pin));}</pre>
 */
public final class Copies {
    /**
     * Where the copy comes from (an issued dispatch id, a scan file, or the number of a sao y the agency made), which
     * form, and the seal.
     */
    public record Request(String sourceId, Path scan, String copyNumber, String form, String pages, String keyId,
                          String pin) {}

    /** A copy already made: its id, form and stored bytes. */
    record Made(String id, String form, String sha256) {}

    /** The sealed copy: its id, number, and stored bytes. */
    public record Copy(String id, String form, String number, String sha256) {}

    private final DispatchService dispatches;
    private final DispatchDao dao;
    private final NumberSeries numbers;
    private final DocumentStore store;
    private final KeyService keys;
    private final SigningService signing;
    private final Clock clock;

    Copies(DispatchService dispatches, DispatchDao dao, NumberSeries numbers, DocumentStore store, KeyService keys,
           SigningService signing, Clock clock) {
        this.clock = clock;
        this.dispatches = dispatches;
        this.dao = dao;
        this.numbers = numbers;
        this.store = store;
        this.keys = keys;
        this.signing = signing;
    }

    public Copy copy(User clerk, Request r) {
        String form = form(r.form());
        CopyForms.check(form, r);
        Path source = source(r);
        Path prepared = null;
        try {
            prepared = form.equals("TrS") ? extract(source, r.pages()) : source;
            try (UnlockedKey key = keys.unlock(clerk, r.keyId(), r.pin())) {
                NumberSeries.Reservation n = numbers.reserve(dispatches.agency().abbreviation(), SeriesKind.COPY);
                try {
                    return sealAndStore(clerk, r, form, prepared, key, n);
                } catch (RuntimeException e) {
                    numbers.release(n);
                    throw e;
                }
            }
        } finally {
            TempFiles.delete(source);
            if (prepared != null && prepared != source) {
                TempFiles.delete(prepared);
            }
        }
    }

    /** The stored bytes of a copy, verified. */
    public byte[] bytes(Copy c) {
        return store.readAllBytes(c.sha256());
    }

    private Copy sealAndStore(User clerk, Request r, String form, Path pdf, UnlockedKey key, NumberSeries.Reservation n) {
        String number = n.padded() + "/" + form + "-" + dispatches.agency().abbreviation();
        String when = VietnamTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String text = label(form) + " số " + number + "\n" + dispatches.agency().name() + "\n" + when;
        var visible = NotationPlace.place(pdf, text);
        var signed = signing.sign(SignRequest.pades(SignDocument.of(pdf)).visible(visible)
                .reason(label(form) + " " + number).location(dispatches.agency().name()), key);
        String sha = dispatches.put(signed);
        var copy = new Copy(UUID.randomUUID().toString(), form, number, sha);
        dao.insertCopy(copy, r.copyNumber() != null ? madeFrom(r).id() : r.sourceId(), n, clerk.id());
        return copy;
    }

    private Path source(Request r) {
        if (r.copyNumber() != null) {
            return store.copyToTempFile(madeFrom(r).sha256());
        }
        if ((r.sourceId() == null) == (r.scan() == null)) {
            throw ApiException.badRequest("SOURCE_REQUIRED", "Give either 'source' (an issued dispatch id) or a scanned PDF 'file'", "source");
        }
        if (r.scan() != null) {
            DispatchService.pageCount(r.scan());
            return r.scan();
        }
        Dispatch d = dispatches.get(r.sourceId());
        if (d.status() != Dispatch.Status.ISSUED) {
            throw ApiException.conflict("NOT_ISSUED", "Only an issued dispatch is copied");
        }
        return store.copyToTempFile(d.currentSha256());
    }

    /** The sao y a sao lục is made from, by its number ("01/SY-SKHCN"). */
    private Made madeFrom(Request r) {
        CopyForms.Number n = CopyForms.number(r.copyNumber(), dispatches.agency().abbreviation());
        Made made = dao.copyByNumber(n.form(), n.code()).orElseThrow(() -> new ApiException(404, "COPY_NOT_FOUND",
                "The agency made no copy numbered " + r.copyNumber(), "copyNumber"));
        if (!made.form().equals("SY")) {
            throw CopyForms.notAllowed("SL", "copy " + r.copyNumber() + " is a " + made.form() + ", not a sao y");
        }
        return made;
    }

    private static String form(String f) {
        if (f == null || !List.of("SY", "SL", "TrS").contains(f.trim())) {
            throw ApiException.badRequest("INVALID_FORM", "form must be SY (sao y), SL (sao lục) or TrS (trích sao)", "form");
        }
        return f.trim();
    }

    private static String label(String form) {
        return switch (form) {
            case "SY" -> "SAO Y";
            case "SL" -> "SAO LỤC";
            default -> "TRÍCH SAO";
        };
    }

    /** A new PDF of pages "from-to" (1-based, inclusive) of the source. */
    private static Path extract(Path pdf, String pages) {
        if (pages == null || !pages.trim().matches("\\d+(-\\d+)?")) {
            throw ApiException.badRequest("INVALID_PAGES", "A trích sao needs 'pages' such as 1-2", "pages");
        }
        String[] p = pages.trim().split("-");
        int from = Integer.parseInt(p[0]);
        int to = p.length > 1 ? Integer.parseInt(p[1]) : from;
        Path out = TempFiles.create("extract");
        try (PDDocument src = Loader.loadPDF(pdf.toFile()); PDDocument dst = new PDDocument()) {
            if (from < 1 || to < from || to > src.getNumberOfPages()) {
                throw ApiException.unprocessable("INVALID_PAGES", "pages must lie within 1-" + src.getNumberOfPages(), "pages");
            }
            for (int i = from - 1; i < to; i++) {
                // A trích sao is a new document: the original's signature widgets (signed or not) stay behind.
                var page = dst.importPage(src.getPage(i));
                page.setAnnotations(page.getAnnotations(a -> !(a instanceof PDAnnotationWidget)));
            }
            dst.save(out.toFile());
            return out;
        } catch (IOException e) {
            TempFiles.delete(out);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            TempFiles.delete(out);
            throw e;
        }
    }
}
