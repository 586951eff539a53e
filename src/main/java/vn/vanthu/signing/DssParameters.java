package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;

/** Fills the parameters every format shares, from a job: certificate chain, digest, signing date, level. */
final class DssParameters {
    private DssParameters() {}

    static <P extends AbstractSignatureParameters<?>> P common(P p, SignJob job, String prefix) {
        p.setSignatureLevel(level(prefix, job.level()));
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(job.signer());
        p.setCertificateChain(job.chain());
        p.bLevel().setSigningDate(job.signingDate());
        return p;
    }

    /** e.g. ("PAdES", LT) → PAdES_BASELINE_LT */
    static SignatureLevel level(String prefix, Level level) {
        return SignatureLevel.valueOf(prefix + "_BASELINE_" + level.name());
    }
}
