package vn.vanthu.signing.shortcuts;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Manifest;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

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
 * <pre>{@code XmlSecurityLimits.require();   // App, at start: throws unless PROPERTY was VALUE before Santuario loaded}</pre>
 */
public final class XmlSecurityLimits {
    public static final String PROPERTY = "org.apache.xml.security.maxReferences";
    public static final int PACKAGE_FILES = 200_000;
    public static final String VALUE = Integer.toString(PACKAGE_FILES);
    /** Santuario's own limit, which a seal over a larger package would exceed. */
    static final int SANTUARIO_DEFAULT = 30;

    private XmlSecurityLimits() {}

    /**
     * Whether Santuario, validating securely as DSS has it do, accepts a manifest of {@code references}
     * references. Asked of Santuario itself: its limit is private, and the public constant only names the default.
     */
    public static boolean accepts(int references) {
        try {
            Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            Element manifest = doc.createElementNS(Constants.SignatureSpecNS, "ds:Manifest");
            doc.appendChild(manifest);
            for (int i = 0; i < references; i++) {
                manifest.appendChild(doc.createElementNS(Constants.SignatureSpecNS, "ds:Reference"));
            }
            new Manifest(manifest, "", true);
            return true;
        } catch (XMLSecurityException e) {
            return false;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML parser", e);
        }
    }

    /** Throws when Santuario still limits a manifest to its default number of references. */
    public static void require() {
        if (!accepts(SANTUARIO_DEFAULT + 1)) {
            throw new IllegalStateException("Santuario accepts only " + SANTUARIO_DEFAULT + " references in a manifest; "
                    + "start vanthu through its Main class or with -D" + PROPERTY + "=" + VALUE);
        }
    }
}
