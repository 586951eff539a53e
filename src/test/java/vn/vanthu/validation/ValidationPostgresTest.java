package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The V4 migration and the validation store on a real PostgreSQL. */
class ValidationPostgresTest {
    @Test
    void validations_are_stored_listed_and_read_back_on_postgresql() {
        try (TestServer s = TestServer.start(Databases.Kind.POSTGRES)) {
            byte[] signed = SignedFiles.pades(SignedFiles.pdf(1), "official2", SignatureLevel.PAdES_BASELINE_B, new Date());
            String id = Validate.ok(s, "to-trinh.pdf", signed).path("validationId").asText();
            JsonNode list = s.get("/api/v1/validations?limit=10", "auditor").json();
            assertEquals(id, list.path("items").path(0).path("validationId").asText());
            JsonNode one = s.get("/api/v1/validations/" + id, "auditor").json();
            assertEquals("Trần Thị Mai Hương", one.path("signatures").path(0).path("signedBy").asText());
            assertTrue(one.path("reports").path("etsi").asText().contains("ValidationReport"));
        }
    }
}
