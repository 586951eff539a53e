package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.xades.DSSObject;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.signature.ManifestBuilder;
import eu.europa.esig.dss.xades.signature.XAdESService;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A detached XAdES signature over one file directly and over many more through a {@code ds:Manifest} inside the
 * signature: {@code SignedInfo} references the first file and the manifest, the manifest references every other
 * file by its path and SHA-256. The seal of an archival package (the first file is {@code METS.xml}).
 *
 * <p>Why a manifest: an XAdES archive timestamp hashes everything {@code SignedInfo} references, so with one
 * reference per file each archive timestamp (at sealing, and at every renewal) re-reads the whole package; through
 * a manifest it hashes the manifest. The files stay covered: the manifest is signed, a validator checks each of its
 * entries (DSS: "manifest entry intact", a failure by default policy), and a file whose SHA-256 is already known
 * is not read at all.
 *
 * <pre>{@code DSSDocument seal = ManifestSeal.sign(job, sources, tbs -> token.sign(tbs, SHA256, entry));}</pre>
 */
final class ManifestSeal {
    static final String MANIFEST_ID = "package-manifest";
    private static final String MANIFEST_TYPE = "http://www.w3.org/2000/09/xmldsig#Manifest";

    private ManifestSeal() {}

    /** {@code job.documents()}: the file signed directly first, then the files the manifest lists. */
    static DSSDocument sign(SignJob job, FormatSigner.Sources sources, Function<ToBeSigned, SignatureValue> key) {
        XAdESSignatureParameters p = DssParameters.common(new XAdESSignatureParameters(), job, "XAdES");
        p.setSignaturePackaging(SignaturePackaging.DETACHED);
        List<DSSDocument> docs = job.documents();
        List<DSSReference> entries = new ArrayList<>();
        for (int i = 1; i < docs.size(); i++) {
            // By digest only: DSS would otherwise open each file to see whether it is XML, and digest an XML
            // file's canonical form; a validator digests the file's bytes, which is what its SHA-256 is.
            DSSDocument d = docs.get(i);
            entries.add(reference("r-" + MANIFEST_ID + "-" + i, d.getName(),
                    new DigestDocument(DigestAlgorithm.SHA256, d.getDigestValue(DigestAlgorithm.SHA256), d.getName())));
        }
        DSSDocument manifest = new ManifestBuilder(MANIFEST_ID, entries).build();
        DSSReference toManifest = reference("r-" + MANIFEST_ID, "#" + MANIFEST_ID, manifest);
        toManifest.setType(MANIFEST_TYPE);
        toManifest.setTransforms(List.of(new CanonicalizationTransform(CanonicalizationMethod.EXCLUSIVE)));
        p.setReferences(List.of(reference("r-" + MANIFEST_ID + "-0", docs.get(0).getName(), docs.get(0)), toManifest));
        DSSObject object = new DSSObject();
        object.setContent(manifest);
        p.setObjects(List.of(object));
        XAdESService service = new XAdESService(sources.verifier());
        if (sources.tsp() != null) {
            service.setTspSource(sources.tsp());
        }
        // Only the file signed directly goes to DSS as detached content: each step up to LTA checks the signature
        // again, and with every listed file at hand it would match each manifest entry against every file.
        List<DSSDocument> direct = List.of(docs.get(0));
        return service.signDocument(direct, p, key.apply(service.getDataToSign(direct, p)));
    }

    private static DSSReference reference(String id, String uri, DSSDocument contents) {
        DSSReference r = new DSSReference();
        r.setId(id);
        r.setUri(uri);
        r.setContents(contents);
        r.setDigestMethodAlgorithm(DigestAlgorithm.SHA256);
        return r;
    }
}
