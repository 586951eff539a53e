package vn.vanthu.trust;

import org.junit.jupiter.api.Test;
import vn.vanthu.config.AppConfig;
import vn.vanthu.config.ConfigException;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.pki.DevPki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trust is configuration: VANTHU_TRUST_ANCHORS (files, folders, keystores) and VANTHU_DEV_PKI, never the JVM's store. */
class TrustServicesTest {
    static final Path SAMPLES = Path.of("keystore-samples").toAbsolutePath();

    static TrustServices trust(String... env) {
        Map<String, String> m = new HashMap<>(Map.of("VANTHU_PROFILE", "dev", "VANTHU_DEV_PKI_DIR", SAMPLES.toString(),
                "VANTHU_DEV_PKI", "false"));
        for (int i = 0; i + 1 < env.length; i += 2) {
            m.put(env[i], env[i + 1]);
        }
        return TrustServices.create(ConfigLoader.load(m));
    }

    static String root() {
        return DevPki.load(SAMPLES).rootCertificate().getSubjectX500Principal().getName();
    }

    @Test
    void with_the_dev_pki_off_and_no_anchors_nothing_is_trusted_not_even_the_jvm_store() {
        TrustServices t = trust();
        assertEquals(List.of(), t.anchors());
        assertNull(t.earliestAnchorExpiry());
        assertTrue(t.newVerifier().getTrustedCertSources().getNumberOfCertificates() == 0);
        assertNull(t.tspSource(), "no TSA without tsa.url or the dev PKI");
    }

    @Test
    void the_dev_pki_adds_its_root_and_its_tsa_only_when_on() {
        TrustServices t = trust("VANTHU_DEV_PKI", "true");
        assertEquals(1, t.anchors().size());
        assertEquals(root(), t.anchors().get(0).getSubjectX500Principal().getName());
        assertNotNull(t.tspSource());
        assertEquals(t.anchors().get(0).getNotAfter().toInstant(), t.earliestAnchorExpiry());
    }

    @Test
    void anchors_come_from_a_pem_file_a_der_file_a_folder_and_a_pkcs12_keystore() throws Exception {
        Path dir = Files.createTempDirectory("anchors");
        Files.copy(SAMPLES.resolve("root-ca.crt"), dir.resolve("root.pem"));
        Files.copy(SAMPLES.resolve("issuing-ca.crt"), dir.resolve("issuing.crt"));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        Path der = dir.resolve("single.der");
        Files.write(der, DevPki.load(SAMPLES).rootCertificate().getEncoded());

        assertEquals(2, trust("VANTHU_TRUST_ANCHORS", dir.toString()).anchors().size());
        assertEquals(1, trust("VANTHU_TRUST_ANCHORS", der.toString()).anchors().size());
        List<X509Certificate> fromP12 = trust("VANTHU_TRUST_ANCHORS", SAMPLES.resolve("root-ca.p12").toString(),
                "VANTHU_TRUST_ANCHORS_PASSWORD", "123456").anchors();
        assertEquals(root(), fromP12.get(0).getSubjectX500Principal().getName());
        assertEquals(2, trust("VANTHU_TRUST_ANCHORS", SAMPLES.resolve("root-ca.crt") + ", " + dir).anchors().size(),
                "duplicates are counted once");
    }

    @Test
    void an_unreadable_anchor_stops_start_up_naming_the_file() throws Exception {
        Path garbage = Files.createTempFile("garbage", ".crt");
        Files.writeString(garbage, "not a certificate");
        ConfigException e = assertThrows(ConfigException.class, () -> trust("VANTHU_TRUST_ANCHORS", garbage.toString()));
        assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> trust("VANTHU_TRUST_ANCHORS", "/nonexistent/ca.pem"));
        assertTrue(missing.getMessage().contains("/nonexistent/ca.pem"), missing.getMessage());
        ConfigException wrongPassword = assertThrows(ConfigException.class, () -> trust("VANTHU_TRUST_ANCHORS",
                SAMPLES.resolve("root-ca.p12").toString(), "VANTHU_TRUST_ANCHORS_PASSWORD", "wrong"));
        assertTrue(wrongPassword.getMessage().contains("root-ca.p12"), wrongPassword.getMessage());
    }

    @Test
    void offline_revocation_installs_no_online_source_at_all() {
        var cv = trust("VANTHU_DEV_PKI", "true", "VANTHU_REVOCATION", "offline").newVerifier();
        assertNull(cv.getCrlSource());
        assertNull(cv.getOcspSource());
        assertNull(cv.getAIASource());
        var online = trust("VANTHU_DEV_PKI", "true").newVerifier();
        assertNotNull(online.getCrlSource());
        assertNotNull(online.getOcspSource());
        assertNotNull(online.getAIASource());
        assertEquals(AppConfig.RevocationMode.ONLINE, trust("VANTHU_DEV_PKI", "true").revocationMode());
    }
}
