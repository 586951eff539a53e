package vn.vanthu.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.vanthu.limits.DerDepth;

/**
 * RFC 6960 responder for certificates of the issuing CA. Like a CRL-backed responder, it answers "good" for
 * any serial of that CA that is not in revoked.txt (tests may issue extra certificates with the dev issuing
 * key), "revoked" with time and reason for the listed ones, and "unknown" for any other issuer.
 */
final class OcspResponder {
    static final Duration VALID_FOR = Duration.ofDays(1);

    private final SigningKey responder;
    private final X509CertificateHolder issuer;
    private final Extensions archiveCutoff;
    private final Map<BigInteger, RevokedEntry> revoked;
    private final Clock clock;

    OcspResponder(SigningKey responder, SigningKey issuingCa, java.util.List<RevokedEntry> revoked, Clock clock) {
        this.responder = responder;
        this.issuer = holder(issuingCa.certificate());
        // RFC 6960 archive cutoff: this responder keeps status of every certificate since the CA began, expired
        // ones included, so validators may trust its answers for certificates past their notAfter.
        this.archiveCutoff = archiveCutoff(issuingCa.certificate().getNotBefore());
        this.revoked = revoked.stream().collect(
                Collectors.toUnmodifiableMap(RevokedEntry::serial, Function.identity()));
        this.clock = clock;
    }

    /** Never throws: a request that cannot be parsed gets a malformedRequest response. */
    byte[] respond(byte[] requestDer) {
        try {
            OCSPReq request;
            if (!DerDepth.within(requestDer, DerDepth.LIMIT)) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);   // BouncyCastle's parser would recurse to overflow
            }
            try {
                request = new OCSPReq(requestDer);
            } catch (IOException | RuntimeException e) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Req[] items = request.getRequestList();
            if (items.length == 0) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Instant now = clock.instant();
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(VALID_FOR));
            X509CertificateHolder signerCert = holder(responder.certificate());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(signerCert.getSubject()));
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            for (Req item : items) {
                CertificateID id = item.getCertID();
                builder.addResponse(id, statusOf(id, digests), thisUpdate, nextUpdate, archiveCutoff);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(responder.key()),
                    new X509CertificateHolder[] {signerCert}, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private CertificateStatus statusOf(CertificateID id, DigestCalculatorProvider digests) {
        try {
            if (!id.matchesIssuer(issuer, digests)) {
                return new UnknownStatus();
            }
        } catch (Exception e) {
            return new UnknownStatus(); // e.g. a CertID hash algorithm the JDK does not know
        }
        RevokedEntry entry = revoked.get(id.getSerialNumber());
        return entry == null ? CertificateStatus.GOOD : new RevokedStatus(Date.from(entry.revokedAt()), entry.reason());
    }

    private static Extensions archiveCutoff(Date since) {
        try {
            return new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff, false,
                    new org.bouncycastle.asn1.DERGeneralizedTime(since).getEncoded("DER")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] status(int code) {
        try {
            return new OCSPRespBuilder().build(code, null).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode an OCSP status response", e);
        }
    }

    private static X509CertificateHolder holder(java.security.cert.X509Certificate cert) {
        try {
            return new JcaX509CertificateHolder(cert);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
