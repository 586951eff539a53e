package vn.vanthu.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.vanthu.limits.DerDepth;

/**
 * RFC 3161 time-stamping authority. Tokens are signed SHA256withRSA and carry ESSCertIDv2 (SHA-256), as
 * required by ETSI EN 319 422 and expected by DSS; the request's nonce is echoed by the BouncyCastle generator.
 */
final class TimeStampAuthority {
    /** The TSA policy of the development PKI (private arc reserved for examples, never a real policy). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS =
            Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

    private final SigningKey tsa;
    private final Clock clock;
    /** Starts at the clock's milliseconds * 1000 so serials stay unique across restarts too. */
    private final AtomicLong serials;

    TimeStampAuthority(SigningKey tsa, Clock clock) {
        this.tsa = tsa;
        this.clock = clock;
        this.serials = new AtomicLong(clock.millis() * 1000);
    }

    /** Never throws: a request that cannot be parsed gets a rejection with badDataFormat. */
    byte[] respond(byte[] requestDer) {
        TimeStampRequest request;
        if (!DerDepth.within(requestDer, DerDepth.LIMIT)) {   // BouncyCastle's parser would recurse to overflow
            return failure(PKIStatus.rejection, PKIFailureInfo.badDataFormat, "time-stamp request nested too deep");
        }
        try {
            request = new TimeStampRequest(requestDer);
        } catch (Exception e) {
            return failure(PKIStatus.rejection, PKIFailureInfo.badDataFormat, "malformed time-stamp request");
        }
        try {
            TimeStampResponseGenerator generator = new TimeStampResponseGenerator(
                    tokenGenerator(), ACCEPTED_DIGESTS, Set.of(POLICY));
            // generate() validates algorithm and policy and answers a rejection itself when they are not accepted.
            return generator.generate(request, BigInteger.valueOf(serials.incrementAndGet()),
                    Date.from(clock.instant())).getEncoded();
        } catch (Exception e) {
            return failure(PKIStatus.rejection, PKIFailureInfo.systemFailure, "time-stamp could not be issued");
        }
    }

    /** A fresh generator per request: BouncyCastle's generators are not documented as thread-safe. */
    private TimeStampTokenGenerator tokenGenerator() throws Exception {
        X509Certificate cert = tsa.certificate();
        DigestCalculator certIdDigest = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)); // SHA-256 → ESSCertIDv2
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsa.key(), cert),
                certIdDigest, POLICY);
        // Added only when the request sets certReq; the issuing CA lets validators build the path offline.
        generator.addCertificates(new JcaCertStore(List.of(cert, tsa.chain().get(1))));
        generator.setTSA(new GeneralName(X500Name.getInstance(cert.getSubjectX500Principal().getEncoded())));
        generator.setAccuracySeconds(1);
        return generator;
    }

    private static byte[] failure(PKIStatus status, int failInfo, String text) {
        try {
            return new TimeStampResp(new PKIStatusInfo(status, new PKIFreeText(text),
                    new PKIFailureInfo(failInfo)), null).getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode a time-stamp failure", e);
        }
    }
}
