package vn.vanthu.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;

import java.util.Date;
import java.util.List;

/**
 * Everything that fixes the bytes of one signature: what is signed, how, by which certificate chain and at
 * which instant. Two-step signing rebuilds the same job from its stored preparation, so the data to sign and
 * the final document agree (DSS computes both from the parameters, including the signing date).
 */
record SignJob(SignatureFormat format, Level level, Packaging packaging, List<DSSDocument> documents,
               List<CertificateToken> chain, Date signingDate, VisibleSignature visible, byte[] image,
               String reason, String location) {

    CertificateToken signer() {
        return chain.get(0);
    }

    DSSDocument document() {
        return documents.get(0);
    }
}
