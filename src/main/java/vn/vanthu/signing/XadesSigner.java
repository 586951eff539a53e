package vn.vanthu.signing;

import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;

import java.util.List;

/** XAdES enveloped (inside the XML), enveloping (the data inside the signature) or detached (by file name). */
final class XadesSigner implements FormatSigner {

    @Override
    public ToBeSigned dataToSign(SignJob job, Sources sources) {
        return service(sources).getDataToSign(job.document(), parameters(job));
    }

    @Override
    public DSSDocument signWith(SignJob job, Sources sources, java.util.function.Function<ToBeSigned, SignatureValue> key) {
        var service = service(sources);
        var p = parameters(job);
        ToBeSigned tbs = service.getDataToSign(job.document(), p);
        return service.signDocument(job.document(), p, key.apply(tbs));
    }

    @Override
    public DSSDocument extend(DSSDocument signed, List<DSSDocument> originals, Level level, Sources sources) {
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(DssParameters.level("XAdES", level));
        if (!originals.isEmpty()) {
            p.setDetachedContents(originals);
        }
        return service(sources).extendDocument(signed, p);
    }

    private static XAdESService service(Sources sources) {
        XAdESService s = new XAdESService(sources.verifier());
        if (sources.tsp() != null) {
            s.setTspSource(sources.tsp());
        }
        return s;
    }

    private static XAdESSignatureParameters parameters(SignJob job) {
        XAdESSignatureParameters p = DssParameters.common(new XAdESSignatureParameters(), job, "XAdES");
        p.setSignaturePackaging(SignaturePackaging.valueOf(job.packaging().name()));
        return p;
    }
}
