package vn.vanthu.incoming;

import vn.vanthu.digitization.DigitizationService;
import vn.vanthu.digitization.PaperMetadata;
import vn.vanthu.error.ApiException;
import vn.vanthu.validation.ValidationService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A paper document that came by post and was digitized, received by its {@code digitizationId}: the file is the
 * searchable PDF/A (409 until the digitization is DONE), the origin is PAPER (scanned), and the metadata is the
 * clerk's {@code metadata} part or, without one, the digitization's own (issuing organ as the sending organ).
 *
 * <pre>{@code Arrival a = digitized.arrival(digitizationId, null);}</pre>
 */
final class DigitizedArrival {
    private static final int MAX_ID = 40;

    private final DigitizationService digitizations;
    private final ValidationService validation;

    DigitizedArrival(DigitizationService digitizations, ValidationService validation) {
        this.digitizations = digitizations;
        this.validation = validation;
    }

    Arrival arrival(String digitizationId, String metadataJson) {
        if (digitizationId.length() > MAX_ID) {
            throw ApiException.notFound("Digitization");
        }
        PaperMetadata paper = digitizations.get(digitizationId).digitization().metadata();
        Incoming.Metadata metadata = metadataJson != null ? IncomingInput.metadata(metadataJson)
                : new IncomingInput.NewIncoming(paper.issuingOrgan(), paper.numberSymbol(), paper.documentDate(),
                        paper.documentType(), paper.subject(), null, null).checked();
        byte[] pdf;
        try (InputStream in = digitizations.openResult(digitizationId)) {
            pdf = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrival.upload(validation, pdf, "so-hoa-" + digitizationId + ".pdf", "application/pdf", metadata, true);
    }
}
