package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import vn.vanthu.error.ApiException;
import vn.vanthu.limits.InputLimits;
import vn.vanthu.limits.WorkBudget;
import vn.vanthu.trust.TrustServices;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Signs documents in PAdES, XAdES, CAdES and ASiC-E at levels B/T/LT/LTA, and augments signed files. <em>What</em>
 * is a {@link SignRequest}, <em>with which key</em> a {@link SigningKey} (held by the service, or by the client
 * in two steps: {@link #prepare}, then {@link #complete}), <em>how</em> a {@link FormatSigner} chosen from a map.
 * The signer's certificate is checked before anything is signed ({@link CertificateCheck}). Each signing, two-step
 * step and extension runs within a wall-clock budget proportional to its files' size ({@link WorkBudget}): past it
 * the caller gets 422 TOO_COMPLEX (503 SERVICE_BUSY when every slot stays taken) and its slot is free again.
 *
 * <pre>{@code
 * SigningService signing = SigningService.over(trust);
 * SignedDocument out = signing.sign(SignRequest.pades(SignDocument.of(pdf)).reason("Ký duyệt"), key);
 * DataToSign d = signing.prepare(SignRequest.xadesEnveloped(xml), clientChain);
 * SignedDocument done = signing.complete(d, valueFromClient);
 * }</pre>
 */
public final class SigningService {
    private final Supplier<CertificateVerifier> verifiers;
    private final TSPSource tsp;
    private final Map<SignatureFormat, FormatSigner> signers = new EnumMap<>(SignatureFormat.class);
    private final CertificateCheck certificateCheck = new CertificateCheck();
    private final CertificateTokens tokens = new CertificateTokens();
    private final WorkBudget budget;

    /** @param tsp the time-stamping service, or null when none is configured (then only level B is possible) */
    public SigningService(Supplier<CertificateVerifier> verifiers, TSPSource tsp) {
        this(verifiers, tsp, new WorkBudget(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), 5, 30, "signing"));
    }

    /** As {@link #SigningService(Supplier, TSPSource)}, each signing within {@code budget}. */
    public SigningService(Supplier<CertificateVerifier> verifiers, TSPSource tsp, WorkBudget budget) {
        this.verifiers = verifiers;
        this.tsp = tsp;
        this.budget = budget;
        signers.put(SignatureFormat.PADES, new PadesSigner(new VisibleAppearance()));
        signers.put(SignatureFormat.XADES, DocumentSigner.xades());
        signers.put(SignatureFormat.CADES, DocumentSigner.cades());
        signers.put(SignatureFormat.ASIC_E, new AsicSigner());
    }

    /** Signing checked against the trust configuration: its signing verifier (revocation always fetched) and TSA. */
    public static SigningService over(TrustServices trust) {
        return new SigningService(trust::newSigningVerifier, trust.tspSource());
    }

    /** The same, each signing within {@code budget}. */
    public static SigningService over(TrustServices trust, WorkBudget budget) {
        return new SigningService(trust::newSigningVerifier, trust.tspSource(), budget);
    }

    /** The budget every signing runs in (its slots and counts, for /metrics). */
    public WorkBudget budget() {
        return budget;
    }

    /** LT when a time-stamping service is configured, else B. */
    public Level defaultLevel() {
        return tsp == null ? Level.B : Level.LT;
    }

    /** Signs with a key the service holds (PKCS#12 or PKCS#11, opened by the keys feature). */
    public SignedDocument sign(SignRequest r, SigningKey key) {
        return budget.run(size(r.documents()), () -> signNow(r, key));
    }

    private SignedDocument signNow(SignRequest r, SigningKey key) {
        Level level = levelOf(r);
        List<CertificateToken> chain = tokens.of(key.chain());
        FormatSigner.Sources sources = sources();
        SignJob job = checkedJob(r, level, chain, new Date(), sources.verifier(), false);
        return DssFailures.run(r.format(), () -> signed(job,
                signers.get(r.format()).signWith(job, sources, with(key, job.signer()))), () -> explainFailure(r));
    }

    /** Two steps, first: checks the request and the client's certificate chain, and answers what the client signs. */
    public DataToSign prepare(SignRequest request, List<X509Certificate> chain) {
        return budget.run(size(request.documents()), () -> prepareNow(request, chain));
    }

    private DataToSign prepareNow(SignRequest request, List<X509Certificate> chain) {
        if (request.visible() != null && request.visible().ownImage()) {
            throw ApiException.badRequest("INVALID_VISIBLE", "image \"own\" needs a key held by the service; use \"none\" with two-step signing", "visible");
        }
        SignRequest r = request.level(levelOf(request));
        FormatSigner.Sources sources = sources();
        Date signingDate = new Date();
        SignJob job = checkedJob(r, r.level(), tokens.of(chain), signingDate, sources.verifier(), true);
        ToBeSigned tbs = DssFailures.run(r.format(), () -> signers.get(r.format()).dataToSign(job, sources),
                () -> explainFailure(r));
        return new DataToSign(r, chain, signingDate, tbs.getBytes(), DataToSign.DIGEST, algorithm(job.signer()).name());
    }

    /** Two steps, second: the signed file, once the client's signature value verifies over the same data. */
    public SignedDocument complete(DataToSign prepared, byte[] signatureValue) {
        return complete(prepared, signatureValue, () -> { });
    }

    /** As {@link #complete(DataToSign, byte[])}; {@code beforeProducing} runs once the value verifies. */
    SignedDocument complete(DataToSign prepared, byte[] signatureValue, Runnable beforeProducing) {
        return budget.run(size(prepared.request().documents()), () -> completeNow(prepared, signatureValue, beforeProducing));
    }

    private SignedDocument completeNow(DataToSign prepared, byte[] signatureValue, Runnable beforeProducing) {
        SignRequest r = prepared.request();
        SignJob job = job(r, r.level(), tokens.of(prepared.chain()), prepared.signingDate());
        FormatSigner.Sources sources = sources();
        SigningKey client = new ClientHeldKey(prepared.chain(), job.signer(), signatureValue, sources.verifier(), beforeProducing);
        return DssFailures.run(r.format(), () -> signed(job, signers.get(r.format()).signWith(job, sources, with(client, job.signer()))));
    }

    /**
     * The seal of an archival package: one detached XAdES signature over {@code mets} (METS.xml, which lists every
     * other file of the package with its SHA-256), with no other data reference ({@link MetsSeal}).
     */
    public SignedDocument sealPackage(SignDocument mets, Level level, SigningKey key) {
        requireTimestamping(level);
        List<CertificateToken> chain = tokens.of(key.chain());
        FormatSigner.Sources sources = sources();
        Date now = new Date();
        certificateCheck.assertUsable(chain, sources.verifier(), now);
        // DSS would check the signature it has just computed again at each step up to LTA; it adds nothing here.
        sources.verifier().setAlertOnInvalidSignature(null);
        SignRequest r = SignRequest.of(SignatureFormat.XADES, Packaging.DETACHED, List.of(mets)).level(level);
        SignJob job = job(r, level, chain, now);
        return DssFailures.run(SignatureFormat.XADES, () -> new SignedDocument(UUID.randomUUID().toString(),
                MetsSeal.sign(job, sources, with(key, job.signer())), "signatures.xml", "application/xml",
                levelName(SignatureFormat.XADES, level)));
    }

    /** Augments every signature of a signed file to {@code level}; {@code originals} for detached signatures. */
    public SignedDocument extend(SignDocument signed, List<SignDocument> originals, Level level) {
        List<SignDocument> all = new ArrayList<>(originals);
        all.add(signed);
        return budget.run(size(all), () -> extendNow(signed, originals, level));
    }

    private SignedDocument extendNow(SignDocument signed, List<SignDocument> originals, Level level) {
        if (level == Level.B) {
            throw ApiException.badRequest("UNKNOWN_LEVEL", "level must be one of T, LT, LTA", "level");
        }
        requireTimestamping(level);
        DSSDocument file = signed.dss();
        SignatureFormat format = InputChecks.isPdf(file) ? SignatureFormat.PADES
                : InputChecks.isZip(file) ? SignatureFormat.ASIC_E
                : InputChecks.looksLikeXml(file) ? SignatureFormat.XADES : SignatureFormat.CADES;
        if (format == SignatureFormat.XADES) {
            InputChecks.requireSafeXml(file, true);
            InputChecks.requireShallowXml(file);
        } else if (format == SignatureFormat.CADES) {
            InputChecks.requireShallowDer(file);
        }
        List<DSSDocument> detached = originals.stream().map(SignDocument::dss).toList();
        FormatSigner.Sources sources = sources();
        return DssFailures.run(format, () -> {
            DSSDocument out = signers.get(format).extend(file, detached, level, sources);
            String name = file.getName() == null ? "signed" + format.extension() : file.getName();
            return new SignedDocument(UUID.randomUUID().toString(), out, name, format.mediaType(), levelName(format, level));
        });
    }

    private static long size(List<SignDocument> documents) {
        return documents.stream().mapToLong(SignDocument::knownSize).sum();
    }

    /** The JCA signature of a certificate's key with SHA-256, as DSS names it (RSA_SHA256, ECDSA_SHA256). */
    static SignatureAlgorithm algorithm(CertificateToken cert) {
        return SignatureAlgorithm.getAlgorithm(EncryptionAlgorithm.forKey(cert.getPublicKey()), DigestAlgorithm.SHA256);
    }

    static SignatureAlgorithm algorithm(X509Certificate cert) {
        return SignatureAlgorithm.getAlgorithm(EncryptionAlgorithm.forKey(cert.getPublicKey()), DigestAlgorithm.SHA256);
    }

    /** The key signs DSS's data to sign with the algorithm of its certificate. */
    private static Function<ToBeSigned, SignatureValue> with(SigningKey key, CertificateToken signer) {
        SignatureAlgorithm algorithm = algorithm(signer);
        return tbs -> new SignatureValue(algorithm, key.sign(algorithm.getJCEId(), tbs.getBytes()));
    }

    private FormatSigner.Sources sources() {
        return new FormatSigner.Sources(verifiers.get(), tsp);
    }

    private Level levelOf(SignRequest r) {
        return r.level() == null ? defaultLevel() : r.level();
    }

    /** Checks the request and the certificate ({@code clientSupplied}: sent by the client); the job is ready for DSS. */
    private SignJob checkedJob(SignRequest r, Level level, List<CertificateToken> chain, Date signingDate,
                               CertificateVerifier verifier, boolean clientSupplied) {
        SignJob job = job(r, level, chain, signingDate);
        validate(job);
        certificateCheck.assertUsable(chain, verifier, signingDate, clientSupplied);
        return job;
    }

    private static SignJob job(SignRequest r, Level level, List<CertificateToken> chain, Date signingDate) {
        List<DSSDocument> documents = r.documents().stream().map(SignDocument::dss).toList();
        return new SignJob(r.format(), level, r.packaging(), documents, chain, signingDate, r.visible(), r.image(),
                r.reason(), r.location());
    }

    private void validate(SignJob r) {
        if (r.documents().size() > 1 && r.format() != SignatureFormat.ASIC_E) {
            throw ApiException.badRequest("TOO_MANY_FILES", r.format().apiName() + " signs exactly one file; use ASiC-E for several", "file");
        }
        if (r.visible() != null && r.format() != SignatureFormat.PADES) {
            throw ApiException.badRequest("INVALID_VISIBLE", "Only PAdES signatures can be visible", "visible");
        }
        if (r.documents().size() > InputLimits.CONTAINER_FILES) {
            throw ApiException.badRequest("TOO_MANY_FILES", "An ASiC-E container signs at most " + InputLimits.CONTAINER_FILES + " files", "file");
        }
        requireTimestamping(r.level());
        for (DSSDocument d : r.documents()) {
            switch (r.format()) {
                case PADES -> InputChecks.requirePdf(d);
                case XADES -> {
                    InputChecks.requireShallowXml(d);
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

    private static SignedDocument signed(SignJob job, DSSDocument out) {
        return new SignedDocument(UUID.randomUUID().toString(), out, fileName(job), job.format().mediaType(),
                levelName(job.format(), job.level()));
    }

    private static String levelName(SignatureFormat format, Level level) {
        return DssParameters.level(format == SignatureFormat.ASIC_E ? "XAdES" : format.apiName(), level).toString();
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

    /**
     * When DSS could not sign an enveloped XAdES document, says why as the full XML check does (422 NOT_XML or
     * XML_DOCTYPE_REFUSED): before signing only its prolog was read ({@link InputChecks#requireXmlProlog}).
     */
    private static void explainFailure(SignRequest r) {
        if (r.format() == SignatureFormat.XADES && r.packaging() == Packaging.ENVELOPED) {
            r.documents().forEach(d -> InputChecks.requireSafeXml(d.dss(), true));
        }
    }
}
