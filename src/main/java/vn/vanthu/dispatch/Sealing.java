package vn.vanthu.dispatch;

import vn.vanthu.keys.KeyService;
import vn.vanthu.keys.UnlockedKey;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SignedDocument;
import vn.vanthu.signing.SigningService;
import vn.vanthu.signing.VisibleSignature;
import vn.vanthu.store.DocumentStore;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What issuing a dispatch and making a copy share: the dispatches, the number series, the stored documents, the
 * keys, and the one PAdES request both sign with (a visible box, a reason, the agency as location).
 *
 * <pre>{@code SignedDocument s = sealing.seal(pdf, box, key, null, "SAO Y số 01/SY-SKHCN");}</pre>
 */
record Sealing(DispatchService dispatches, NumberSeries numbers, DocumentStore store, KeyService keys,
               SigningService signing, Clock clock) {

    /** A PAdES signature by {@code key} in the visible box, with the owner's image when given (else none). */
    SignedDocument seal(Path pdf, VisibleSignature visible, UnlockedKey key, byte[] image, String reason) {
        return signing.sign(SignRequest.pades(SignDocument.of(pdf)).visible(visible).image(image).reason(reason)
                .location(dispatches.agency().name()), key);
    }
}
