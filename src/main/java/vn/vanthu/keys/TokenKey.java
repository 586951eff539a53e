package vn.vanthu.keys;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import vn.vanthu.signing.SigningKey;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * A key entry of an opened PKCS#12 keystore or PKCS#11 token as a {@link SigningKey}: its chain, read once, and
 * signing through the token (on a PKCS#11 token the private key never leaves it).
 *
 * <pre>{@code SigningKey key = new TokenKey(token, entry); byte[] v = key.sign("SHA256withRSA", data);}</pre>
 */
final class TokenKey implements SigningKey {
    private final SignatureTokenConnection token;
    private final DSSPrivateKeyEntry entry;
    private final List<X509Certificate> chain;

    TokenKey(SignatureTokenConnection token, DSSPrivateKeyEntry entry) {
        this.token = token;
        this.entry = entry;
        CertificateToken[] tokens = entry.getCertificateChain();
        this.chain = tokens == null || tokens.length == 0 ? List.of(entry.getCertificate().getCertificate())
                : Arrays.stream(tokens).map(CertificateToken::getCertificate).toList();
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public byte[] sign(String algorithm, byte[] data) {
        SignatureAlgorithm a = SignatureAlgorithm.forJAVA(algorithm);
        return token.sign(new ToBeSigned(data), a, entry).getValue();
    }

    SignatureTokenConnection token() {
        return token;
    }

    DSSPrivateKeyEntry entry() {
        return entry;
    }
}
