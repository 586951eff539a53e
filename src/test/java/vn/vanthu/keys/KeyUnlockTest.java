package vn.vanthu.keys;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.Digest;
import eu.europa.esig.dss.model.SignatureValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vanthu.config.AppConfig;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.pki.DevPki;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SignedDocument;
import vn.vanthu.signing.SigningFixtures;
import vn.vanthu.signing.SigningService;
import vn.vanthu.trust.TrustServices;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.support.Databases;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;
import vn.vanthu.users.UserService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unlocking keys of each kind through the service and signing with them, verified by the certificate's public key. */
class KeyUnlockTest {
    private static final byte[] DATA = "Quyết định số 12/QĐ-SKHCN".getBytes(StandardCharsets.UTF_8);
    private Database db;
    private KeyService keys;
    private User official;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("vanthu-keys-unit");
        Databases.Target t = Databases.fresh(Databases.Kind.H2, dir);
        db = Database.open(new AppConfig.Storage(dir, t.url(), t.user(), t.password(), 4));
        UserService users = new UserService(db, java.time.Clock.systemUTC());
        official = users.create("official", "Nguyễn Hữu Thắng", Set.of(Role.OFFICIAL));
        keys = new KeyService(db, users, new AppConfig.Keys(5, Duration.ofMinutes(15), Duration.ofMinutes(5),
                List.of(SoftHsm.LIBRARY)), java.time.Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_pkcs12_key_unlocks_and_signs_a_digest_its_certificate_verifies() throws Exception {
        byte[] p12 = Files.readAllBytes(Path.of("keystore-samples/official1.p12"));
        keys.registerPkcs12(new Registrations.Pkcs12("mine", official.id(), p12, "123456", null, null));

        try (UnlockedKey key = keys.unlock(official, "mine", "123456")) {
            assertEquals("PKCS12", key.info().kind());
            assertEquals(3, key.chain().size(), "signer, issuing CA, root");
            assertSignsVerifiably(key);
        }
    }

    @Test
    void an_unlocked_key_signs_through_the_signing_facade_and_not_after_it_is_closed() throws Exception {
        byte[] p12 = Files.readAllBytes(Path.of("keystore-samples/official1.p12"));
        keys.registerPkcs12(new Registrations.Pkcs12("mine", official.id(), p12, "123456", null, null));
        TrustServices trust = TrustServices.create(ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev")).pki(), "", DevPki.load(Path.of("keystore-samples")));
        SigningService signing = new SigningService(trust::newSigningVerifier, null);

        UnlockedKey key = keys.unlock(official, "mine", "123456");
        try (key) {
            SignedDocument s = signing.sign(SignRequest.pades(SignDocument.of(SigningFixtures.pdf(), "cv.pdf")), key);
            SigningFixtures.assertAllPassed(SigningFixtures.validate(s.bytes(), null, true), "PAdES-BASELINE-B");
        }
        assertThrows(IllegalStateException.class, () -> key.sign("SHA256withRSA", DATA));
    }

    @Test
    void a_pkcs11_key_on_a_fresh_softhsm_token_unlocks_by_slot_and_by_label_and_signs() throws Exception {
        SoftHsm.Token t = SoftHsm.token();
        keys.registerPkcs11(new Registrations.Pkcs11("hsm-slot", official.id(), t.library(), t.slot(), null, t.alias(), SoftHsm.PIN));
        keys.registerPkcs11(new Registrations.Pkcs11("hsm-label", official.id(), t.library(), null, t.label(), t.alias(), SoftHsm.PIN));

        for (String id : List.of("hsm-slot", "hsm-label")) {
            try (UnlockedKey key = keys.unlock(official, id, SoftHsm.PIN)) {
                assertEquals("PKCS11", key.info().kind());
                assertTrue(key.info().subject().contains("CN=Nguyễn Hữu Thắng"), key.info().subject());
                assertSignsVerifiably(key);
            }
        }
    }

    @Test
    void a_wrong_pin_on_a_pkcs11_token_is_refused_also_right_after_a_good_unlock() {
        SoftHsm.Token t = SoftHsm.token();
        keys.registerPkcs11(new Registrations.Pkcs11("hsm", official.id(), t.library(), t.slot(), null, t.alias(), SoftHsm.PIN));
        keys.unlock(official, "hsm", SoftHsm.PIN).close();

        ApiException e = assertThrows(ApiException.class, () -> keys.unlock(official, "hsm", "654321"));
        assertEquals("WRONG_PIN", e.code());
        assertEquals(403, e.status());
    }

    @Test
    void registering_a_pkcs11_key_without_a_pin_asks_for_it_when_the_token_needs_a_login() {
        SoftHsm.Token t = SoftHsm.token();
        ApiException e = assertThrows(ApiException.class, () -> keys.registerPkcs11(
                new Registrations.Pkcs11("hsm", official.id(), t.library(), t.slot(), null, t.alias(), null)));
        assertEquals("PIN_REQUIRED", e.code());
    }

    @Test
    void a_pkcs11_library_outside_the_allow_list_is_refused() {
        ApiException e = assertThrows(ApiException.class, () -> keys.registerPkcs11(
                new Registrations.Pkcs11("x", official.id(), "/lib/x86_64-linux-gnu/libc.so.6", 0L, null, "a", "1")));
        assertEquals("PKCS11_LIBRARY_NOT_ALLOWED", e.code());
    }

    @Test
    void a_lock_ends_after_the_lock_time_and_a_right_pin_then_opens_the_key() throws Exception {
        MutableClock clock = new MutableClock();
        KeyService timed = new KeyService(db, new UserService(db, java.time.Clock.systemUTC()), new AppConfig.Keys(5, Duration.ofMinutes(15),
                Duration.ofMinutes(5)), clock);
        timed.registerPkcs12(new Registrations.Pkcs12("mine", official.id(),
                Files.readAllBytes(Path.of("keystore-samples/official1.p12")), "123456", null, null));
        for (int i = 0; i < 5; i++) {
            assertEquals("WRONG_PIN", assertThrows(ApiException.class, () -> timed.unlock(official, "mine", "1")).code());
        }
        clock.advance(Duration.ofMinutes(14));
        assertEquals("KEY_LOCKED", assertThrows(ApiException.class, () -> timed.unlock(official, "mine", "123456")).code());
        assertEquals("LOCKED", timed.info("mine").status());
        clock.advance(Duration.ofMinutes(2));
        timed.unlock(official, "mine", "123456").close();
        assertEquals("ACTIVE", timed.info("mine").status());
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private static void assertSignsVerifiably(UnlockedKey key) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(DATA);
        SignatureValue value = key.token().signDigest(new Digest(DigestAlgorithm.SHA256, hash), key.entry());
        X509Certificate signer = key.chain().get(0);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(signer.getPublicKey());
        verifier.update(DATA);
        assertTrue(verifier.verify(value.getValue()), "the signature verifies with the certificate's public key");
        verifier.initVerify(signer.getPublicKey());
        verifier.update("something else".getBytes(StandardCharsets.UTF_8));
        assertTrue(!verifier.verify(value.getValue()), "and not over other data");
    }
}
