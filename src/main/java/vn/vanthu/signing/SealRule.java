package vn.vanthu.signing;

/**
 * Where the agency seal may be applied on request (Decree 30 Art. 32.2.d): the agency's certificate follows the
 * signature of a competent person of the agency, or signs what the service makes itself (copies, appendices,
 * edXML messages, reports, dossier packages; those never pass through here). The keys feature implements it, since
 * it knows which key is the seal and whose certificates are the agency's people; validation says which signatures
 * are valid.
 *
 * <pre>{@code
 * sealRule.check(sealKey, SignRequest.pades(SignDocument.of(pdf)));   // 409 NOT_SIGNED_BY_OFFICIAL when unsigned
 * }</pre>
 */
public interface SealRule {
    /** The code of the refusal. */
    String NOT_SIGNED_BY_OFFICIAL = "NOT_SIGNED_BY_OFFICIAL";

    /**
     * Returns when {@code key} is not the agency seal, or when the request is one PDF that already carries a valid
     * signature of a person of this agency; otherwise throws a 409 {@code NOT_SIGNED_BY_OFFICIAL}.
     */
    void check(SigningKey key, SignRequest request);
}
