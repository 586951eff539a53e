package vn.vanthu.pki;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Recognises the certificates of the development PKI ({@code keystore-samples/}, whose private keys are public):
 * its CAs, responders and everything they issued carry the organisation {@value #ORGANIZATION} in their subject
 * or issuer. The mark is the name, not a fingerprint, because {@code scripts/gen-dev-pki.sh} makes new keys and
 * serial numbers at every regeneration but always these names.
 *
 * <pre>{@code if (DevelopmentCertificates.isDevelopment(anchor)) { refuse(anchor); }}</pre>
 */
public final class DevelopmentCertificates {
    /** The organisation (O) of every CA and responder of the development PKI. */
    public static final String ORGANIZATION = "Vanthu Development";

    private DevelopmentCertificates() {}

    /** True for a certificate of the development PKI or one it issued. */
    public static boolean isDevelopment(X509Certificate c) {
        return ofDevelopment(c.getSubjectX500Principal()) || ofDevelopment(c.getIssuerX500Principal());
    }

    private static boolean ofDevelopment(X500Principal name) {
        RDN[] organisations = X500Name.getInstance(name.getEncoded()).getRDNs(BCStyle.O);
        return Arrays.stream(organisations)
                .anyMatch(o -> ORGANIZATION.equals(IETFUtils.valueToString(o.getFirst().getValue())));
    }
}
