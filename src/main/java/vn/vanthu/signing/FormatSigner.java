package vn.vanthu.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;

import java.util.List;

/** How one format is written: the bytes to sign, the signed document, and augmentation to a higher level. */
interface FormatSigner {

    /** The DSS sources of one operation: a fresh verifier (DSS tokens are not shared across threads) and the TSA. */
    record Sources(CertificateVerifier verifier, TSPSource tsp) {}

    ToBeSigned dataToSign(SignJob job, Sources sources);

    DSSDocument sign(SignJob job, SignatureValue value, Sources sources);

    /** Augments every signature of {@code signed}; {@code originals} are the detached contents, if any. */
    DSSDocument extend(DSSDocument signed, List<DSSDocument> originals, Level level, Sources sources);
}
