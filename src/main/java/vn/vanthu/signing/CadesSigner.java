package vn.vanthu.signing;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;

import java.util.List;

/** CAdES: a CMS SignedData, enveloping the data or detached from it. */
final class CadesSigner implements FormatSigner {

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
        CAdESSignatureParameters p = new CAdESSignatureParameters();
        p.setSignatureLevel(DssParameters.level("CAdES", level));
        if (!originals.isEmpty()) {
            p.setDetachedContents(originals);
        }
        return service(sources).extendDocument(signed, p);
    }

    private static CAdESService service(Sources sources) {
        CAdESService s = new CAdESService(sources.verifier());
        if (sources.tsp() != null) {
            s.setTspSource(sources.tsp());
        }
        return s;
    }

    private static CAdESSignatureParameters parameters(SignJob job) {
        CAdESSignatureParameters p = DssParameters.common(new CAdESSignatureParameters(), job, "CAdES");
        p.setSignaturePackaging(SignaturePackaging.valueOf(job.packaging().name()));
        return p;
    }
}
