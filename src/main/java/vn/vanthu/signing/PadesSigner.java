package vn.vanthu.signing;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.AbstractPdfObjFactory;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import vn.vanthu.signing.shortcuts.Shortcuts;

import java.util.List;

/**
 * PAdES: an incremental update of the PDF, so earlier signatures stay valid (sequential signing).
 *
 * <p>Uses PDFBox's native object factory (with the DSS shortcuts on, one that also fills the /Contents placeholder
 * in one array scan: {@link Shortcuts#signingPdfFactory()}): it draws visible signatures about twice as fast as DSS's default factory (DSS-NOTES.md;
 * measured again by SigningBench). Large PDFs use a second factory that keeps PDFBox's
 * working memory bounded and writes DSS's output to a temporary file instead of a byte array.
 */
final class PadesSigner implements FormatSigner {
    /** /Contents room for B: the CMS with the chain of three certificates. */
    static final int CONTENT_SIZE_B = 9472;
    /** /Contents room once a timestamp token (with the TSA chain) joins the CMS; LT/LTA data goes to the DSS dictionary. */
    static final int CONTENT_SIZE_T = 24_576;
    static final long LARGE_PDF_BYTES = 16L * 1024 * 1024;

    private final IPdfObjFactory factory;
    private final IPdfObjFactory largeFactory;
    private final VisibleAppearance appearance;

    PadesSigner(VisibleAppearance appearance) {
        this(Shortcuts.signingPdfFactory(), appearance);
    }

    /** With another object factory for small documents (the benchmark compares the two). */
    PadesSigner(IPdfObjFactory factory, VisibleAppearance appearance) {
        this.factory = allowOverlap(factory);
        PdfBoxNativeObjectFactory large = new PdfBoxNativeObjectFactory();
        large.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(LARGE_PDF_BYTES / 4));
        large.setResourcesHandlerBuilder(new TempFileResourcesHandlerBuilder().setFileNamePrefix("vanthu-pades-"));
        this.largeFactory = allowOverlap(large);
        this.appearance = appearance;
    }

    /**
     * Decree 30 puts the agency seal over about a third of the signer's image, so overlapping signature fields
     * are expected; a field outside the page stays an error.
     */
    private static IPdfObjFactory allowOverlap(IPdfObjFactory f) {
        if (f instanceof AbstractPdfObjFactory a) {
            PdfSignatureFieldPositionChecker checker = new PdfSignatureFieldPositionChecker();
            checker.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
            a.setPdfSignatureFieldPositionChecker(checker);
        }
        return f;
    }

    @Override
    public ToBeSigned dataToSign(SignJob job, Sources sources) {
        return service(job.document(), sources).getDataToSign(job.document(), parameters(job));
    }

    @Override
    public DSSDocument signWith(SignJob job, Sources sources, java.util.function.Function<ToBeSigned, SignatureValue> key) {
        var service = service(job.document(), sources);
        var p = parameters(job);
        ToBeSigned tbs = service.getDataToSign(job.document(), p);
        return service.signDocument(job.document(), p, key.apply(tbs));
    }

    @Override
    public DSSDocument extend(DSSDocument signed, List<DSSDocument> originals, Level level, Sources sources) {
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(DssParameters.level("PAdES", level));
        p.getArchiveTimestampParameters().setContentSize(CONTENT_SIZE_T);
        p.getSignatureTimestampParameters().setContentSize(CONTENT_SIZE_T);
        return service(signed, sources).extendDocument(signed, p);
    }

    private PAdESService service(DSSDocument document, Sources sources) {
        PAdESService s = new PAdESService(sources.verifier());
        s.setPdfObjFactory(isLarge(document) ? largeFactory : factory);
        if (sources.tsp() != null) {
            s.setTspSource(sources.tsp());
        }
        return s;
    }

    private static boolean isLarge(DSSDocument d) {
        return d instanceof FileDocument f && f.getFile().length() > LARGE_PDF_BYTES;
    }

    PAdESSignatureParameters parameters(SignJob job) {
        PAdESSignatureParameters p = DssParameters.common(new PAdESSignatureParameters(), job, "PAdES");
        p.setContentSize(job.level() == Level.B ? CONTENT_SIZE_B : CONTENT_SIZE_T);
        p.getArchiveTimestampParameters().setContentSize(CONTENT_SIZE_T);
        p.setReason(job.reason());
        p.setLocation(job.location());
        p.setSignerName(eu.europa.esig.dss.spi.DSSASN1Utils.getSubjectCommonName(job.signer()));
        p.setAppName("vanthu");
        if (job.visible() != null) {
            p.setImageParameters(appearance.imageParameters(job));
        }
        return p;
    }
}
