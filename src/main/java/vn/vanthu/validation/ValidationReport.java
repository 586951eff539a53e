package vn.vanthu.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /api/v1/validations}: one entry per signature with its ETSI EN 319 102-1 verdict
 * (names as DSS spells them), the timestamps found, and the raw DSS/ETSI reports asked for. A signature that
 * does not verify is a normal report whose {@code indication} says so, never an exception.
 *
 * <pre>{@code ValidationReport r = service.validate(request).report(); r.signatures().get(0).indication();}</pre>
 */
public record ValidationReport(String validationId, String documentName, String documentSha256, Instant validationTime,
                               String policy, int signaturesCount, int validSignaturesCount,
                               List<Signature> signatures, List<Timestamp> timestamps, Map<String, String> reports,
                               @JsonProperty("package") @JsonInclude(JsonInclude.Include.NON_NULL) PackageCheck packageCheck) {

    /** One signature's verdict and who made it. */
    public record Signature(String id, String format, String signedBy, Certificate certificate,
                            List<Certificate> certificateChain, Instant claimedSigningTime, Instant bestSignatureTime,
                            String indication, String subIndication, List<String> errors, List<String> warnings,
                            List<String> infos, List<Timestamp> timestamps, List<Scope> scope) {}

    /** A certificate as a reader needs it; {@code trusted} marks the trust anchor of a chain. */
    public record Certificate(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter,
                              boolean trusted) {}

    /** A time-stamp token: its type (SIGNATURE_TIMESTAMP, DOCUMENT_TIMESTAMP, …), time and verdict. */
    public record Timestamp(String id, String type, Instant productionTime, String indication, String subIndication) {}

    /** What a signature covers. */
    public record Scope(String name, String type, String description) {}

    /**
     * For an archival package: how many files it holds, every file that does not match its checksum in
     * {@code METS.xml} or the seal (or is missing, or is listed nowhere), and the signatures of each document.
     */
    public record PackageCheck(int files, List<FileProblem> problems, List<DocumentSignatures> documents) {}

    /** problem: CHECKSUM_MISMATCH, MISSING or NOT_LISTED. */
    public record FileProblem(String name, String problem, String message) {}

    /** Which of the report's signatures belong to one document of a package. */
    public record DocumentSignatures(String name, int signaturesCount, int validSignaturesCount, List<String> signatureIds) {}

    public ValidationReport withReports(Map<String, String> newReports) {
        return new ValidationReport(validationId, documentName, documentSha256, validationTime, policy, signaturesCount,
                validSignaturesCount, signatures, timestamps, newReports, packageCheck);
    }
}
