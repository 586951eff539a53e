package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.signature.XAdESService;

import java.util.List;
import java.util.function.Function;

/**
 * The seal of an archival package: a detached XAdES signature whose {@code SignedInfo} references one file, the
 * package's {@code METS.xml}, by its bytes (no transform, SHA-256), and its signed properties. METS.xml lists every
 * other file of the package with its SHA-256, so the seal covers every byte through it, with two references
 * however large the package: within Santuario's secure-validation limits (30) without raising them, checked by
 * any XML-DSig tool, and each archive timestamp hashes METS.xml only. Whoever verifies a package checks every
 * file against METS.xml's checksums as well as the seal (our validator does, naming each file that differs).
 *
 * <pre>{@code DSSDocument seal = MetsSeal.sign(job, sources, tbs -> token.sign(tbs, SHA256, entry));}</pre>
 */
final class MetsSeal {
    private MetsSeal() {}

    /** {@code job.documents()}: METS.xml alone. */
    static DSSDocument sign(SignJob job, FormatSigner.Sources sources, Function<ToBeSigned, SignatureValue> key) {
        XAdESSignatureParameters p = DssParameters.common(new XAdESSignatureParameters(), job, "XAdES");
        p.setSignaturePackaging(SignaturePackaging.DETACHED);
        DSSDocument mets = job.documents().get(0);
        // An explicit reference without transforms: DSS would otherwise digest an XML file's canonical form, and
        // every other tool digests the file's bytes.
        DSSReference r = new DSSReference();
        r.setId("r-mets");
        r.setUri(mets.getName());
        r.setContents(mets);
        r.setDigestMethodAlgorithm(DigestAlgorithm.SHA256);
        p.setReferences(List.of(r));
        XAdESService service = new XAdESService(sources.verifier());
        if (sources.tsp() != null) {
            service.setTspSource(sources.tsp());
        }
        List<DSSDocument> direct = List.of(mets);
        return service.signDocument(direct, p, key.apply(service.getDataToSign(direct, p)));
    }
}
