package vn.vanthu.keys;

import java.time.Instant;

/** One row of {@code signing_keys}: where the key lives, its certificate's facts and its lockout state. */
record KeyRecord(String id, String owner, String kind, String alias, byte[] p12, String library, Long slotId,
                 String tokenLabel, byte[] certificate, String subject, String issuer, String serialNumber,
                 Instant notBefore, Instant notAfter, int failedAttempts, Instant lockedUntil) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
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
}
