package vn.vanthu.dispatch;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.signing.Level;
import vn.vanthu.signing.Packaging;
import vn.vanthu.signing.SignatureFormat;
import vn.vanthu.signing.SigningService;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edXML message (QCVN 102:2016) of an issued dispatch: its issued metadata, the PDF and the appendices as
 * the clerk sealed them at issue, in an envelope sealed with an enveloped XML signature (XAdES-B) by the agency
 * seal.
 *
 * <p>When the service holds the agency seal itself ({@link ServiceSeal}, {@code report.seal.keystore}), the
 * envelope is built and sealed on the first {@code GET …/edxml}, not at issue: it is a transport seal over
 * documents whose own seals were applied, with the clerk's PIN, when the dispatch was issued — and building it
 * cost as much again as the issue's own seal. Nothing in the message changes after issue, so it is built from
 * the stored dispatch, stored by SHA-256, and every later request answers the stored bytes. Concurrent first
 * requests on one instance build it once; on several instances each may build one, and the first to set
 * {@code dispatches.edxml_sha256} (a conditional update) wins: every request answers the winner's message.
 * Without a service seal the message is sealed at issue with the clerk's key, as {@link Issuing} always did.
 *
 * <pre>{@code Path xml = messages.message(caller, id);   // 409 NOT_ISSUED before issue}</pre>
 */
public final class EdXmlMessages {
    private static final Logger log = LoggerFactory.getLogger(EdXmlMessages.class);

    private final DispatchService dispatches;
    private final DispatchDao dao;
    private final SigningService signing;
    private final ServiceSeal seal;
    private final Map<String, Object> building = new ConcurrentHashMap<>();

    EdXmlMessages(DispatchService dispatches, DispatchDao dao, SigningService signing, ServiceSeal seal) {
        this.dispatches = dispatches;
        this.dao = dao;
        this.signing = signing;
        this.seal = seal;
    }

    /** True when the envelope is sealed on first request with the service's seal; false: at issue. */
    boolean sealedOnRequest() {
        return seal.configured();
    }

    /** The issued dispatch's sealed edXML message, verified, in a temporary file the caller deletes. */
    public Path message(User caller, String id) {
        Dispatch d = dispatches.get(id);
        if (d.status() != Dispatch.Status.ISSUED) {
            throw ApiException.conflict("NOT_ISSUED", "Only an issued dispatch has an edXML message");
        }
        String sha = dao.edxml(id).orElse(null);
        if (sha == null) {
            if (!sealedOnRequest()) {
                throw ApiException.notFound("edXML of dispatch " + id);
            }
            Object lock = building.computeIfAbsent(id, k -> new Object());
            synchronized (lock) {
                try {
                    sha = dao.edxml(id).orElseGet(() -> build(caller, d));
                } finally {
                    building.remove(id, lock);
                }
            }
        }
        return dispatches.store().copyToTempFile(sha);
    }

    /** The message of {@code d} with its documents as stored, unsealed. */
    byte[] unsealed(Dispatch d) {
        DocumentStore store = dispatches.store();
        List<EdXml.File> files = new ArrayList<>();
        files.add(new EdXml.File(d.fileName(), store.readAllBytes(d.currentSha256())));
        for (Dispatch.Attachment a : dispatches.attachments(d.id())) {
            files.add(new EdXml.File(a.fileName(), store.readAllBytes(a.sha256())));
        }
        return EdXml.message(d, dispatches.agency(), files);
    }

    /** Seals an edXML message (XAdES-B, enveloped) with the given key: the service's seal, or at issue the clerk's. */
    DSSDocument seal(byte[] xml, SignatureTokenConnection token, DSSPrivateKeyEntry entry) {
        return signing.sign(new SigningService.Request(SignatureFormat.XADES, Level.B, Packaging.ENVELOPED,
                List.of(new InMemoryDocument(xml, "edxml.xml")), null, null, null), token, entry, null).document();
    }

    private String build(User caller, Dispatch d) {
        ServiceSeal.Key key = seal.key();
        String sha = dispatches.put(seal(unsealed(d), key.token(), key.entry()), "application/xml");
        if (dao.setEdxml(d.id(), sha, caller.id())) {
            log.info("Sealed the edXML message of dispatch {} ({}) on first request", d.id(), d.issued().number());
            return sha;
        }
        // Another instance stored its message first: answer that one (ours stays unreferenced in the store).
        log.info("The edXML message of dispatch {} was stored first by another instance; answering that one", d.id());
        return dao.edxml(d.id()).orElseThrow(() -> new IllegalStateException("edXML of dispatch " + d.id() + " vanished"));
    }
}
