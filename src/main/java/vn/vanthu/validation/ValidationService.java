package vn.vanthu.validation;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import eu.europa.esig.validationreport.ValidationReportFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;
import vn.vanthu.limits.WorkBudget;
import vn.vanthu.signing.shortcuts.Shortcuts;
import vn.vanthu.store.Hashes;
import vn.vanthu.trust.TrustServices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Validates signed files (PAdES, XAdES, CAdES, ASiC) with DSS against the configured trust and policies. Never
 * throws for a bad signature: the verdict is in the returned report. Throws {@link ApiException} (4xx) only for
 * requests that cannot be validated at all: an unknown policy, a file no validator reads, a hostile file, or
 * one that outlasts its wall-clock budget ({@link WorkBudget}: 422 TOO_COMPLEX; 503 SERVICE_BUSY when every slot
 * stays taken for a whole budget).
 *
 * <pre>{@code
 * ValidationService.Outcome out = service.validate(new ValidationService.Request("a.pdf", bytes, List.of(),
 *         null, Set.of("etsi"), null));
 * out.report().signatures().get(0).indication();   // "TOTAL_PASSED"
 * }</pre>
 */
public final class ValidationService {
    private static final Logger log = LoggerFactory.getLogger(ValidationService.class);
    public static final Set<String> REPORT_KINDS = Set.of("etsi", "detailed", "diagnostic", "simple");

    /** A detached signature's signed data. */
    public record Original(String name, byte[] content) {}

    /** What to validate: the file, the originals of detached signatures, as of when, with which policy. */
    public record Request(String documentName, byte[] content, List<Original> originals, Instant validationTime,
                          Set<String> reports, String policy) {}

    /** The report, plus the ETSI report XML (UTF-8) that is always kept as evidence. */
    public record Outcome(ValidationReport report, byte[] etsiReport) {}

    private final TrustServices trust;
    private final Policies policies;
    private final int maxSignatures;
    private final WorkBudget running;

