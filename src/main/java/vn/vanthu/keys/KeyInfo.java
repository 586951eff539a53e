package vn.vanthu.keys;

import java.time.Instant;

/**
 * What may be shown about a signing key: its id, owner (a user id or {@code AGENCY_SEAL}), the signer
 * certificate's names, serial (hex) and validity, the kind ({@code PKCS12} or {@code PKCS11}) and the status
 * ({@code ACTIVE}, {@code LOCKED}, {@code EXPIRED} or {@code NOT_YET_VALID}). Never a secret. What a
 * key is for ({@link #PERSONAL} or {@link #AGENCY_SEAL}) is kept with it but not shown: this shape is a contract.
 *
 * <pre>{@code KeyInfo k = keys.info("official1"); if (!KeyInfo.ACTIVE.equals(k.status())) …}</pre>
 */
public record KeyInfo(String id, String owner, String subject, String issuer, String serialNumber,
                      Instant notBefore, Instant notAfter, String kind, String status) {
    public static final String AGENCY_SEAL = "AGENCY_SEAL";
    public static final String PKCS12 = "PKCS12";
    public static final String PKCS11 = "PKCS11";
    public static final String ACTIVE = "ACTIVE";
    public static final String PERSONAL = "PERSONAL";
}
