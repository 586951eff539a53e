package vn.vanthu.signing.shortcuts;

import org.apache.xml.security.signature.Manifest;

/**
 * Santuario's limit on the references of one {@code ds:Manifest}, which must be raised for the JVM: DSS reads
 * XAdES signatures without Santuario's secure-validation limits, except a manifest inside one, which Santuario
 * limits to 30 references; the seal of a dossier package lists every file of the package in its manifest, and
 * a package may hold up to 200,000 files. Santuario offers no per-use setting: it reads the system property
 * once, when its {@code Manifest} class is first used. So the entry point ({@code Main}) sets {@link #PROPERTY}
 * to {@link #VALUE} before anything else runs (the test suite does the same before its first test), and the
 * service checks with {@link #require()} when it starts that the limit in force is the raised one: a package
 * seal must never turn INDETERMINATE because the JVM was started another way. This is not a speed shortcut
 * and is not switched off with the others: without it large packages cannot be validated at all.
 *
 * <pre>{@code System.setProperty(XmlSecurityLimits.PROPERTY, XmlSecurityLimits.VALUE);   // Main, first thing}</pre>
 */
public final class XmlSecurityLimits {
    public static final String PROPERTY = "org.apache.xml.security.maxReferences";
    public static final int PACKAGE_FILES = 200_000;
    public static final String VALUE = Integer.toString(PACKAGE_FILES);

    private XmlSecurityLimits() {}

    /** The number of references Santuario accepts in one manifest in this JVM (reading it fixes it). */
    public static int inForce() {
        return Manifest.MAXIMUM_REFERENCE_COUNT;
    }

    /** Throws when Santuario's manifest limit is below a package's largest file count. */
    public static void require() {
        if (inForce() < PACKAGE_FILES) {
            throw new IllegalStateException("Santuario accepts only " + inForce() + " references in a manifest; start "
                    + "vanthu through vn.vanthu.Main or with -D" + PROPERTY + "=" + VALUE);
        }
    }
}
