package vn.vanthu.keys;

import java.time.Clock;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.web.RequestOrigin;
import eu.europa.esig.dss.token.AbstractKeyStoreTokenConnection;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.users.UserService;

import javax.security.auth.x500.X500Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registering keys: checks the owner, opens the keystore or token once with the given PIN (then forgets it)
 * to read the signer certificate, and stores the record. PKCS#12 bytes are kept; the PIN never is.
 * Reached through {@link KeyService}:
 *
 * <pre>{@code
 * keys.registerPkcs12(new Registrations.Pkcs12("seal", "AGENCY_SEAL", p12Bytes, pin, null, pngBytes));
 * keys.registerPkcs11(new Registrations.Pkcs11("hsm1", userId, "/usr/lib/softhsm/libsofthsm2.so", null, "vanthu-test", "official1", pin));
 * }</pre>
 */
public final class Registrations {
    /** The longest key id (the column holds 64), owner (a user id), alias (200) and PKCS#11 token label (32 bytes). */
    static final int ID_LENGTH = 64;
    static final int OWNER = 40;
    static final int ALIAS = 200;
    static final int TOKEN_LABEL = 32;
    static final int LIBRARY = 4096;   // the longest PKCS#11 module path (Linux PATH_MAX), checked by the declared body
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (ID_LENGTH - 1) + "}");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int MAX_IMAGE = 2 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A PKCS#12 keystore to register; {@code id}, {@code alias}, {@code image} and {@code purpose} may be null (the
     * purpose then follows the owner: AGENCY_SEAL for the agency's key, else PERSONAL).
     */
    public record Pkcs12(String id, String owner, byte[] p12, String pin, String alias, byte[] image, String purpose) {
        public Pkcs12(String id, String owner, byte[] p12, String pin, String alias, byte[] image) {
            this(id, owner, p12, pin, alias, image, null);
        }

        @Override
        public String toString() {
            return "Pkcs12[id=" + id + ", owner=" + owner + ", alias=" + alias + ", pin=***]";
        }
    }

    /** A PKCS#11 token object: {@code slot} or {@code tokenLabel}; {@code pin} only if the token needs it to read. */
    public record Pkcs11(String id, String owner, String library, Long slot, String tokenLabel, String alias, String pin,
                         String purpose) {
        public Pkcs11(String id, String owner, String library, Long slot, String tokenLabel, String alias, String pin) {
            this(id, owner, library, slot, tokenLabel, alias, pin, null);
        }

        @Override
        public String toString() {
            return "Pkcs11[id=" + id + ", owner=" + owner + ", library=" + library + ", slot=" + slot
                    + ", tokenLabel=" + tokenLabel + ", alias=" + alias + ", pin=***]";
        }
    }

    /** Runs work with exclusive use of a PKCS#11 library (given by the service). */
    interface TokenGuard {
        <T> T with(String tokenKey, Supplier<T> work);
    }

    private final KeyDao dao;
    private final Clock clock;
    private final UserService users;
    private final AppConfig.Keys config;
    private final TokenGuard guard;

    Registrations(KeyDao dao, UserService users, AppConfig.Keys config, TokenGuard guard, Clock clock) {
        this.clock = clock;
        this.dao = dao;
        this.users = users;
        this.config = config;
        this.guard = guard;
    }

    KeyRecord pkcs12(Pkcs12 r) {
        return pkcs12(r, null);
    }

    /** Registers a keystore; {@code origin} names the request whose audit event is written with the key. */
    KeyRecord pkcs12(Pkcs12 r, RequestOrigin origin) {
        String id = checkId(r.id());
        checkOwner(r.owner());
        String purpose = KeyRecord.purposeOf(r.purpose(), r.owner());
        checkImage(r.image());
        if (r.p12() == null || r.p12().length == 0) {
            throw ApiException.badRequest("MISSING_FILE", "The multipart part 'file' (a .p12) is required", "file");
        }
        if (r.pin() == null) {
            throw ApiException.badRequest("PIN_REQUIRED", "Give the keystore password as 'pin' to read its certificate", "pin");
        }
        KeyRecord key = read(KeyInfo.PKCS12, id, r.owner(), purpose, r.alias(), r.pin(), r.p12(), null, null, null,
                (slot, pin) -> KeyOpener.connect(KeyInfo.PKCS12, r.p12(), null, null, pin));
        insert(key, r.image(), origin);
        return key;
    }

    /** Reads a PKCS#12 keystore's single (or named-by-id) key without storing anything. */
    KeyRecord readPkcs12(String id, String owner, byte[] p12, String pin) {
        return read(KeyInfo.PKCS12, id, owner, KeyRecord.purposeOf(null, owner), id, pin, p12, null, null, null,
                (slot, protection) -> KeyOpener.connect(KeyInfo.PKCS12, p12, null, null, protection));
    }

    KeyRecord pkcs11(Pkcs11 r, RequestOrigin origin) {
        String id = checkId(r.id());
        checkOwner(r.owner());
        // PKCS#11 token labels are 32 bytes; the alias column holds 200 characters.
        if (r.tokenLabel() != null && r.tokenLabel().length() > TOKEN_LABEL) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "tokenLabel must be at most " + TOKEN_LABEL + " characters (PKCS#11)", "tokenLabel");
        }
        if (r.alias() != null && r.alias().length() > ALIAS) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "alias must be at most " + ALIAS + " characters", "alias");
        }
        String purpose = KeyRecord.purposeOf(r.purpose(), r.owner());
        if (r.library() == null || r.library().isBlank()) {
            throw ApiException.badRequest("MISSING_LIBRARY", "library (the PKCS#11 module path) is required", "library");
        }
        Path library = Path.of(r.library()).toAbsolutePath().normalize();
        if (!config.pkcs11Libraries().stream().map(p -> p.toAbsolutePath().normalize()).toList().contains(library)) {
            throw ApiException.unprocessable("PKCS11_LIBRARY_NOT_ALLOWED",
                    "This PKCS#11 library is not in the setting pkcs11.libraries", "library");
        }
        if (!Files.isRegularFile(library)) {
            throw ApiException.unprocessable("PKCS11_LIBRARY_NOT_FOUND", "The PKCS#11 library is not installed", "library");
        }
        boolean bySlot = r.slot() != null;
        boolean byLabel = r.tokenLabel() != null && !r.tokenLabel().isBlank();
        if (bySlot == byLabel) {
            throw ApiException.badRequest("SLOT_OR_LABEL", "Give exactly one of slot and tokenLabel", "slot");
        }
        if (r.alias() == null || r.alias().isBlank()) {
            throw ApiException.badRequest("MISSING_ALIAS", "alias (the key's label on the token) is required", "alias");
        }
        String lib = library.toString();
        KeyRecord key = guard.with(lib, () -> {
            Long slot = bySlot ? r.slot() : Pkcs11Slots.slotOf(lib, r.tokenLabel());
            return read(KeyInfo.PKCS11, id, r.owner(), purpose, r.alias(), r.pin(), null, lib,
                    bySlot ? r.slot() : null, byLabel ? r.tokenLabel().strip() : null,
                    (ignored, pin) -> KeyOpener.connect(KeyInfo.PKCS11, null, lib, slot, pin));
        });
        insert(key, null, origin);
        return key;
    }

    /** Opens the keystore/token once to find the entry and copy its certificate's facts. */
    private KeyRecord read(String kind, String id, String owner, String purpose, String alias, String pin, byte[] p12,
                           String library, Long slot, String label,
                           BiFunction<Long, KeyStore.PasswordProtection, AbstractKeyStoreTokenConnection> connect) {
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(pin == null ? null : pin.toCharArray());
        AbstractKeyStoreTokenConnection token = null;
        try {
            token = connect.apply(slot, protection);
            List<DSSPrivateKeyEntry> entries = token.getKeys();
            DSSPrivateKeyEntry entry = choose(entries, alias);
            X509Certificate cert = entry.getCertificate().getCertificate();
            return new KeyRecord(id, owner, kind, purpose, KeyOpener.aliasOf(entry), p12, library, slot, label,
                    cert.getEncoded(), name(cert.getSubjectX500Principal()), name(cert.getIssuerX500Principal()),
                    cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant(), 0, null);
        } catch (CertificateEncodingException e) {
            throw ApiException.unprocessable("INVALID_CERTIFICATE", "The key's certificate cannot be encoded");
        } catch (RuntimeException e) {
            if (pin == null && hasLoginFailure(e)) {
                throw registrationFailure(new KeyOpener.PinRequired());
            }
            throw registrationFailure(KeyOpener.translate(e));
        } finally {
            if (token != null) {
                KeyOpener.closeQuietly(token);
            }
            try {
                protection.destroy();
            } catch (javax.security.auth.DestroyFailedException ignored) {
                // cleared regardless
            }
        }
    }

    private static boolean hasLoginFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.security.auth.login.LoginException) {
                return true;
            }
        }
        return false;
    }

    private static DSSPrivateKeyEntry choose(List<DSSPrivateKeyEntry> entries, String alias) {
        if (alias != null && !alias.isBlank()) {
            return entries.stream().filter(e -> alias.equals(KeyOpener.aliasOf(e))).findFirst().orElseThrow(() ->
                    ApiException.unprocessable("ALIAS_NOT_FOUND", "No private key with alias '" + alias + "' is there", "alias"));
        }
        if (entries.size() != 1) {
            throw ApiException.unprocessable(entries.isEmpty() ? "NO_PRIVATE_KEY" : "AMBIGUOUS_ALIAS", entries.isEmpty()
                    ? "The keystore holds no private key with a certificate"
                    : "The keystore holds several keys; name one with 'alias'", "alias");
        }
        return entries.get(0);
    }

    private static RuntimeException registrationFailure(RuntimeException e) {
        if (e instanceof KeyOpener.WrongPin) {
            return new ApiException(403, "WRONG_PIN", "The PIN or keystore password is wrong", "pin");
        }
        if (e instanceof KeyOpener.PinRequired) {
            return ApiException.badRequest("PIN_REQUIRED", "This token needs its PIN to read the certificate", "pin");
        }
        if (e instanceof ApiException api) {
            return api;
        }
        org.slf4j.LoggerFactory.getLogger(Registrations.class).warn("Key registration could not open the keystore: {}", describe(e));
        return ApiException.unprocessable("INVALID_KEYSTORE", "The keystore or token could not be read");
    }

    private void insert(KeyRecord key, byte[] image, RequestOrigin origin) {
        try {
            dao.insert(key, image, clock.instant(), AuditLog.Entry.ofChange(origin, "KEY_REGISTER", key.id(),
                    key.kind() + " owner=" + key.owner() + " serial=" + key.serialNumber()));
        } catch (KeyDao.DuplicateKeyId e) {
            throw ApiException.conflict("KEY_EXISTS", "A key with id '" + key.id() + "' exists already");
        }
    }

    private String checkId(String id) {
        if (id == null || id.isBlank()) {
            byte[] b = new byte[6];
            RANDOM.nextBytes(b);
            return "key-" + HexFormat.of().formatHex(b);
        }
        if (!ID.matcher(id).matches()) {
            throw ApiException.badRequest("INVALID_KEY_ID", "id must be 1-64 letters, digits, '.', '_' or '-'", "id");
        }
        return id;
    }

    private void checkOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw ApiException.badRequest("MISSING_OWNER", "owner (a user id or AGENCY_SEAL) is required", "owner");
        }
        if (!KeyInfo.AGENCY_SEAL.equals(owner) && users.find(owner).isEmpty()) {
            throw ApiException.unprocessable("UNKNOWN_OWNER", "owner must be a user id or AGENCY_SEAL", "owner");
        }
    }

    static void checkImage(byte[] image) {
        if (image == null) {
            return;
        }
        if (image.length > MAX_IMAGE || image.length < PNG.length
                || !java.util.Arrays.equals(java.util.Arrays.copyOf(image, PNG.length), PNG)) {
            throw ApiException.unprocessable("INVALID_IMAGE", "image must be a PNG of at most 2 MB", "image");
        }
    }

    /** A subject or issuer in RFC 2253 order (CN first) with readable Vietnamese and short attribute names. */
    static String name(X500Principal principal) {
        RDN[] rdns = X500Name.getInstance(principal.getEncoded()).getRDNs();
        RDN[] reversed = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            reversed[i] = rdns[rdns.length - 1 - i];
        }
        return new X500Name(BCStyle.INSTANCE, reversed).toString();
    }

    /** An exception chain for the log: class names and PKCS#11 return codes only, never messages. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause()) {
            sb.append(sb.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
            Matcher m = Pattern.compile("CKR_[A-Z_]+").matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                sb.append(' ').append(m.group());
            }
        }
        return sb.toString();
    }
}