    /** {@code secondsPerMb}, {@code minimumSeconds}: the wall-clock budget of one validation (see {@link WorkBudget}). */
    public ValidationService(TrustServices trust, Policies policies, int maxSignatures, int maxConcurrent,
                             double secondsPerMb, double minimumSeconds) {
        this.trust = trust;
        this.policies = policies;
        this.maxSignatures = maxSignatures;
        this.running = new WorkBudget(maxConcurrent > 0 ? maxConcurrent
                : Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), secondsPerMb, minimumSeconds, "validation");
    }

    public Outcome validate(Request req) {
        String policyName = req.policy() == null || req.policy().isBlank() ? Policies.DEFAULT : req.policy().trim();
        ValidationPolicy policy = policies.get(policyName);
        for (String r : req.reports()) {
            if (!REPORT_KINDS.contains(r)) {
                throw ApiException.badRequest("INVALID_REPORTS", "reports may list only " + REPORT_KINDS, "reports");
            }
        }
        return running.run(req.content().length, () -> run(req, policyName, policy));
    }

    /** The budget every validation runs in (its slots and counts, for /metrics). */
    public WorkBudget budget() {
        return running;
    }

    /** False when a file certainly carries no signature (a PDF without a signature dictionary, XML without one). */
    public static boolean maySign(byte[] content) {
        return InputGuard.maySign(content);
    }

    /** Whether a file is an archival package (a ZIP with METS.xml and the seal at its root). */
    public static boolean isPackage(java.nio.file.Path file) {
        return PackageFiles.isPackage(file);
    }

    /**
     * Validates an archival package read from a file: the seal, every file against METS.xml (which the seal signs)
     * and the seal ({@link SealCoverage}), the signatures of each document; every file that does not match, by name.
     */
    public Outcome validatePackage(String name, java.nio.file.Path zip, Instant validationTime, Set<String> reports,
                                   String policyName) {
        String policyKey = policyName == null || policyName.isBlank() ? Policies.DEFAULT : policyName.trim();
        ValidationPolicy policy = policies.get(policyKey);
        return running.run(size(zip), () -> validatePackage(name, zip, validationTime, reports, policyName, policyKey, policy));
    }

    private static String sha256(java.nio.file.Path file) {
        try {
            return Hashes.sha256Hex(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Outcome validatePackage(String name, java.nio.file.Path zip, Instant validationTime, Set<String> reports,
                                    String policyName, String policyKey, ValidationPolicy policy) {
        try (PackageFiles pkg = PackageFiles.open(zip)) {
            List<ValidationReport.FileProblem> problems = pkg.problems();
            byte[] seal = pkg.seal();
            Outcome sealed = run(new Request(PackageFiles.SEAL, seal, List.of(), validationTime, reports, policyName),
                    policyKey, policy, pkg.contents(), pkg.fileCount());
            List<ValidationReport.Signature> signatures = new ArrayList<>(sealed.report().signatures());
            List<ValidationReport.DocumentSignatures> documents = new ArrayList<>();
            int valid = sealed.report().validSignaturesCount();
            if (!signatures.isEmpty()) {   // the seal covers every file through METS.xml: its verdict says so
                ValidationReport.Signature covered = SealCoverage.verdict(signatures.get(0), problems);
                valid -= "TOTAL_PASSED".equals(signatures.get(0).indication()) && !"TOTAL_PASSED".equals(covered.indication()) ? 1 : 0;
                signatures.set(0, covered);
            }
            for (String doc : pkg.documents()) {
                byte[] bytes = pkg.bytes(doc);
                if (!InputGuard.maySign(bytes)) {
                    continue;
                }
                ValidationReport inner = innerReport(doc, bytes, validationTime, policyKey, policy);
                signatures.addAll(inner.signatures());
                valid += inner.validSignaturesCount();
                documents.add(new ValidationReport.DocumentSignatures(doc, inner.signaturesCount(),
                        inner.validSignaturesCount(), inner.signatures().stream().map(ValidationReport.Signature::id).toList()));
            }
            ValidationReport s = sealed.report();
            ValidationReport report = new ValidationReport(s.validationId(), name, sha256(zip), s.validationTime(),
                    s.policy(), signatures.size(), valid, signatures, s.timestamps(), s.reports(),
                    new ValidationReport.PackageCheck(pkg.fileCount(), problems, documents));
            return new Outcome(report, sealed.etsiReport());
        }
    }

    private ValidationReport innerReport(String name, byte[] bytes, Instant time, String policyKey, ValidationPolicy policy) {
        try {
            return run(new Request(name, bytes, List.of(), time, Set.of(), null), policyKey, policy, List.of(), 0).report();
        } catch (ApiException e) {
            return new ValidationReport(null, name, null, time, policyKey, 0, 0, List.of(), List.of(), Map.of(), null);
        }
    }

    private Outcome run(Request req, String policyName, ValidationPolicy policy) {
        List<DSSDocument> detached = new ArrayList<>();
        for (Original o : req.originals()) {
            detached.add(new InMemoryDocument(o.content(), o.name()));
        }
        return run(req, policyName, policy, detached, 0);
    }

    /** {@code extraReferences}: references allowed beyond ordinary signatures' (a package seal's, one per file). */
    private Outcome run(Request req, String policyName, ValidationPolicy policy, List<DSSDocument> detached,
                        int extraReferences) {
        byte[] content = req.content();
        InputGuard.Kind kind = InputGuard.check(content, maxSignatures, extraReferences);
        DSSDocument doc = new InMemoryDocument(content, req.documentName());
        SignedDocumentValidator validator;
        try {
            // Straight to the validator when the kind is known: DSS's factory probe would parse an XML twice.
            validator = switch (kind) {
                case XML -> new XMLDocumentValidator(doc);
                case PDF -> new PDFDocumentValidator(doc);
                default -> SignedDocumentValidator.fromDocument(doc);
            };
        } catch (RuntimeException | StackOverflowError e) {
            throw unsupported();
        }
        if (validator instanceof PDFDocumentValidator pdf) {
            pdf.setPdfObjFactory(Shortcuts.validationPdfFactory(content));
        }
        validator.setCertificateVerifier(trust.newVerifier());
        if (!detached.isEmpty()) {
            validator.setDetachedContents(detached);
        }
        if (req.validationTime() != null) {
            validator.setValidationTime(Date.from(req.validationTime()));
        }
        validator.setLocale(Locale.ENGLISH);
        Reports reports;
        try {
            reports = Shortcuts.withXPath(() -> validator.validateDocument(policy));
        } catch (RuntimeException | StackOverflowError e) {
            log.info("A {} file could not be validated: {}", kind, e.getClass().getSimpleName());
            throw unsupported();
        }
        byte[] etsi = etsiXml(reports);
        Map<String, String> raw = new LinkedHashMap<>();
        for (String r : List.of("etsi", "detailed", "diagnostic", "simple")) {
            if (req.reports().contains(r)) {
                raw.put(r, switch (r) {
                    case "etsi" -> new String(etsi, java.nio.charset.StandardCharsets.UTF_8);
                    case "detailed" -> reports.getXmlDetailedReport();
                    case "diagnostic" -> reports.getXmlDiagnosticData();
                    default -> reports.getXmlSimpleReport();
                });
            }
        }
        String id = "val_" + UUID.randomUUID().toString().replace("-", "");
        ValidationReport report = ReportMapper.map(reports, id, req.documentName(), Hashes.sha256Hex(content),
                policyName, raw);
        return new Outcome(report, etsi);
    }

    /** DSS's own JAXB tree, written out without re-validating it against the schema on every request. */
    private static byte[] etsiXml(Reports reports) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(16 * 1024);
            ValidationReportFacade.newFacade().marshall(reports.getEtsiValidationReportJaxb(), out, false);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("The ETSI validation report could not be written", e);
        }
    }

    private static ApiException unsupported() {
        return ApiException.unprocessable("UNSUPPORTED_DOCUMENT",
                "The file is not a signed document this service can read (PDF, XML, CMS/PKCS#7 or ASiC)", "file");
    }
}
