package vn.vanthu.dossier;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSSignedData;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.vanthu.limits.InputLimits;
import vn.vanthu.signing.Level;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SigningKey;
import vn.vanthu.signing.SigningService;
import vn.vanthu.store.DocumentStore;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * The seal of an archival package: one detached XAdES-BASELINE-LTA signature by the agency seal over
 * {@code METS.xml}, which lists every other file with its SHA-256, kept as {@code META-INF/signatures.xml}.
 * Sealing reads no file but METS.xml, and each archive timestamp, at sealing and at renewal, hashes METS.xml.
 * Seals made by earlier versions are renewed too: with a reference per file (every file is needed), or over
 * METS.xml and a {@code ds:Manifest} of every other file (METS.xml is all DSS needs) when the manifest lists at
 * most the 30 references Santuario's secure validation reads (a larger one: 422 TOO_COMPLEX).
 *
 * <pre>{@code byte[] seal = packageSeal.seal(entries, key); byte[] renewed = packageSeal.renew(seal, entries);}</pre>
 */
final class PackageSeal {
    private final SigningService signing;
    private final DocumentStore store;

    PackageSeal(SigningService signing, DocumentStore store) {
        this.signing = signing;
        this.store = store;
    }

    byte[] seal(List<PackageEntry> entries, SigningKey key) {
        return signing.sealPackage(files(entries).get(0), Level.LTA, key).bytes();
    }

    byte[] renew(byte[] seal, List<PackageEntry> entries) {
        // The archive timestamp covers what SignedInfo references: METS.xml (and an earlier seal's manifest, which
        // is inside the seal), so METS.xml is all DSS needs; a seal with a reference per file needs every file.
        List<SignDocument> files = files(entries);
        if (hasManifest(seal) && files.size() - 1 > InputLimits.REFERENCES_PER_SIGNATURE) {
            throw InputLimits.tooComplex("the package was sealed by an earlier version with a ds:Manifest of " + (files.size() - 1)
                    + " files; XML signature validation reads at most " + InputLimits.REFERENCES_PER_SIGNATURE
                    + " references in a manifest, so its seal can be neither checked nor renewed here", "file");
        }
        List<SignDocument> referenced = referencesEveryFile(seal) ? files : files.subList(0, 1);
        return signing.extend(SignDocument.of(seal, "signatures.xml"), referenced, Level.LTA).bytes();
    }

    /** A seal made before the manifest: SignedInfo references each file (the metadata files are in every package). */
    private static boolean referencesEveryFile(byte[] seal) {
        return !hasManifest(seal) && new String(seal, StandardCharsets.UTF_8).contains("URI=\"metadata/");
    }

    private static boolean hasManifest(byte[] seal) {
        return new String(seal, StandardCharsets.UTF_8).contains("Type=\"http://www.w3.org/2000/09/xmldsig#Manifest\"");
    }

    /**
     * Each package file named by its path in the package, read from the document store as a stream only when
     * needed, its SHA-256 known without reading (the seal's manifest lists every file by it).
     */
    private List<SignDocument> files(List<PackageEntry> entries) {
        return entries.stream().map(e -> SignDocument.stored(e.name(), e.mediaType(), e.sha256(),
                () -> store.open(new DocumentStore.StoredDocument(e.sha256(), e.size(), e.mediaType())))).toList();
    }

    /**
     * When the certificate of the seal's newest timestamp expires: before then a new archive timestamp must be
     * added, or the package can no longer prove when it was sealed.
     */
    static OffsetDateTime newestStampExpiry(byte[] seal) {
        Date newest = null;
        Date expiry = null;
        for (TimeStampToken t : timestamps(seal)) {
            Date gen = t.getTimeStampInfo().getGenTime();
            if (newest == null || gen.after(newest)) {
                newest = gen;
                expiry = signerExpiry(t);
            }
        }
        return expiry == null ? null : expiry.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** The timestamp tokens of the seal: signature and archive timestamps. */
    static List<TimeStampToken> timestamps(byte[] seal) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = f.newDocumentBuilder().parse(new ByteArrayInputStream(seal))
                    .getElementsByTagNameNS("*", "EncapsulatedTimeStamp");
            List<TimeStampToken> out = new java.util.ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                byte[] der = Base64.getMimeDecoder().decode(((Element) nodes.item(i)).getTextContent());
                out.add(new TimeStampToken(new CMSSignedData(der)));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("The package seal's timestamps cannot be read", e);
        }
    }

    private static Date signerExpiry(TimeStampToken t) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certs = t.getCertificates().getMatches(t.getSID());
        return certs.isEmpty() ? null : certs.iterator().next().getNotAfter();
    }
}
