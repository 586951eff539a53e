package vn.vanthu.support;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A CA and a seal made for one test, outside the development PKI (every file of keystore-samples/ belongs to it,
 * and production refuses those): the CA as a PEM file to trust, the seal as a PKCS#12 issued by it.
 *
 * <pre>{@code ThrowawayPki pki = ThrowawayPki.write(dir); env.put("VANTHU_TRUST_ANCHORS", pki.caPem().toString());}</pre>
 */
public record ThrowawayPki(Path caPem, Path sealP12, String password) {
    public static ThrowawayPki write(Path dir) {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair ca = rsa.generateKeyPair();
            X500Name caName = new X500Name("CN=Throw-away Test CA,O=Vanthu Tests,C=VN");
            X509Certificate caCert = certificate(caName, caName, ca.getPublic(), ca.getPrivate(), true);
            KeyPair seal = rsa.generateKeyPair();
            X509Certificate sealCert = certificate(caName, new X500Name("CN=Throw-away Test Seal,O=Vanthu Tests,C=VN"),
                    seal.getPublic(), ca.getPrivate(), false);

            ThrowawayPki pki = new ThrowawayPki(dir.resolve("test-ca.pem"), dir.resolve("test-seal.p12"), "throw-away");
            Files.writeString(pki.caPem(), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(caCert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("seal", seal.getPrivate(), pki.password().toCharArray(), new Certificate[] {sealCert, caCert});
            try (OutputStream out = Files.newOutputStream(pki.sealP12())) {
                ks.store(out, pki.password().toCharArray());
            }
            return pki;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the throw-away PKI", e);
        }
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, PublicKey key, PrivateKey signer,
                                               boolean isCa) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()
                + (isCa ? 0 : 1)), Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                subject, key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }
}
