package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.exception.InvalidPasswordException;
import eu.europa.esig.dss.pades.exception.ProtectedDocumentException;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signs documents in PAdES, XAdES, CAdES and ASiC-E at levels B/T/LT/LTA, and augments signed files.
 * <em>What</em> is a {@link Request}, <em>with which key</em> a DSS token and entry (or, for two-step signing, a
 * client-held key: see {@link TwoStepSigning}), <em>how</em> a {@link FormatSigner} chosen from a map.
 * The signer's certificate is checked before anything is signed ({@link CertificateCheck}).
 *
 * <pre>{@code
 * SigningService signing = new SigningService(trust::newSigningVerifier, trust.tspSource());
 * Signed out = signing.sign(new Request(PADES, Level.LT, Packaging.ENVELOPED, List.of(pdf), null, null, null),
 *                           token, entry, null);
 * }</pre>
 */
public final class SigningService {
    private static final Logger log = LoggerFactory.getLogger(SigningService.class);

    /** What to sign and how. {@code visible} only for PAdES; several files only for ASiC-E. */
    public record Request(SignatureFormat format, Level level, Packaging packaging, List<DSSDocument> files,
                          VisibleSignature visible, String reason, String location) {}

    /** A signed (or augmented) file: its id, the bytes, and how to name and type it. */
    public record Signed(String signatureId, DSSDocument document, String filename, String mediaType, String level) {}

    private final Supplier<CertificateVerifier> verifiers;
    private final TSPSource tsp;
    private final Map<SignatureFormat, FormatSigner> signers = new EnumMap<>(SignatureFormat.class);
    private final CertificateCheck certificateCheck = new CertificateCheck();

    /** @param tsp the time-stamping service, or null when none is configured (then only level B is possible) */
    public SigningService(Supplier<CertificateVerifier> verifiers, TSPSource tsp) {
        this.verifiers = verifiers;
        this.tsp = tsp;
        signers.put(SignatureFormat.PADES, new PadesSigner(new VisibleAppearance()));
        signers.put(SignatureFormat.XADES, DocumentSigner.xades());
        signers.put(SignatureFormat.CADES, DocumentSigner.cades());
        signers.put(SignatureFormat.ASIC_E, new AsicSigner());
    }

    /** LT when a time-stamping service is configured, else B. */
    public Level defaultLevel() {
        return tsp == null ? Level.B : Level.LT;
    }

    /** Signs with a key the server holds (PKCS#12 or PKCS#11 via the keys package). */
    public Signed sign(Request r, SignatureTokenConnection token, DSSPrivateKeyEntry entry, byte[] ownerImage) {
        List<CertificateToken> chain = chainOf(entry);
        FormatSigner.Sources sources = sources();
        SignJob job = checkedJob(r, chain, new Date(), ownerImage, sources.verifier());
        FormatSigner signer = signers.get(r.format());
        return dss(r.format(), () -> signed(job,
                signer.signWith(job, sources, tbs -> token.sign(tbs, DigestAlgorithm.SHA256, entry))), () -> explainFailure(r));
    }

    /**
     * The seal of an archival package: one detached XAdES signature over {@code first} (METS.xml) and, through a
     * signed {@code ds:Manifest}, over every file of {@code listed} by its name (a path inside the package) and
     * SHA-256 ({@link ManifestSeal}). A file whose SHA-256 is already known is not read.
     */
    public DSSDocument sealPackage(DSSDocument first, List<DSSDocument> listed, Level level, SignatureTokenConnection token,
                                   DSSPrivateKeyEntry entry) {
        requireTimestamping(level);
        List<CertificateToken> chain = chainOf(entry);
        FormatSigner.Sources sources = sources();
        Date now = new Date();
        certificateCheck.assertUsable(chain, sources.verifier(), now);
        // DSS would check the signature it has just computed again at each step up to LTA; it adds nothing here.
        sources.verifier().setAlertOnInvalidSignature(null);
        List<DSSDocument> files = new ArrayList<>(List.of(first));
        files.addAll(listed);
        SignJob job = job(new Request(SignatureFormat.XADES, level, Packaging.DETACHED, files, null, null, null), chain, now, null);
        return dss(SignatureFormat.XADES, () -> ManifestSeal.sign(job, sources, tbs -> token.sign(tbs, DigestAlgorithm.SHA256, entry)));
    }

