package vn.vanthu.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @Test
    void defaults_give_h2_in_the_data_folder_on_port_8080() {
        AppConfig c = ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev"));
        assertEquals(8080, c.server().port());
        assertEquals(50L * 1024 * 1024, c.server().maxUploadBytes());
        assertTrue(c.storage().dbUrl().startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath()));
        assertFalse(c.storage().isPostgres());
        assertTrue(c.pki().devPki());
        assertEquals(AppConfig.RevocationMode.ONLINE, c.pki().revocation());
    }

    @Test
    void environment_overrides_the_file_which_overrides_defaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vanthu.properties");
        Files.writeString(file, "port=9000\nmax.upload.mb=5\nrevocation=offline\n");
        AppConfig c = ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev", "VANTHU_CONFIG", file.toString(), "VANTHU_PORT", "9100",
                "VANTHU_DB_URL", "jdbc:postgresql://db:5432/vanthu", "PATH", "/usr/bin"));
        assertEquals(9100, c.server().port());
        assertEquals(5L * 1024 * 1024, c.server().maxUploadBytes());
        assertEquals(AppConfig.RevocationMode.OFFLINE, c.pki().revocation());
        assertTrue(c.storage().isPostgres());
    }

    @Test
    void an_unknown_environment_setting_stops_start_up_and_names_it() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_PROT", "8080")));
        assertTrue(e.getMessage().contains("VANTHU_PROT"), e.getMessage());
    }

    @Test
    void an_unknown_key_in_the_file_stops_start_up_and_names_it(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vanthu.properties");
        Files.writeString(file, "prot=8080\n");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_CONFIG", file.toString())));
        assertTrue(e.getMessage().contains("'prot'"), e.getMessage());
    }

    @Test
    void an_invalid_value_stops_start_up_and_names_the_setting() {
        var port = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_PORT", "eighty")));
        assertTrue(port.getMessage().contains("VANTHU_PORT"), port.getMessage());
        var range = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_PORT", "70000")));
        assertTrue(range.getMessage().contains("between 0 and 65535"), range.getMessage());
        var mode = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_REVOCATION", "sometimes")));
        assertTrue(mode.getMessage().contains("VANTHU_REVOCATION"), mode.getMessage());
        var db = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_DB_URL", "jdbc:mysql://x")));
        assertTrue(db.getMessage().contains("VANTHU_DB_URL"), db.getMessage());
    }

    @Test
    void a_missing_configuration_file_stops_start_up() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_CONFIG", "/nonexistent/x.properties")));
        assertTrue(e.getMessage().contains("/nonexistent/x.properties"), e.getMessage());
    }

    @Test
    void the_jar_on_its_own_is_production_and_refuses_to_start_without_anchors_and_seal_naming_both() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of()));
        assertTrue(e.getMessage().contains("production"), e.getMessage());
        assertTrue(e.getMessage().contains("VANTHU_TRUST_ANCHORS"), e.getMessage());
        assertTrue(e.getMessage().contains("VANTHU_REPORT_SEAL_KEYSTORE"), e.getMessage());
        assertTrue(e.getMessage().contains("VANTHU_PROFILE=dev"), "points to the dev profile: " + e.getMessage());
    }

    @Test
    void production_without_anchors_names_the_anchors_setting_only() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(
                "VANTHU_REPORT_SEAL_KEYSTORE", "/etc/vanthu/seal.p12")));
        assertTrue(e.getMessage().contains("VANTHU_TRUST_ANCHORS"), e.getMessage());
        assertFalse(e.getMessage().contains("VANTHU_REPORT_SEAL_KEYSTORE"), e.getMessage());
    }

    @Test
    void production_without_a_seal_names_the_seal_setting_only() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(
                "VANTHU_PROFILE", "production", "VANTHU_TRUST_ANCHORS", "/etc/vanthu/ca")));
        assertTrue(e.getMessage().contains("VANTHU_REPORT_SEAL_KEYSTORE"), e.getMessage());
        assertFalse(e.getMessage().contains("VANTHU_TRUST_ANCHORS"), e.getMessage());
    }

    @Test
    void production_with_anchors_and_seal_has_no_development_pki_and_no_demo_users() {
        AppConfig c = ConfigLoader.load(Map.of("VANTHU_TRUST_ANCHORS", "/etc/vanthu/ca",
                "VANTHU_REPORT_SEAL_KEYSTORE", "/etc/vanthu/seal.p12"));
        assertEquals(Profile.PRODUCTION, c.profile());
        assertFalse(c.pki().devPki());
        assertFalse(c.demoUsers());
        assertEquals(Path.of("/etc/vanthu/seal.p12"), c.validation().sealKeystore());
        assertEquals("", c.validation().sealPassword(), "no development password outside dev");
    }

    @Test
    void production_refuses_the_development_pki_or_demo_users_switched_on_by_hand() {
        Map<String, String> safe = Map.of("VANTHU_TRUST_ANCHORS", "/etc/vanthu/ca", "VANTHU_REPORT_SEAL_KEYSTORE", "/s.p12");
        for (String devOnly : new String[] {"VANTHU_DEV_PKI", "VANTHU_DEMO_USERS"}) {
            Map<String, String> env = new HashMap<>(safe);
            env.put(devOnly, "true");
            var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));
            assertTrue(e.getMessage().contains(devOnly), e.getMessage());
        }
    }

    @Test
    void the_dev_profile_turns_on_the_development_pki_its_seal_and_the_demo_users(@TempDir Path dir) throws Exception {
        AppConfig c = ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev"));
        assertEquals(Profile.DEV, c.profile());
        assertTrue(c.pki().devPki());
        assertTrue(c.demoUsers());
        assertEquals(Path.of("keystore-samples", "seal.p12").toAbsolutePath(), c.validation().sealKeystore());
        Path file = dir.resolve("vanthu.properties");
        Files.writeString(file, "profile=dev\n");
        assertEquals(Profile.DEV, ConfigLoader.load(Map.of("VANTHU_CONFIG", file.toString())).profile(),
                "the profile may come from the properties file too");
        assertFalse(ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev", "VANTHU_DEMO_USERS", "false")).demoUsers(),
                "a dev default can still be turned off");
    }

    @Test
    void an_unknown_profile_or_a_misspelt_profile_setting_stops_start_up_and_names_it() {
        var value = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_PROFILE", "staging")));
        assertTrue(value.getMessage().contains("VANTHU_PROFILE"), value.getMessage());
        assertTrue(value.getMessage().contains("[dev, production]"), value.getMessage());
        var name = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("VANTHU_PROFIL", "dev")));
        assertTrue(name.getMessage().contains("Unknown setting VANTHU_PROFIL "), name.getMessage());
    }
}
