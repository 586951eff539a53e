package vn.vanthu.signing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A certificate chain no trust anchor of the service vouches for, whose certificate names an OCSP responder and
 * a CRL at a URL of the test's choosing: a client could send such a chain to make the service fetch from there.
 *
 * <pre>{@code String pem = StrangerChain.pem("http://127.0.0.1:" + port + "/");   // signer first, then its CA}</pre>
 */
final class StrangerChain {
    private StrangerChain() {}

    static String pem(String fetchUrl) {
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(256);
            KeyPair ca = ec.generateKeyPair();
            KeyPair signer = ec.generateKeyPair();
            X500Name caName = new X500Name("CN=Stranger CA,O=Nobody,C=VN");
            Instant now = Instant.now();
            X509Certificate caCert = build(new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), caName, ca.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)), ca);
            GeneralName url = new GeneralName(GeneralName.uniformResourceIdentifier, fetchUrl);
            X509Certificate cert = build(new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=Stranger,O=Nobody,C=VN"), signer.getPublic())
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_ocsp, url), new AccessDescription(AccessDescription.id_ad_caIssuers, url)}))
                    .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(url)), null, null)})), ca);
            return pem(cert) + pem(caCert);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the stranger's chain", e);
        }
    }

    static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private static X509Certificate build(org.bouncycastle.cert.X509v3CertificateBuilder b, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
