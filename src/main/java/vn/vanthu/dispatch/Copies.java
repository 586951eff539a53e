package vn.vanthu.dispatch;

import vn.vanthu.time.VietnamTime;
import vn.vanthu.digitization.DigitizationService;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.UnlockedKey;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Electronic copies (Decree 30 Art. 25): SAO Y (SY), SAO LỤC (SL), TRÍCH SAO (TrS, a page range) of an issued
 * dispatch or of an uploaded scan, sealed by the agency at the top-right of page 1 with no image; the text
 * names the copy form, its number in the yearly COPY series, the agency and the time (ISO 8601, +07:00).
 * SY and SL keep the source file whole (its signatures stay valid under the seal); TrS re-creates the layout
 * in a new PDF of the chosen pages ({@link ExtractLayout}) carrying only the copy's signature. Which form may be
 * made from which source: {@link CopyForms}; a scan is an uploaded {@code file} or a digitization of the paper
 * ({@code digitizationId}, its searchable PDF/A once DONE).
 *
 * <pre>{@code Copy c = copies.copy(clerk, new Copies.Request(null, null, null, digitizationId, "SY", null, "seal", pin));}</pre>
 */
public final class Copies {
    /**
     * Where the copy comes from (an issued dispatch id, a scan file, or the number of a sao y the agency made), which
     * form, and the seal.
     */
    public record Request(String sourceId, Path scan, String copyNumber, String digitizationId, String form, String pages,
                          String keyId, String pin) {}

    /** A copy already made: its id, form and stored bytes. */
    record Made(String id, String form, String sha256) {}

    /** The sealed copy: its id, number, and stored bytes. */
    public record Copy(String id, String form, String number, String sha256) {}

    private final Sealing sealing;
    private final DispatchService dispatches;
    private final DispatchDao dao;
    private final DocumentStore store;
    private final DigitizationService digitizations;

    Copies(Sealing sealing, DispatchDao dao, DigitizationService digitizations) {
        this.sealing = sealing;
        this.dispatches = sealing.dispatches();
        this.dao = dao;
        this.store = sealing.store();
        this.digitizations = digitizations;
    }

    public Copy copy(User clerk, Request r) {
        String form = form(r.form());
        CopyForms.check(form, r);
        Path source = source(r);
        try {
            int[] range = form.equals("TrS") ? pages(source, r.pages()) : null;
            try (UnlockedKey key = sealing.keys().unlock(clerk, r.keyId(), r.pin())) {
                NumberSeries.Reservation n = sealing.numbers().reserve(dispatches.agency().abbreviation(), SeriesKind.COPY);
                return sealing.numbers().use(n, () -> sealAndStore(clerk, r, form, source, range, key, n));
            }
        } finally {
            TempFiles.delete(source);
        }
    }

    /** The stored bytes of a copy, verified. */
    public byte[] bytes(Copy c) {
        return store.readAllBytes(c.sha256());
    }

    private Copy sealAndStore(User clerk, Request r, String form, Path source, int[] range, UnlockedKey key,
                              NumberSeries.Reservation n) {
        String number = n.padded() + "/" + form + "-" + dispatches.agency().abbreviation();
        Path pdf = range == null ? source
                : ExtractLayout.build(source, range[0], range[1], dispatches.agency().name(), number, extractedFrom(r));
        try {
            return sealAndStore(clerk, r, form, pdf, number, key, n);
        } finally {
            if (pdf != source) {
                TempFiles.delete(pdf);
            }
        }
    }

    private Copy sealAndStore(User clerk, Request r, String form, Path pdf, String number, UnlockedKey key,
                              NumberSeries.Reservation n) {
        String when = VietnamTime.now(sealing.clock()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String text = label(form) + " số " + number + "\n" + dispatches.agency().name() + "\n" + when;
        var visible = NotationPlace.place(pdf, text);
        var signed = sealing.seal(pdf, visible, key, null, label(form) + " " + number);
        String sha = dispatches.put(signed);
        var copy = new Copy(UUID.randomUUID().toString(), form, number, sha);
        dao.insertCopy(copy, r.copyNumber() != null ? madeFrom(r).id() : r.digitizationId() != null ? r.digitizationId()
                : r.sourceId(), n, clerk.id());
        return copy;
    }

    private Path source(Request r) {
        if (r.copyNumber() != null) {
            return store.copyToTempFile(madeFrom(r).sha256());
        }
        if (r.digitizationId() != null) {
            String id = r.digitizationId().strip();
            if (!id.matches("[A-Za-z0-9-]{1,40}")) {
                throw ApiException.badRequest("INVALID_DIGITIZATION_ID", "digitizationId is the id of a digitization", "digitizationId");
            }
            return store.copyToTempFile(digitizations.resultOf(id));
        }
        if ((r.sourceId() == null) == (r.scan() == null)) {
            throw ApiException.badRequest("SOURCE_REQUIRED", "Give either 'source' (an issued dispatch id), a scanned PDF 'file' "
                    + "or a 'digitizationId'", "source");
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

    /** Pages "from-to" (1-based, inclusive), checked against the source. */
    private static int[] pages(Path pdf, String pages) {
        if (pages == null || !pages.trim().matches("\\d+(-\\d+)?")) {
            throw ApiException.badRequest("INVALID_PAGES", "A trích sao needs 'pages' such as 1-2", "pages");
        }
        String[] p = pages.trim().split("-");
        int from = Integer.parseInt(p[0]);
        int to = p.length > 1 ? Integer.parseInt(p[1]) : from;
        int count = DispatchService.pageCount(pdf);
        if (from < 1 || to < from || to > count) {
            throw ApiException.unprocessable("INVALID_PAGES", "pages must lie within 1-" + count, "pages");
        }
        return new int[] {from, to};
    }

    /** "Trích từ …": the issued dispatch's number and date, or the scanned original. */
    private String extractedFrom(Request r) {
        if (r.sourceId() == null) {
            return "Trích từ bản số hóa của văn bản gốc trên giấy";
        }
        Dispatch.Issued i = dispatches.get(r.sourceId()).issued();
        return "Trích từ văn bản số " + i.number() + " ngày " + i.issuedDate();
    }
}
