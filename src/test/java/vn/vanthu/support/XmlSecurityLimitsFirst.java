package vn.vanthu.support;

import org.junit.jupiter.api.extension.Extension;
import vn.vanthu.signing.XmlSecurityLimits;

/**
 * Raises Santuario's manifest limit before the first test, as {@code App} does when it loads: some tests sign or
 * validate XML with DSS directly before any test starts a service, and Santuario reads the limit only once.
 * Registered for every test (META-INF/services, junit-platform.properties).
 */
public final class XmlSecurityLimitsFirst implements Extension {
    public XmlSecurityLimitsFirst() {
        XmlSecurityLimits.raise();
    }
}
