package vn.vanthu.dispatch;

import vn.vanthu.error.ApiException;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.signing.Level;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SignedDocument;
import vn.vanthu.signing.SigningKey;
import vn.vanthu.signing.SigningService;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The edXML message (QCVN 102:2016) of an issued dispatch: its issued metadata, the PDF and the appendices as
 * the clerk sealed them at issue, in an envelope sealed with an enveloped XML signature (XAdES-B). {@link Issuing}
 * seals and stores it in the same step as the documents — by the agency seal the service holds itself
 * ({@link ServiceSeal}, {@code report.seal.keystore}) when there is one, else with the clerk's key — so reading
 * it writes nothing: every request answers the stored bytes.
 *
 * <pre>{@code Path xml = messages.message(caller, id);   // 409 NOT_ISSUED before issue}</pre>
 */
public final class EdXmlMessages {
    private final DispatchService dispatches;
    private final DispatchDao dao;
    private final SigningService signing;
    private final ServiceSeal seal;
    private final EdXmlSender sender;

    EdXmlMessages(DispatchService dispatches, DispatchDao dao, SigningService signing, ServiceSeal seal,
                  EdXmlSender sender) {
        this.dispatches = dispatches;
        this.dao = dao;
        this.signing = signing;
        this.seal = seal;
        this.sender = sender;
    }

    /** The unsealed message of {@code d} (issued) carrying {@code files}: the document first, then its appendices. */
    byte[] build(Dispatch d, List<EdXml.File> files) {
        return EdXml.message(d, sender, files);
    }

    /** The incoming document dispatch {@code id} answers, when one is named. */
    java.util.Optional<EdXmlSender.ResponseFor> answered(String id) {
        return sender.responses().find(id);
    }

    /** The stored sealed message of an issued dispatch, for the exchange to deliver; empty before issue. */
    public Optional<Path> stored(String id) {
        return dao.edxml(id).map(sha -> dispatches.store().copyToTempFile(sha));
    }

    /** The issued dispatch's sealed edXML message, verified, in a temporary file the caller deletes. */
    public Path message(User caller, String id) {
        Dispatch d = dispatches.get(caller, id);
        if (d.status() != Dispatch.Status.ISSUED) {
            throw ApiException.conflict("NOT_ISSUED", "Only an issued dispatch has an edXML message");
        }
        String sha = dao.edxml(id).orElseThrow(() -> ApiException.notFound("edXML of dispatch " + id));
        return dispatches.store().copyToTempFile(sha);
    }

    /** Seals an edXML message (XAdES-B, enveloped): with the service's seal when it holds one, else with {@code clerk}. */
    SignedDocument seal(byte[] xml, SigningKey clerk) {
        SigningKey key = seal.configured() ? seal.key() : clerk;
        return signing.sign(SignRequest.xadesEnveloped(SignDocument.of(xml, "edxml.xml")).level(Level.B), key);
    }
}