    /** Augments every signature of a signed file to {@code level}; {@code originals} for detached signatures. */
    public Signed extend(DSSDocument file, List<DSSDocument> originals, Level level) {
        if (level == Level.B) {
            throw ApiException.badRequest("UNKNOWN_LEVEL", "level must be one of T, LT, LTA", "level");
        }
        requireTimestamping(level);
        SignatureFormat format = InputChecks.isPdf(file) ? SignatureFormat.PADES
                : InputChecks.isZip(file) ? SignatureFormat.ASIC_E
                : InputChecks.looksLikeXml(file) ? SignatureFormat.XADES : SignatureFormat.CADES;
        if (format == SignatureFormat.XADES) {
            InputChecks.requireSafeXml(file, true);
        }
        FormatSigner.Sources sources = sources();
        return dss(format, () -> {
            DSSDocument out = signers.get(format).extend(file, originals, level, sources);
            String name = file.getName() == null ? "signed" + format.extension() : file.getName();
            return new Signed(UUID.randomUUID().toString(), out, name, format.mediaType(),
                    DssParameters.level(format == SignatureFormat.ASIC_E ? "XAdES" : format.apiName(), level).toString());
        });
    }

    // --- shared with TwoStepSigning ---

    FormatSigner.Sources sources() {
        return new FormatSigner.Sources(verifiers.get(), tsp);
    }

    FormatSigner signer(SignatureFormat format) {
        return signers.get(format);
    }

    /** Checks the request and the certificate; the job it returns is ready for DSS. */
    SignJob checkedJob(Request r, List<CertificateToken> chain, Date signingDate, byte[] image,
                       CertificateVerifier verifier) {
        validate(r);
        certificateCheck.assertUsable(chain, verifier, signingDate);
        return job(r, chain, signingDate, image);
    }

    static SignJob job(Request r, List<CertificateToken> chain, Date signingDate, byte[] image) {
        return new SignJob(r.format(), r.level(), r.packaging(), r.files(), chain, signingDate, r.visible(), image,
                r.reason(), r.location());
    }

    void validate(Request r) {
        if (r.files().isEmpty()) {
            throw ApiException.badRequest("MISSING_FILE", "The multipart part 'file' is required", "file");
        }
        if (r.files().size() > 1 && r.format() != SignatureFormat.ASIC_E) {
            throw ApiException.badRequest("TOO_MANY_FILES", r.format().apiName() + " signs exactly one file; use ASiC-E for several", "file");
        }
        if (r.visible() != null && r.format() != SignatureFormat.PADES) {
            throw ApiException.badRequest("INVALID_VISIBLE", "Only PAdES signatures can be visible", "visible");
        }
        requireTimestamping(r.level());
        for (DSSDocument d : r.files()) {
            switch (r.format()) {
                case PADES -> InputChecks.requirePdf(d);
                case XADES -> {
                    if (r.packaging() == Packaging.ENVELOPED) {
                        InputChecks.requireXmlProlog(d);   // DSS parses the rest, DOCTYPEs disallowed
                    } else {
                        InputChecks.requireSafeXml(d, false);
                    }
                }
                case ASIC_E -> InputChecks.requireSafeXml(d, false);
                case CADES -> { }
            }
        }
    }

    private void requireTimestamping(Level level) {
        if (level.needsTimestamp() && tsp == null) {
            throw ApiException.unprocessable("NO_TIMESTAMPING", "Level " + level + " needs a time-stamping service and none is configured", "level");
        }
    }

    Signed signed(SignJob job, DSSDocument out) {
        String prefix = job.format() == SignatureFormat.ASIC_E ? "XAdES" : job.format().apiName();
        return new Signed(UUID.randomUUID().toString(), out, fileName(job), job.format().mediaType(),
                DssParameters.level(prefix, job.level()).toString());
    }

    private static String fileName(SignJob job) {
        String name = job.document().getName() == null ? "document" : job.document().getName();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return switch (job.format()) {
            case PADES -> base + "-signed.pdf";
            case XADES -> base + "-signed.xml";
            case CADES -> name + (job.packaging() == Packaging.DETACHED ? ".p7s" : ".p7m");
            case ASIC_E -> base + ".asice";
        };
    }

    private static List<CertificateToken> chainOf(DSSPrivateKeyEntry entry) {
        CertificateToken[] chain = entry.getCertificateChain();
        return chain == null || chain.length == 0 ? List.of(entry.getCertificate()) : Arrays.asList(chain);
    }

    /**
     * When DSS could not sign an enveloped XAdES document, says why as the full XML check does (422 NOT_XML or
     * XML_DOCTYPE_REFUSED): before signing only its prolog was read ({@link InputChecks#requireXmlProlog}).
     */
    void explainFailure(Request r) {
        if (r.format() == SignatureFormat.XADES && r.packaging() == Packaging.ENVELOPED) {
            r.files().forEach(d -> InputChecks.requireSafeXml(d, true));
        }
    }

    /** Runs DSS work, turning its failures on bad input into clear 422s without internal messages. */
    static <T> T dss(SignatureFormat format, Supplier<T> work) {
        return dss(format, work, () -> { });
    }

    /** As {@link #dss(SignatureFormat, Supplier)}; {@code explain} may throw a more precise 422 first. */
    static <T> T dss(SignatureFormat format, Supplier<T> work, Runnable explain) {
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

    static boolean isTempOutput(DSSDocument d) {
        return d instanceof FileDocument;
    }
}
