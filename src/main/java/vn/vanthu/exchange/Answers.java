package vn.vanthu.exchange;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.dispatch.Dispatch;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.dispatch.NewDispatch;
import vn.vanthu.error.ApiException;
import vn.vanthu.incoming.Incoming;
import vn.vanthu.incoming.IncomingService;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dispatch that answers an incoming document names it before issue; its edXML then carries {@code ResponseFor}
 * with the answered document as its sender identified it, so the sender's vanthu can relate the answer to its own
 * dispatch.
 *
 * The lead handler of an incoming document may also start its answer as a new draft ({@link #draftAnswer}): the
 * only path on which a HANDLER creates a dispatch (the API's create is for officials and clerks).
 *
 * <pre>{@code answers.name(clerk, origin, dispatchId, incomingId);   // 409 ALREADY_ISSUED after issue
 * Dispatch draft = answers.draftAnswer(handler, origin, incomingId, meta, pdf, "tra-loi.pdf");}</pre>
 */
final class Answers {
    /** The longest incoming document id read. */
    static final int INCOMING_ID = 40;

    private final DispatchService dispatches;
    private final IncomingService incoming;
    private final AnswerDao dao;
    private final Clock clock;

    Answers(DispatchService dispatches, IncomingService incoming, AnswerDao dao, Clock clock) {
        this.dispatches = dispatches;
        this.incoming = incoming;
        this.dao = dao;
        this.clock = clock;
    }

    /** The incoming document the caller leads and has not completed: 404 when unseen, 403 NOT_LEAD, 409 ALREADY_DONE. */
    Incoming led(User caller, String incomingId) {
        Incoming d = incoming.visible(caller, incomingId);
        if (d.direction() == null || !caller.id().equals(d.direction().leadUserId())) {
            throw ApiException.forbidden("NOT_LEAD", "Only the lead (chủ trì) answers the document with a new draft");
        }
        if (d.status() == Incoming.Status.DONE) {
            throw ApiException.conflict("ALREADY_DONE", "The handling of this document is complete");
        }
        return d;
    }

    /** A new draft by the lead of {@code incomingId}, named as its answer (the draft's checks as for any draft). */
    Dispatch draftAnswer(User caller, RequestOrigin origin, String incomingId, NewDispatch meta, Path pdf, String fileName) {
        Incoming answered = led(caller, incomingId);
        Dispatch d = dispatches.create(caller, origin, meta, pdf, fileName);
        name(caller, origin, d.id(), answered.id());
        return d;
    }

    Map<String, Object> name(User caller, RequestOrigin origin, String dispatchId, String incomingId) {
        Dispatch d = dispatches.get(caller, dispatchId);
        if (d.status() == Dispatch.Status.ISSUED) {
            throw ApiException.conflict("ALREADY_ISSUED", "The edXML of an issued dispatch is sealed: name the answered document before issue");
        }
        if (incomingId == null || incomingId.isBlank() || incomingId.length() > INCOMING_ID) {
            throw ApiException.badRequest("MISSING_FIELD", "incomingId (an incoming document's id) is required", "incomingId");
        }
        Incoming answered = incoming.visible(caller, incomingId.strip());
        dao.save(d.id(), answered.id(), caller.id(), VietnamTime.now(clock),
                AuditLog.Entry.ofChange(origin, "DISPATCH_RESPONSE_FOR", d.id(), answered.id()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dispatchId", d.id());
        m.put("incomingId", answered.id());
        dao.find(d.id()).ifPresent(rf -> {
            m.put("organId", rf.organId());
            m.put("documentId", rf.documentId());
            m.put("code", rf.code());
            m.put("promulgationDate", rf.promulgationDate());
        });
        return m;
    }
}
