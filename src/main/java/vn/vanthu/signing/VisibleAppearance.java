package vn.vanthu.signing;

import vn.vanthu.time.VietnamTime;
import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.spi.DSSASN1Utils;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Turns a {@link VisibleSignature} into DSS image parameters. Text is set in Liberation Serif (metric-compatible
 * with Times New Roman, SIL OFL, licence in {@code fonts/LICENSE-LiberationSerif.txt}), embedded as a subset,
 * so Vietnamese diacritics render in every reader. DSS measures the field origin from the page's top-left
 * corner, like the API, so x/y pass through unchanged.
 */
final class VisibleAppearance {
    static final String FONT = "/fonts/LiberationSerif-Regular.ttf";
    private final DSSFileFont font;
    private final DSSFileFont notationFont;

    VisibleAppearance() {
        font = font(10);
        notationFont = font(VisibleSignature.NOTATION_POINTS);
    }

    private static DSSFileFont font(float size) {
        try (InputStream in = VisibleAppearance.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Missing font resource " + FONT);
            }
            DSSFileFont f = new DSSFileFont(new InMemoryDocument(in.readAllBytes(), "LiberationSerif-Regular.ttf"));
            f.setSize(size);
            f.setEmbedFontSubset(true);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SignatureImageParameters imageParameters(SignJob job) {
        VisibleSignature v = job.visible();
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(v.page());
        field.setOriginX(v.x());
        field.setOriginY(v.y());
        field.setWidth(v.width());
        field.setHeight(v.height());
        image.setFieldParameters(field);
        String text = v.text();
        if (v.ownImage() && job.image() != null) {
            image.setImage(new InMemoryDocument(job.image(), "signature.png"));
            image.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        } else if (text == null || text.isBlank()) {
            text = defaultText(job);
        }
        if (text != null && !text.isBlank()) {
            SignatureImageTextParameters t = new SignatureImageTextParameters();
            t.setFont(font);
            t.setText(text);
            t.setTextColor(Color.BLACK);
            t.setSignerTextPosition(SignerTextPosition.BOTTOM);
            t.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
            if (v.notation()) {
                // The prescribed size, not shrunk to the box (the box was made to fit it), on no background.
                t.setFont(notationFont);
                t.setTextWrapping(TextWrapping.FONT_BASED);
                t.setBackgroundColor(null);
                t.setPadding(2);
                image.setBackgroundColor(null);
            } else {
                t.setTextWrapping(TextWrapping.FILL_BOX);
            }
            image.setTextParameters(t);
        }
        return image;
    }

    /** "Ký bởi: <name>" and the signing time in Vietnam time (ISO 8601, +07:00). */
    static String defaultText(SignJob job) {
        String when = VietnamTime.at(job.signingDate().toInstant()).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return "Ký bởi: " + DSSASN1Utils.getSubjectCommonName(job.signer()) + "\nThời gian ký: " + when;
    }
}
