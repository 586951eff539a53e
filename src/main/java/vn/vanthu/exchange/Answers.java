package vn.vanthu.exchange;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.dispatch.Dispatch;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.error.ApiException;
import vn.vanthu.incoming.Incoming;
import vn.vanthu.incoming.IncomingService;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dispatch that answers an incoming document names it before issue; its edXML then carries {@code ResponseFor}
 * with the answered document as its sender identified it, so the sender's vanthu can relate the answer to its own
 * dispatch.
 *
 * <pre>{@code answers.name(clerk, origin, dispatchId, incomingId);   // 409 ALREADY_ISSUED after issue}</pre>
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
