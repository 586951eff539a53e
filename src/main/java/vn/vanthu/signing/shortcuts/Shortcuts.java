package vn.vanthu.signing.shortcuts;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.DSSReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one door to the code that replaces or bypasses DSS internals for speed, and its switch
 * ({@code VANTHU_DSS_SHORTCUTS}). Until the service calls {@link #install}, and whenever it installs them off,
 * every method here answers what plain DSS does:
 * <ul>
 *   <li>XPath: {@link SubtreeXPathFactory} (subtree evaluation, {@link ChildPath}, {@link DescendantSearch})
 *       for the queries DSS and Santuario ask during XAdES work — the JDK's XPath when off;</li>
 *   <li>PAdES signing: {@link FastPdfObjFactory} fills the /Contents placeholder in one scan — DSS's PDFBox
 *       native factory when off;</li>
 *   <li>PAdES validation: {@link PdfChecks} skips comparing a signed revision with itself — DSS's full
 *       comparison when off;</li>
 *   <li>enveloped XAdES: {@link EnvelopedReference} builds the reference with one parse — DSS builds it when
 *       off (empty here);</li>
 *   <li>PKCS#12 keys: {@link OpenedKeys} keeps recently opened keys — nothing kept when off.</li>
 * </ul>
 * Each shortcut has a test that gives it and plain DSS the same input and expects the same bytes or the same
 * verdict, so a DSS upgrade that breaks one of their assumptions fails a test.
 *
 * <pre>{@code
 * Shortcuts.install(config.dssShortcuts());                      // App, once, before DSS is used
 * service.setPdfObjFactory(Shortcuts.signingPdfFactory());
 * Reports r = Shortcuts.withXPath(() -> validator.validateDocument(policy));
 * }</pre>
 */
public final class Shortcuts {
    private static final Logger log = LoggerFactory.getLogger(Shortcuts.class);
    private static volatile boolean on;

    private Shortcuts() {}

    /**
     * Turns the shortcuts on or off for this JVM (DSS keeps its XPath factory in a static field, so the switch
     * cannot be narrower than DSS). Turning them on hands the fast XPath factory to DSS if DSS has not made
     * its own yet; if it has, XPath stays plain (logged) and the other shortcuts apply.
     */
    public static synchronized void install(boolean enabled) {
        on = enabled;
        if (enabled && !XPathInstall.intoDss()) {
            log.warn("DSS's XPath factory was made before the shortcuts were installed; XAdES XPath stays plain");
        }
        log.info("DSS shortcuts {}", enabled ? "on" : "off (plain DSS)");
    }

    public static boolean enabled() {
        return on;
    }

    /** Whether DSS's XPath questions currently go through {@link SubtreeXPathFactory}. */
    public static boolean xpathInDss() {
        return on && XPathInstall.inDss();
    }

    /** Runs DSS work (a validation) with the fast XPath visible to Santuario's transforms; plainly when off. */
    public static <T> T withXPath(Supplier<T> work) {
        return on ? XPathInstall.during(work) : work.get();
    }

    /** The PDF object factory for signing in-memory PDFs. */
    public static IPdfObjFactory signingPdfFactory() {
        return on ? new FastPdfObjFactory() : new PdfBoxNativeObjectFactory();
    }

    /** The PDF object factory for validating this PDF. */
    public static PdfBoxNativeObjectFactory validationPdfFactory(byte[] pdf) {
        return on ? PdfChecks.factoryFor(pdf) : new PdfBoxNativeObjectFactory();
    }

    /** The reference of an enveloped XAdES of this document, or empty: DSS builds it itself. */
    public static Optional<DSSReference> envelopedReference(XAdESSignatureParameters p, DSSDocument xml) {
        return on ? Optional.of(EnvelopedReference.of(p, xml)) : Optional.empty();
    }
}
