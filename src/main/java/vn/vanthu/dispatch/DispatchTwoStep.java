package vn.vanthu.dispatch;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SignedDocument;
import vn.vanthu.signing.TwoStepSigning;
import vn.vanthu.signing.VisibleSignature;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.util.List;

/**
 * The official signs a draft with a key that never reaches the server (USB token, remote signing): prepare
 * answers the data to sign, complete takes the signature value. The visible signature then shows the signer's
 * name and time as text (the service holds no image for a client-held key), in the signer block.
 *
 * <pre>{@code
 * var p = twoStep.prepare(official, id, pemChain, null);
 * Dispatch signed = twoStep.complete(official, id, p.preparationId(), valueFromToken);
 * }</pre>
 */
public final class DispatchTwoStep {
    private final DispatchService dispatches;
    private final DispatchDao dao;
    private final TwoStepSigning twoStep;

    DispatchTwoStep(DispatchService dispatches, DispatchDao dao, TwoStepSigning twoStep) {
        this.dispatches = dispatches;
        this.dao = dao;
        this.twoStep = twoStep;
    }

    public TwoStepSigning.Prepared prepare(User caller, String id, String certificatePem, VisibleSignature position) {
        Dispatch d = requireSigner(caller, id);
        if (certificatePem == null || certificatePem.isBlank()) {
            throw ApiException.badRequest("MISSING_FIELD", "certificate (PEM chain, signer first) is required", "certificate");
        }
        List<java.security.cert.X509Certificate> chain = TwoStepSigning.parsePem(certificatePem);
        Path pdf = dispatches.store().copyToTempFile(d.currentSha256());
        try {
            List<PdfText.Line> lines = PdfText.lines(pdf);
            VisibleSignature visible = dispatches.officialPlace(lines, d, position, false);
            NumberMarks.Anchors anchors = dispatches.checkedAnchors(pdf, lines, d);
            TwoStepSigning.Prepared p = twoStep.prepare(caller, SignRequest.pades(SignDocument.of(pdf)).visible(visible)
                    .reason("Ký duyệt: " + d.signerPosition()).location(dispatches.agency().name()), chain);
            dao.prepared(id, caller.id(), p.preparationId(),
                    new DispatchDao.Place(DispatchService.box(visible), anchors));
            return p;
        } finally {
            TempFiles.delete(pdf);
        }
    }

    public Dispatch complete(User caller, RequestOrigin origin, String id, String preparationId, byte[] signatureValue) {
        requireSigner(caller, id);
        DispatchDao.Place place = dao.preparedPlace(id, preparationId).orElseThrow(() ->
                ApiException.notFound("Preparation " + preparationId + " of dispatch " + id));
        SignedDocument s = twoStep.complete(caller, preparationId, signatureValue);
        String sha = dispatches.put(s);
        if (!dao.markSigned(id, sha, place, caller.id(), s.level() + " (client-held key)", AuditLog.Entry.ofChange(
                origin, "DISPATCH_SIGN", id, "client-held key, preparation " + preparationId))) {
            throw ApiException.conflict("NOT_A_DRAFT", "The dispatch was signed meanwhile");
        }
        return dispatches.get(id);
    }

    private Dispatch requireSigner(User caller, String id) {
        Dispatch d = dispatches.get(id);
        if (!caller.id().equals(d.signerUserId())) {
            throw ApiException.forbidden("NOT_THE_SIGNER", "Only the official named as signer may sign this dispatch");
        }
        DispatchService.requireDraft(d);
        return d;
    }
}
