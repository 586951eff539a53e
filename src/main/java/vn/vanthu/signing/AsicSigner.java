package vn.vanthu.signing;

import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;

import java.util.List;

/**
 * ASiC-E with XAdES: one or more files in a ZIP container, signed by META-INF/signatures001.xml; the files'
 * names inside it are made safe first ({@link EntryNames}).
 */
final class AsicSigner implements FormatSigner {

    @Override
    public ToBeSigned dataToSign(SignJob job, Sources sources) {
        return service(sources).getDataToSign(EntryNames.sanitise(job.documents()), parameters(job));
    }

    @Override
    public DSSDocument signWith(SignJob job, Sources sources, java.util.function.Function<ToBeSigned, SignatureValue> key) {
        var service = service(sources);
        var p = parameters(job);
        ToBeSigned tbs = service.getDataToSign(EntryNames.sanitise(job.documents()), p);
        return service.signDocument(job.documents(), p, key.apply(tbs));
    }

    @Override
    public DSSDocument extend(DSSDocument signed, List<DSSDocument> originals, Level level, Sources sources) {
        ASiCWithXAdESSignatureParameters p = new ASiCWithXAdESSignatureParameters();
        p.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        p.setSignatureLevel(DssParameters.level("XAdES", level));
        return service(sources).extendDocument(signed, p);
    }

    private static ASiCWithXAdESService service(Sources sources) {
        ASiCWithXAdESService s = new ASiCWithXAdESService(sources.verifier());
        if (sources.tsp() != null) {
            s.setTspSource(sources.tsp());
        }
        return s;
    }

    private static ASiCWithXAdESSignatureParameters parameters(SignJob job) {
        ASiCWithXAdESSignatureParameters p = DssParameters.common(new ASiCWithXAdESSignatureParameters(), job, "XAdES");
        p.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        p.setSignaturePackaging(SignaturePackaging.DETACHED);
        return p;
    }
}
