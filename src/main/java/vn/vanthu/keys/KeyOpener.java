package vn.vanthu.keys;

import eu.europa.esig.dss.token.AbstractKeyStoreTokenConnection;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.KSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;

import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.List;
import java.util.Locale;

/**
 * Opens DSS signature tokens over a PKCS#12 keystore or a PKCS#11 token and tells a wrong PIN apart from a
 * token that cannot be reached. Exceptions it throws never carry the PIN.
 */
final class KeyOpener {

    /** The PIN or password was refused by the keystore or token. */
    static final class WrongPin extends RuntimeException {
        WrongPin() {
            super(null, null, false, false);
        }
    }

    /** The token needs a PIN even to read its certificates, and none was given. */
    static final class PinRequired extends RuntimeException {
        PinRequired() {
            super(null, null, false, false);
        }
    }

    /** The keystore or token could not be opened for another reason (library, slot, corrupt file). */
    static final class TokenUnavailable extends RuntimeException {
        TokenUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An opened token and the key entry named by the alias. */
    record Opened(AbstractKeyStoreTokenConnection token, DSSPrivateKeyEntry entry) {}

    private KeyOpener() {}

    /** Opens the key's token with the PIN and finds its entry; closes the token again on any failure. */
    static Opened open(KeyRecord key, KeyStore.PasswordProtection pin) {
        AbstractKeyStoreTokenConnection token = null;
        try {
            token = connect(key.kind(), key.p12(), key.library(), slotOf(key), pin);
            List<DSSPrivateKeyEntry> entries = token.getKeys();
            AbstractKeyStoreTokenConnection opened = token;
            DSSPrivateKeyEntry entry = entries.stream().filter(e -> key.alias().equals(aliasOf(e))).findFirst()
                    .orElseThrow(() -> new TokenUnavailable("The key entry is not in its keystore or token", null));
            return new Opened(opened, entry);
        } catch (RuntimeException e) {
            if (token != null) {
                closeQuietly(token);
            }
            throw translate(e);
        }
    }

    /** Opens a keystore or token only to read its key entries (registration); the caller closes it. */
    static AbstractKeyStoreTokenConnection connect(String kind, byte[] p12, String library, Long slot,
                                                   KeyStore.PasswordProtection pin) {
        try {
            if (KeyInfo.PKCS12.equals(kind)) {
                return new Pkcs12SignatureToken(p12, pin);
            }
            if (slot == null || slot < 0 || slot > Integer.MAX_VALUE) {
                throw new TokenUnavailable("The slot number is out of range", null);
            }
            // DSS takes the slot id as an int; tokens in use have small or 31-bit slot ids.
            return new Pkcs11SignatureToken(library, pin, (int) slot.longValue());
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    static Long slotOf(KeyRecord key) {
        if (!KeyInfo.PKCS11.equals(key.kind())) {
            return null;
        }
        return key.slotId() != null ? key.slotId() : Pkcs11Slots.slotOf(key.library(), key.tokenLabel());
    }

    static String aliasOf(DSSPrivateKeyEntry e) {
        return e instanceof KSPrivateKeyEntry ks ? ks.getAlias() : null;
    }

    static void closeQuietly(AbstractKeyStoreTokenConnection token) {
        try {
            token.close();
        } catch (RuntimeException ignored) {
            // closing is best effort; the token is discarded either way
        }
    }

    /** Reads the exception chain (never its messages into the answer) to tell why opening failed. */
    static RuntimeException translate(RuntimeException e) {
        if (e instanceof WrongPin || e instanceof PinRequired || e instanceof TokenUnavailable
                || e instanceof vn.vanthu.error.ApiException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toUpperCase(Locale.ROOT);
            if (t instanceof UnrecoverableKeyException || t instanceof FailedLoginException
                    || m.contains("CKR_PIN_INCORRECT") || m.contains("CKR_PIN_LEN_RANGE")
                    || m.contains("PASSWORD WAS INCORRECT") || m.contains("BAD PASSWORD")) {
                return new WrongPin();
            }
            if (t instanceof LoginException && m.contains("NO PASSWORD PROVIDED")) {
                return new PinRequired();
            }
        }
        return new TokenUnavailable("The keystore or token could not be opened", e);
    }
}
