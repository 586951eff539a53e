package vn.vanthu.signing;

import vn.vanthu.web.User;

import java.util.Optional;

/**
 * The keys the service holds for its users, as the signing endpoints need them: opened for one caller with a PIN,
 * and the image a key's owner shows in visible signatures. The keys feature implements it, so that signing
 * depends on no key store.
 *
 * <pre>{@code
 * try (SigningKey key = vault.unlock(caller, "official1", pin)) { … }
 * byte[] png = vault.image("official1").orElse(null);
 * }</pre>
 */
public interface KeyVault {

    /** Opens the key for the caller (owner, PIN and lockout checked); close it when done. */
    SigningKey unlock(User caller, String keyId, String pin);

    /** The PNG drawn in visible signatures made with this key, if one was registered. */
    Optional<byte[]> image(String keyId);
}
