package vn.vanthu.signing.shortcuts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.config.ConfigException;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.signing.SigningFixtures;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code VANTHU_DSS_SHORTCUTS=false}: the service runs on plain DSS, and still signs and validates. */
class ShortcutsOffTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_DSS_SHORTCUTS", "false"));
    }

    @AfterAll
    static void stop() {
        server.close();
        Shortcuts.install(true);
    }

    @Test
    void with_the_shortcuts_off_the_service_signs_and_validates_xades_and_pades_on_plain_dss() {
        assertFalse(Shortcuts.enabled());
        assertFalse(Shortcuts.xpathInDss(), "DSS's XPath is the JDK's");
        for (String format : new String[] {"XAdES", "PAdES"}) {
            boolean pdf = format.equals("PAdES");
            Multipart form = SigningFixtures.form(format, "B", pdf ? "cv.pdf" : "cv.xml",
                    pdf ? "application/pdf" : "application/xml", pdf ? SigningFixtures.pdf() : SigningFixtures.xml());
            if (!pdf) {
                form.field("packaging", "ENVELOPED");
            }
            TestServer.Response signed = server.postMultipart("/api/v1/signatures", "official",
                    form.field("keyId", "official1").field("pin", "123456"));
            assertEquals(200, signed.status(), signed.text());
            TestServer.Response validated = server.postMultipart("/api/v1/validations", "auditor", new Multipart()
                    .file("file", pdf ? "cv.pdf" : "cv.xml", "application/octet-stream", signed.body()));
            assertEquals(200, validated.status(), validated.text());
            JsonNode signature = validated.json().path("signatures").path(0);
            assertEquals("TOTAL_PASSED", signature.path("indication").asText(), format + ": " + validated.text());
        }
    }

    @Test
    void the_setting_is_on_unless_set_to_false_and_takes_only_true_or_false() {
        Map<String, String> base = Map.of("VANTHU_PROFILE", "dev");
        assertTrue(ConfigLoader.load(base).dssShortcuts());
        var off = new java.util.HashMap<>(base);
        off.put("VANTHU_DSS_SHORTCUTS", "false");
        assertFalse(ConfigLoader.load(off).dssShortcuts());
        off.put("VANTHU_DSS_SHORTCUTS", "sometimes");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(off)).getMessage().contains("VANTHU_DSS_SHORTCUTS"));
    }
}
