package vn.vanthu.signing;

/**
 * Santuario's limit on the references of one {@code ds:Manifest}, raised for the JVM: DSS reads XAdES signatures
 * without Santuario's secure-validation limits, except a manifest inside one, which Santuario limits to 30
 * references; the seal of a dossier package lists every file of the package in its manifest, and a package may
 * hold up to 200,000 files. Santuario reads the property once, when its {@code Manifest} class is first used, so
 * this must run before any XML signature is made or read: {@code App} does it when its class loads (and the test
 * suite before its first test). A value set on the command line is kept.
 *
 * <pre>{@code XmlSecurityLimits.raise();}</pre>
 */
public final class XmlSecurityLimits {
    static final String MAX_REFERENCES = "org.apache.xml.security.maxReferences";
    public static final int PACKAGE_FILES = 200_000;

    private XmlSecurityLimits() {}

    public static void raise() {
        if (System.getProperty(MAX_REFERENCES) == null) {
            System.setProperty(MAX_REFERENCES, Integer.toString(PACKAGE_FILES));
        }
    }
}
