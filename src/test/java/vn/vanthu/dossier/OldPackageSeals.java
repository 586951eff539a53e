package vn.vanthu.dossier;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.xades.DSSObject;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.signature.ManifestBuilder;
import eu.europa.esig.dss.xades.signature.XAdESService;
import vn.vanthu.store.Hashes;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import java.io.File;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Package seals as earlier versions made them, by the development agency seal at level B (renewal takes them to
 * LTA): one detached reference per file, or METS.xml signed directly and every other file through a signed
 * ds:Manifest inside the signature, by path and SHA-256.
 */
final class OldPackageSeals {
    private OldPackageSeals() {}

    /** {@code files}: the package's files by path (the seal, under META-INF/, is left out). */
    static byte[] referencePerFile(Map<String, byte[]> files) throws Exception {
        List<DSSDocument> docs = new ArrayList<>(List.of(new InMemoryDocument(files.get("METS.xml"), "METS.xml")));
        files.forEach((name, bytes) -> {
            if (!name.equals("METS.xml") && !name.startsWith("META-INF/")) {
                docs.add(new InMemoryDocument(bytes, name));
            }
        });
        return sign(docs, new XAdESSignatureParameters());
    }

    static byte[] manifest(Map<String, byte[]> files) throws Exception {
        List<DSSReference> entries = new ArrayList<>();
        files.forEach((name, bytes) -> {
            if (!name.equals("METS.xml") && !name.startsWith("META-INF/")) {
                entries.add(reference("r-m-" + entries.size(), name, new DigestDocument(DigestAlgorithm.SHA256,
                        Base64.getEncoder().encodeToString(HexFormat.of().parseHex(Hashes.sha256Hex(bytes))), name)));
            }
        });
        DSSDocument manifest = new ManifestBuilder("package-manifest", entries).build();
        DSSReference toManifest = reference("r-manifest", "#package-manifest", manifest);
        toManifest.setType("http://www.w3.org/2000/09/xmldsig#Manifest");
        toManifest.setTransforms(List.of(new CanonicalizationTransform(CanonicalizationMethod.EXCLUSIVE)));
        DSSDocument mets = new InMemoryDocument(files.get("METS.xml"), "METS.xml");
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setReferences(List.of(reference("r-mets", "METS.xml", mets), toManifest));
        DSSObject object = new DSSObject();
        object.setContent(manifest);
        p.setObjects(List.of(object));
        return sign(List.of(mets), p);
    }

    private static byte[] sign(List<DSSDocument> docs, XAdESSignatureParameters p) throws Exception {
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(new File("keystore-samples/seal.p12"),
                new KeyStore.PasswordProtection("123456".toCharArray()))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            p.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
            p.setSignaturePackaging(SignaturePackaging.DETACHED);
            p.setDigestAlgorithm(DigestAlgorithm.SHA256);
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            XAdESService dss = new XAdESService(new CommonCertificateVerifier());
            var value = token.sign(dss.getDataToSign(docs, p), DigestAlgorithm.SHA256, key);
            return dss.signDocument(docs, p, value).openStream().readAllBytes();
        }
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
