package vn.vanthu.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @Test
    void defaults_give_h2_in_the_data_folder_on_port_8080() {
        AppConfig c = ConfigLoader.load(Map.of());
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
        AppConfig c = ConfigLoader.load(Map.of("VANTHU_CONFIG", file.toString(), "VANTHU_PORT", "9100",
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
}
