package vn.vanthu.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The seal of an archival package signs METS.xml, which lists every other file with its SHA-256 (seals made by
 * earlier versions also list them in the seal itself). DSS checks what the seal references; the files it covers
 * through those lists are checked by the package's own check ({@link PackageFiles#problems()}), and the seal's
 * verdict says so: a file that differs fails the seal as a changed reference would (TOTAL_FAILED, HASH_FAILURE), a
 * missing one leaves it INDETERMINATE, SIGNED_DATA_NOT_FOUND. A file listed nowhere changes nothing the seal signed.
 *
 * <pre>{@code ValidationReport.Signature seal = SealCoverage.verdict(dssSeal, pkg.problems());}</pre>
 */
final class SealCoverage {
    private SealCoverage() {}

    static ValidationReport.Signature verdict(ValidationReport.Signature seal, List<ValidationReport.FileProblem> problems) {
        List<String> changed = names(problems, "CHECKSUM_MISMATCH");
        List<String> missing = names(problems, "MISSING");
        if (!changed.isEmpty() && !"TOTAL_FAILED".equals(seal.indication())) {
            return with(seal, "TOTAL_FAILED", "HASH_FAILURE", "Files the seal covers through METS.xml differ: " + changed);
        }
        if (changed.isEmpty() && !missing.isEmpty() && "TOTAL_PASSED".equals(seal.indication())) {
            return with(seal, "INDETERMINATE", "SIGNED_DATA_NOT_FOUND", "Files the seal covers through METS.xml are missing: " + missing);
        }
        return seal;
    }

    private static List<String> names(List<ValidationReport.FileProblem> problems, String kind) {
        return problems.stream().filter(p -> p.problem().equals(kind)).map(ValidationReport.FileProblem::name).limit(20).toList();
    }

    private static ValidationReport.Signature with(ValidationReport.Signature s, String indication, String sub, String error) {
        List<String> errors = new ArrayList<>(s.errors() == null ? List.of() : s.errors());
        errors.add(error);
        return new ValidationReport.Signature(s.id(), s.format(), s.signedBy(), s.certificate(), s.certificateChain(),
                s.claimedSigningTime(), s.bestSignatureTime(), indication, sub, errors, s.warnings(), s.infos(),
                s.timestamps(), s.scope());
    }
}
