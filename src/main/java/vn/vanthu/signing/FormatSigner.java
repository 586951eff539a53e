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

    /**
     * Both steps on one parameters object and one service, as DSS intends: PAdES keeps the prepared PDF
     * revision in the parameters' signature cache, so the document is rewritten once, not twice.
     * {@code key} turns the data to sign into the signature value (a held key, or a check of the client's value).
     */
    DSSDocument signWith(SignJob job, Sources sources, java.util.function.Function<ToBeSigned, SignatureValue> key);

    /** Augments every signature of {@code signed}; {@code originals} are the detached contents, if any. */
    DSSDocument extend(DSSDocument signed, List<DSSDocument> originals, Level level, Sources sources);
}
