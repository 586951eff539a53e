package vn.vanthu.keys;

import vn.vanthu.error.ApiException;
import vn.vanthu.signing.SealRule;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SignatureFormat;
import vn.vanthu.signing.SigningKey;
import vn.vanthu.validation.Indication;
import vn.vanthu.validation.ValidationReport;
import vn.vanthu.validation.ValidationService;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agency seal only after a person's signature: a request to sign with an AGENCY_SEAL key passes only for one PDF
 * (PAdES) that already carries a TOTAL_PASSED signature whose certificate is a PERSONAL key registered here, i.e. a
 * person of this agency. Built by {@link KeyService#sealRule} over the validation service.
 *
 * <pre>{@code
 * SealRule rule = keys.sealRule(validation);
 * rule.check(sealKey, SignRequest.pades(SignDocument.of(signedByOfficial)));   // passes
 * }</pre>
 */
final class SealGuard implements SealRule {
    private final KeyDao dao;
    private final ValidationService validation;

    SealGuard(KeyDao dao, ValidationService validation) {
        this.dao = dao;
        this.validation = validation;
    }

    @Override
    public void check(SigningKey key, SignRequest request) {
        if (!key.agencySeal()) {
            return;
        }
        if (request.format() != SignatureFormat.PADES || request.documents().size() != 1) {
            throw refusal("The agency seal signs only a PDF that a person of this agency has signed already");
        }
        if (!signedByOfficial(request.documents().get(0))) {
            throw refusal("The agency seal follows the signature of a person of this agency: this PDF carries no "
                    + "valid signature made with a personal key registered here");
        }
    }

    private boolean signedByOfficial(SignDocument pdf) {
        byte[] bytes = pdf.bytes();
        if (!ValidationService.maySign(bytes)) {
            return false;
        }
        Set<BigInteger> personal = dao.all().stream().filter(k -> !k.agencySeal())
                .map(k -> new BigInteger(k.serialNumber(), 16)).collect(Collectors.toSet());
        if (personal.isEmpty()) {
            return false;
        }
        ValidationReport report;
        try {
            report = validation.validate(new ValidationService.Request(pdf.name(), bytes, List.of(), null, Set.of(),
                    null)).report();
        } catch (ApiException e) {
            return false; // not a document validation can read: certainly not signed by an official
        }
        return report.signatures().stream()
                .filter(s -> Indication.of(s.indication()) == Indication.TOTAL_PASSED && s.certificate() != null)
                .anyMatch(s -> personal.contains(serial(s.certificate().serialNumber())));
    }

    /** The validation report writes serials in decimal; a hex one is read too rather than never matching. */
    private static BigInteger serial(String text) {
        try {
            return new BigInteger(text);
        } catch (NumberFormatException e) {
            try {
                return new BigInteger(text, 16);
            } catch (NumberFormatException again) {
                return BigInteger.ONE.negate();
            }
        }
    }

    private static ApiException refusal(String message) {
        return new ApiException(409, NOT_SIGNED_BY_OFFICIAL, message, null);
    }
}
