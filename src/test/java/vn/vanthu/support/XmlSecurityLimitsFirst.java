package vn.vanthu.support;

import org.junit.jupiter.api.extension.Extension;
import vn.vanthu.signing.shortcuts.Shortcuts;
import vn.vanthu.signing.shortcuts.XmlSecurityLimits;

/**
 * Before the first test, does what {@code Main} and {@code App} do when the service starts: raises Santuario's
 * manifest limit (Santuario reads it only once) and installs the DSS shortcuts (DSS makes its XPath factory only
 * once); some tests sign or validate XML with DSS directly before any test starts a service. Registered for
 * every test (META-INF/services, junit-platform.properties).
 */
public final class XmlSecurityLimitsFirst implements Extension {
    public XmlSecurityLimitsFirst() {
        if (System.getProperty(XmlSecurityLimits.PROPERTY) == null) {
            System.setProperty(XmlSecurityLimits.PROPERTY, XmlSecurityLimits.VALUE);
        }
        Shortcuts.install(true);
    }
}
