package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import vn.vanthu.pki.DevPki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

/**
 * Signing's DSS sources for the development PKI, answered in-process by {@link DevPki} (no network): a
 * certificate verifier trusting the development root with OCSP, CRL and AIA sources, and an RFC 3161 TSP
 * source. The integrator replaces the verifier with the trust package's; the TSP source stays for dev mode.
 *
 * <pre>{@code
 * DevPki pki = DevPki.load(Path.of("keystore-samples"));
 * new SigningService(DevSigningSources.verifiers(pki), DevSigningSources.tsp(pki), documents, db, ttl);
 * }</pre>
 */
public final class DevSigningSources {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevSigningSources() {}

    /** A fresh verifier per call (DSS certificate tokens cache per-thread state; don't share them). */
    public static Supplier<CertificateVerifier> verifiers(DevPki pki) {
        CertificateToken root = new CertificateToken(pki.rootCertificate());
        DataLoader loader = new DevPkiDataLoader(pki);
        return () -> {
            CommonCertificateVerifier cv = new CommonCertificateVerifier();
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            trusted.addCertificate(root);
            cv.setTrustedCertSources(trusted);
            cv.setOcspSource(new OnlineOCSPSource(loader));
            cv.setCrlSource(new OnlineCRLSource(loader));
            cv.setAIASource(new DefaultAIASource(loader));
            return cv;
        };
    }

    public static TSPSource tsp(DevPki pki) {
        return new DevPkiTspSource(pki);
    }

    /** Answers the development PKI's URLs through {@link DevPki}; every other URL is refused (no network). */
    static final class DevPkiDataLoader implements DataLoader {
        private final transient DevPki pki;

        DevPkiDataLoader(DevPki pki) {
            this.pki = pki;
        }

        @Override
        public byte[] get(String url) {
            if (!pki.serves(url)) {
                throw new DSSException("Not a development PKI URL: " + url);
            }
            return pki.get(url);
        }

        @Override
        public DataAndUrl get(List<String> urls) {
            for (String url : urls) {
                if (pki.serves(url)) {
                    return new DataAndUrl(url, pki.get(url));
                }
            }
            throw new DSSException("None of these is a development PKI URL: " + urls);
        }

        @Override
        public byte[] post(String url, byte[] content) {
            if (!pki.serves(url)) {
                throw new DSSException("Not a development PKI URL: " + url);
            }
            return pki.post(url, content);
        }

        @Override
        public void setContentType(String contentType) {
            // DevPki knows what each URL takes.
        }
    }

    /** RFC 3161 requests built with BouncyCastle, answered by {@link DevPki#timestamp}. */
    static final class DevPkiTspSource implements TSPSource {
        private final transient DevPki pki;

        DevPkiTspSource(DevPki pki) {
            this.pki = pki;
        }

        @Override
        public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(new ASN1ObjectIdentifier(digestAlgorithm.getOid()), digest,
                    new BigInteger(64, RANDOM));
            try {
                TimeStampResponse response = new TimeStampResponse(pki.timestamp(request.getEncoded()));
                response.validate(request);
                TimeStampToken token = response.getTimeStampToken();
                if (token == null) {
                    throw new DSSException("The TSA refused the request: " + response.getStatusString());
                }
                return new TimestampBinary(token.getEncoded());
            } catch (IOException | TSPException e) {
                throw new DSSException("The TSA answer is unusable: " + e.getMessage(), e);
            }
        }
    }
}
