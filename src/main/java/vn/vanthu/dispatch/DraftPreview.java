package vn.vanthu.dispatch;

import vn.vanthu.documents.PageMarks;
import vn.vanthu.error.ApiException;
import vn.vanthu.documents.Thumbnails;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The page of a draft where the official's signature will land, with the box drawn where {@link DispatchService#sign}
 * will put it: the same {@link DispatchService#officialBox} read from the same PDF. Seen by whoever sees the draft
 * (404 for anyone else); page 1 with a note when the PDF has no signer block (the signature's place is then given
 * at signing). Likewise the seal's box on a signed dispatch, for the clerk who issues it.
 *
 * <pre>{@code Thumbnails.Picture p = previews.picture(official, draftId);   // p.marks().marks().get(0): the box}</pre>
 */
final class DraftPreview {
    static final String NO_BLOCK = "Không tìm thấy khối chữ ký: vị trí chữ ký được chọn khi ký";
    private final DispatchService dispatches;
    private final Issuing issuing;
    private final Thumbnails pictures;

    DraftPreview(DispatchService dispatches, Issuing issuing, Thumbnails pictures) {
        this.dispatches = dispatches;
        this.issuing = issuing;
        this.pictures = pictures;
    }

    /** A signed dispatch's page with the seal's box where {@link Issuing} will put it (409 unless SIGNED). */
    Thumbnails.Picture seal(User caller, String id) {
        Dispatch d = dispatches.get(caller, id);
        if (d.status() != Dispatch.Status.SIGNED) {
            throw ApiException.conflict("NOT_SIGNED", "Only a signed dispatch waiting to be issued shows where its seal goes");
        }
        SignerBlock.Box b = issuing.sealBox(d);
        PageMarks marks = new PageMarks(b.page(), List.of(new PageMarks.Mark(b.x(), b.y(), b.width(), b.height(),
                "Dấu · " + dispatches.agency().name())), null);
        String key = String.join("\n", "seal", d.currentSha256(), header(marks));
        return pictures.preview(d.currentSha256(), key, pdf -> marks);
    }

    Thumbnails.Picture picture(User caller, String id) {
        Dispatch d = dispatches.get(caller, id);
        DispatchService.requireDraft(d);
        String key = String.join("\n", "signer", d.currentSha256(), d.signerPosition(), d.signerName());
        return pictures.preview(d.currentSha256(), key, pdf -> marks(pdf, d));
    }

    static PageMarks marks(Path pdf, Dispatch d) {
        String label = d.signerPosition() + " · " + d.signerName();
        return DispatchService.officialBox(PdfText.lines(pdf), d)
                .map(b -> new PageMarks(b.page(), List.of(new PageMarks.Mark(b.x(), b.y(), b.width(), b.height(), label)), null))
                .orElse(new PageMarks(1, List.of(), NO_BLOCK));
    }

    /** The box as a header value: {@code page x y width height} in points from the page's top-left corner, or none. */
    static String header(PageMarks marks) {
        return marks.marks().stream().findFirst().map(m -> String.format(Locale.ROOT, "%d %.2f %.2f %.2f %.2f",
                marks.page(), m.x(), m.y(), m.width(), m.height())).orElse("none");
    }
}
