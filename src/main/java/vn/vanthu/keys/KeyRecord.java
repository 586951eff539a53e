package vn.vanthu.keys;

import java.time.Instant;

/**
 * One row of {@code signing_keys}: where the key lives ({@code kind}), what it is for ({@code purpose}: PERSONAL or
 * AGENCY_SEAL), its certificate's facts and its lockout state.
 */
record KeyRecord(String id, String owner, String kind, String purpose, String alias, byte[] p12, String library, Long slotId,
                 String tokenLabel, byte[] certificate, String subject, String issuer, String serialNumber,
                 Instant notBefore, Instant notAfter, int failedAttempts, Instant lockedUntil) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    boolean agencySeal() {
        return KeyInfo.AGENCY_SEAL.equals(purpose);
    }

    KeyInfo info(Instant now) {
        String status;
        if (lockedAt(now)) {
            status = "LOCKED";
        } else if (now.isAfter(notAfter)) {
            status = "EXPIRED";
        } else if (now.isBefore(notBefore)) {
            status = "NOT_YET_VALID";
        } else {
            status = KeyInfo.ACTIVE;
        }
        return new KeyInfo(id, owner, subject, issuer, serialNumber, notBefore, notAfter, kind, status);
    }

    /**
     * The unit of exclusive use of a PKCS#11 key inside this instance: its library. (A login is shared by the
     * process per token; a slot and a label may name the same token, so the library is the safe unit.)
     */
    String tokenKey() {
        return library;
    }

    /**
     * PERSONAL or AGENCY_SEAL; when not given, the agency's own key is its seal and any user's key is personal. The
     * agency (owner AGENCY_SEAL) holds no personal key: nobody could be the person who signed with it.
     */
    static String purposeOf(String requested, String owner) {
        if (requested == null || requested.isBlank()) {
            return KeyInfo.AGENCY_SEAL.equals(owner) ? KeyInfo.AGENCY_SEAL : KeyInfo.PERSONAL;
        }
        String p = requested.strip().toUpperCase(java.util.Locale.ROOT);
        if (!KeyInfo.PERSONAL.equals(p) && !KeyInfo.AGENCY_SEAL.equals(p)) {
            throw vn.vanthu.error.ApiException.badRequest("INVALID_PURPOSE", "purpose is PERSONAL or AGENCY_SEAL", "purpose");
        }
        if (KeyInfo.PERSONAL.equals(p) && KeyInfo.AGENCY_SEAL.equals(owner)) {
            throw vn.vanthu.error.ApiException.unprocessable("INVALID_PURPOSE", "A key owned by AGENCY_SEAL is the agency seal, not a "
                    + "personal key", "purpose");
        }
        return p;
    }
}
