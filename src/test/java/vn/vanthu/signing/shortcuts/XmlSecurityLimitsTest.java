package vn.vanthu.signing.shortcuts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Santuario's manifest limit is the one system property the service needs (set by {@code Main}, and by the test
 * suite before its first test); the service refuses to start without it rather than fail package seals later.
 */
class XmlSecurityLimitsTest {
    @Test
    void santuario_accepts_a_manifest_of_many_references_and_still_has_a_limit() {
        assertTrue(XmlSecurityLimits.accepts(5_000));
        assertFalse(XmlSecurityLimits.accepts(XmlSecurityLimits.PACKAGE_FILES + 1), "the limit is ours, not none");
        assertDoesNotThrow(XmlSecurityLimits::require);
    }
}
