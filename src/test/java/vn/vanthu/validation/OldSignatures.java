package vn.vanthu.validation;

import eu.europa.esig.dss.enumerations.SignaturePackaging;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.esf.RevocationValues;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A signature made years ago, as an auditor finds it today. An enveloping CAdES (.p7s) signed by the development
 * PKI's {@code expired} signer (certificate valid 2023-01-01 → 2024-01-01) on {@link #SIGNED_AT}, while valid.
 * As signing software does, it kept the revocation data of that day in the signature (the CAdES
 * {@code revocation-values} unsigned attribute, ETSI TS 101 733 §6.3.4), and it has no timestamp:
 * <ul>
 *   <li>an OCSP response "good" for the signer, produced minutes before signing by the issuing CA's delegated
 *       responder of the time, whose certificate (EKU OCSPSigning, ocsp-nocheck, like {@code ocsp.crt}) was valid
 *       2023-01-01 → 2024-01-01 and has expired since, like the signer's; the response carries it;</li>
 *   <li>the root CA's CRL of that day, for the issuing CA.</li>
 * </ul>
 * The responder certificate and both answers are minted here with BouncyCastle from the development CA keys
 * (openssl's OCSP responder cannot date a response in the past); the signature is DSS's CAdES-B.
 */
final class OldSignatures {
    static final Instant SIGNED_AT = Instant.parse("2023-06-01T08:00:00Z");
    static final Instant RESPONDER_NOT_BEFORE = Instant.parse("2023-01-01T00:00:00Z");
    static final Instant RESPONDER_NOT_AFTER = Instant.parse("2024-01-01T00:00:00Z");

    private OldSignatures() {}

    /** The .p7s: CAdES-B of {@code data} + revocation-values (OCSP of the expired responder, root CRL), no timestamp. */
    static byte[] cadesWithRevocationDataOfThatDay(byte[] data) {
        try {
            Key root = key("root-ca");
            Key issuing = key("issuing-ca");
            X509Certificate signer = key("expired").certificate();

            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair responderKeys = rsa.generateKeyPair();
            X509CertificateHolder responder = responderCertificate(issuing, responderKeys);

            Instant asked = SIGNED_AT.minus(Duration.ofMinutes(2));
            BasicOCSPResp ocsp = ocspGood(signer, issuing.certificate(), responder, responderKeys.getPrivate(), asked);
            CertificateList rootCrl = emptyCrl(root, SIGNED_AT.minus(Duration.ofHours(8)));

            byte[] p7s = SignedFiles.cades(data, SignaturePackaging.ENVELOPING, "expired", Date.from(SIGNED_AT));
            return withRevocationValues(p7s, new RevocationValues(new CertificateList[] {rootCrl},
                    new BasicOCSPResponse[] {BasicOCSPResponse.getInstance(ocsp.getEncoded())}, null));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the old signature", e);
        }
    }

    private static X509CertificateHolder responderCertificate(Key issuing, KeyPair keys) throws Exception {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509Certificate ca = issuing.certificate();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca,
                new BigInteger(128, new SecureRandom()).setBit(127), Date.from(RESPONDER_NOT_BEFORE),
                Date.from(RESPONDER_NOT_AFTER),
                new X500Name("CN=Vanthu Development OCSP Responder 2023,O=Vanthu Development,C=VN"), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        return b.build(signer(issuing.key()));
    }

    /** An RFC 6960 answer as the responder gave it then: no archive cutoff, valid one day. */
    private static BasicOCSPResp ocspGood(X509Certificate subject, X509Certificate issuer,
                                          X509CertificateHolder responder, PrivateKey responderKey, Instant at)
            throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), subject.getSerialNumber());
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(responder.getSubject()));
        b.addResponse(id, CertificateStatus.GOOD, Date.from(at), Date.from(at.plus(Duration.ofDays(1))), null);
        return b.build(signer(responderKey), new X509CertificateHolder[] {responder}, Date.from(at));
    }

    private static CertificateList emptyCrl(Key ca, Instant thisUpdate) throws Exception {
        JcaX509v2CRLBuilder b = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(thisUpdate));
        b.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(1))));
        b.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(thisUpdate.toEpochMilli())));
        return b.build(signer(ca.key())).toASN1Structure();
    }

    private static byte[] withRevocationValues(byte[] p7s, RevocationValues values) throws Exception {
        CMSSignedData cms = new CMSSignedData(p7s);
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        AttributeTable unsigned = si.getUnsignedAttributes() != null ? si.getUnsignedAttributes()
                : new AttributeTable(new ASN1EncodableVector());
        si = SignerInformation.replaceUnsignedAttributes(si,
                unsigned.add(PKCSObjectIdentifiers.id_aa_ets_revocationValues, values));
        return CMSSignedData.replaceSigners(cms, new SignerInformationStore(List.of(si))).getEncoded("DER");
    }

    private static ContentSigner signer(PrivateKey key) throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(key);
    }

    private record Key(PrivateKey key, X509Certificate certificate) {}

    /** Reads {@code keystore-samples/<name>.p12} (alias = name, password 123456, see its README). */
    private static Key key(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(SignedFiles.SAMPLES.resolve(name + ".p12"))) {
            ks.load(in, "123456".toCharArray());
        }
        return new Key((PrivateKey) ks.getKey(name, "123456".toCharArray()), (X509Certificate) ks.getCertificate(name));
    }
}
