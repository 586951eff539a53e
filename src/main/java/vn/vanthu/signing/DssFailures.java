package vn.vanthu.signing;

import eu.europa.esig.dss.pades.exception.InvalidPasswordException;
import eu.europa.esig.dss.pades.exception.ProtectedDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;

import java.util.function.Supplier;

/**
 * Runs DSS work and turns its failures on bad input into clear 422s without internal messages: a protected PDF,
 * a visible box off the page, or a file DSS could not sign or augment.
 *
 * <pre>{@code DSSDocument out = DssFailures.run(format, () -> signer.signWith(job, sources, key), explain);}</pre>
 */
final class DssFailures {
    private static final Logger log = LoggerFactory.getLogger(DssFailures.class);

    private DssFailures() {}

    static <T> T run(SignatureFormat format, Supplier<T> work) {
        return run(format, work, () -> { });
    }

    /** As {@link #run(SignatureFormat, Supplier)}; {@code explain} may throw a more precise 422 first. */
    static <T> T run(SignatureFormat format, Supplier<T> work, Runnable explain) {
        try {
            return work.get();
        } catch (ApiException e) {
            throw e;
        } catch (InvalidPasswordException | ProtectedDocumentException e) {
            throw ApiException.unprocessable("PDF_PASSWORD_PROTECTED", "The PDF is password-protected or forbids changes; send it unprotected", "file");
        } catch (RuntimeException e) {
            explain.run();
            if (hasCause(e, "InvalidPasswordException")) {
                throw ApiException.unprocessable("PDF_PASSWORD_PROTECTED", "The PDF is password-protected; send it unprotected", "file");
            }
            if (hasCause(e, "AlertException") && String.valueOf(e.getMessage()).contains("outside")) {
                throw ApiException.unprocessable("INVALID_VISIBLE", "The visible signature does not fit on the page", "visible");
            }
            log.info("{} signing failed: {}", format.apiName(), e.toString());
            throw ApiException.unprocessable("SIGNING_FAILED", "The " + format.apiName()
                    + " document could not be signed or augmented (unreadable file, or no signature to augment)", "file");
        }
    }

    private static boolean hasCause(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }
}
