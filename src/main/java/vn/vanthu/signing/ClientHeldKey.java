package vn.vanthu.signing;

import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import vn.vanthu.error.ApiException;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The second step of two-step signing as a key: the client signed the data already, so "signing" checks that its
 * value verifies over the data DSS computes again and against the certificate, runs {@code beforeProducing}
 * (a single-use claim), and only then hands the value to DSS. Nothing is produced otherwise.
 *
 * <pre>{@code signer.signWith(job, sources, key(new ClientHeldKey(chain, signer, value, verifier, claim)));}</pre>
 */
final class ClientHeldKey implements SigningKey {
    private final List<X509Certificate> chain;
    private final CertificateToken signer;
    private final byte[] value;
    private final CertificateVerifier verifier;
    private final Runnable beforeProducing;

    ClientHeldKey(List<X509Certificate> chain, CertificateToken signer, byte[] value, CertificateVerifier verifier,
                  Runnable beforeProducing) {
        this.chain = chain;
        this.signer = signer;
        this.value = value;
        this.verifier = verifier;
        this.beforeProducing = beforeProducing;
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public byte[] sign(String algorithm, byte[] data) {
        SignatureValue v = new SignatureValue(SignatureAlgorithm.forJAVA(algorithm), value);
        if (!new CAdESService(verifier).isValidSignatureValue(new ToBeSigned(data), v, signer)) {
            throw ApiException.unprocessable("INVALID_SIGNATURE_VALUE",
                    "The signature value does not verify against the prepared data and certificate", "signatureValue");
        }
        beforeProducing.run();
        return value;
    }
}
