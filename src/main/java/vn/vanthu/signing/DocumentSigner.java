package vn.vanthu.signing;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import vn.vanthu.signing.shortcuts.Shortcuts;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * XAdES (enveloped, enveloping, or detached by file name) and CAdES (a CMS SignedData, enveloping or detached):
 * one DSS document service each, the same steps for both.
 *
 * <pre>{@code FormatSigner xades = DocumentSigner.xades(); DSSDocument out = xades.signWith(job, sources, key);}</pre>
 */
final class DocumentSigner<P extends AbstractSignatureParameters<?>> implements FormatSigner {
    private final String family;
    private final Function<CertificateVerifier, DocumentSignatureService<P, ?>> services;
    private final Supplier<P> parameters;
    private final BiConsumer<P, SignJob> references;

    private DocumentSigner(String family, Function<CertificateVerifier, DocumentSignatureService<P, ?>> services,
                           Supplier<P> parameters, BiConsumer<P, SignJob> references) {
        this.family = family;
        this.services = services;
        this.parameters = parameters;
        this.references = references;
    }

    static DocumentSigner<XAdESSignatureParameters> xades() {
        return new DocumentSigner<>("XAdES", XAdESService::new, XAdESSignatureParameters::new, DocumentSigner::envelopedReference);
    }

    static DocumentSigner<CAdESSignatureParameters> cades() {
        return new DocumentSigner<>("CAdES", CAdESService::new, CAdESSignatureParameters::new, (p, job) -> { });
    }

    /** An enveloped XAdES gets its one reference, digest included, from the shortcuts (DSS builds it when they are off). */
    private static void envelopedReference(XAdESSignatureParameters p, SignJob job) {
        if (job.packaging() == Packaging.ENVELOPED) {
            Shortcuts.envelopedReference(p, job.document()).ifPresent(r -> p.setReferences(List.of(r)));
        }
    }

    @Override
    public ToBeSigned dataToSign(SignJob job, Sources sources) {
        return service(sources).getDataToSign(job.document(), parameters(job));
    }

    @Override
    public DSSDocument signWith(SignJob job, Sources sources, Function<ToBeSigned, SignatureValue> key) {
        var service = service(sources);
        P p = parameters(job);
        ToBeSigned tbs = service.getDataToSign(job.document(), p);
        return service.signDocument(job.document(), p, key.apply(tbs));
    }

    @Override
    public DSSDocument extend(DSSDocument signed, List<DSSDocument> originals, Level level, Sources sources) {
        P p = parameters.get();
        p.setSignatureLevel(DssParameters.level(family, level));
        if (!originals.isEmpty()) {
            p.setDetachedContents(originals);
        }
        return service(sources).extendDocument(signed, p);
    }

    private DocumentSignatureService<P, ?> service(Sources sources) {
        DocumentSignatureService<P, ?> s = services.apply(sources.verifier());
        if (sources.tsp() != null) {
            s.setTspSource(sources.tsp());
        }
        return s;
    }

    private P parameters(SignJob job) {
        P p = DssParameters.common(parameters.get(), job, family);
        p.setSignaturePackaging(SignaturePackaging.valueOf(job.packaging().name()));
        references.accept(p, job);
        return p;
    }
}
