package vn.vanthu.incoming;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.dispatch.Dispatch;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.error.ApiException;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.users.UserService;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Directing and handling (Decree 30 Art. 23-24): the official with authority names the lead, those who cooperate
 * and the deadline; the assignees mark progress, and the lead completes with a result (answered by an issued
 * outgoing dispatch, filed for information, or forwarded).
 *
 * <pre>{@code
 * handling.direct(official, origin, id, new IncomingInput.NewDirection(handlerId, null, List.of(), "2026-12-20", "Xử lý"));
 * handling.complete(handler, origin, id, new IncomingInput.Completion("FILED", null, "Lưu để biết"));
 * }</pre>
 */
public final class HandlingService {
    private final IncomingService incoming;
    private final IncomingDao dao;
    private final UserService users;
    private final DispatchService dispatches;

    HandlingService(IncomingService incoming, IncomingDao dao, UserService users, DispatchService dispatches) {
        this.incoming = incoming;
        this.dao = dao;
        this.users = users;
        this.dispatches = dispatches;
    }

    /** REGISTERED → ASSIGNED (a direction may be rewritten until the document is done). */
    public Incoming direct(User caller, RequestOrigin origin, String id, IncomingInput.NewDirection input) {
        IncomingInput.NewDirection in = input.checked();
        Incoming d = incoming.get(id);
        if (d.metadata().secret() && d.direction() != null && !IncomingService.maySee(caller, d)) {
            throw ApiException.notFound("Incoming document " + id);
        }
        assignable(in.leadUserId(), "leadUserId");
        in.cooperatingUserIds().forEach(u -> assignable(u, "cooperatingUserIds"));
        LocalDate deadline = IncomingInput.date("deadline", in.deadline(), false);
        if (deadline != null && deadline.isBefore(VietnamTime.today(incoming.clock()))) {
            throw ApiException.unprocessable("DEADLINE_PASSED", "The deadline is before today", "deadline");
        }
        var direction = new Incoming.Direction(caller.id(), incoming.now(), in.leadUserId(), in.leadUnit(),
                in.cooperatingUserIds(), deadline, in.comment());
        dao.direct(id, direction, AuditLog.Entry.ofChange(origin, "INCOMING_DIRECT", id, "lead " + in.leadUserId()));
        return incoming.get(id);
    }

    /** ASSIGNED → IN_PROGRESS (exchange status 05), by the lead or a cooperating user. */
    public Incoming progress(User caller, RequestOrigin origin, String id, String note) {
        Incoming d = incoming.visible(caller, id);
        if (!d.assignedTo(caller.id())) {
            throw ApiException.forbidden("NOT_ASSIGNEE", "Only the lead or a cooperating user marks progress");
        }
        String text = IncomingInput.optional("note", note, IncomingInput.TEXT);
        dao.progress(id, text == null ? "" : text, incoming.now(), caller.id(),
                AuditLog.Entry.ofChange(origin, "INCOMING_PROGRESS", id, text));
        return incoming.get(id);
    }

    /** → DONE (exchange status 06) by the lead, with the result; an answer names an issued outgoing dispatch. */
    public Incoming complete(User caller, RequestOrigin origin, String id, IncomingInput.Completion in) {
        Incoming d = incoming.visible(caller, id);
        if (d.direction() == null || !caller.id().equals(d.direction().leadUserId())) {
            throw ApiException.forbidden("NOT_LEAD", "Only the lead (chủ trì) completes the handling");
        }
        Incoming.Result result = in.checkedResult();
        String note = IncomingInput.optional("note", in.note(), IncomingInput.TEXT);
        String dispatchId = IncomingInput.optional("dispatchId", in.dispatchId(),
                IncomingInput.COMPLETION_SPEC.field("dispatchId").maxLength());
        if (result == Incoming.Result.ANSWERED) {
            if (dispatchId == null) {
                throw ApiException.badRequest("MISSING_FIELD", "An answer names its outgoing dispatch: dispatchId", "dispatchId");
            }
            Dispatch answer;
            try {
                answer = dispatches.get(dispatchId);
            } catch (ApiException e) {
                throw ApiException.unprocessable("UNKNOWN_DISPATCH", "No dispatch " + dispatchId, "dispatchId");
            }
            if (answer.status() != Dispatch.Status.ISSUED) {
                throw ApiException.conflict("DISPATCH_NOT_ISSUED", "The answering dispatch is not issued yet");
            }
        } else if (dispatchId != null) {
            throw ApiException.badRequest("INVALID_FIELD", "dispatchId goes only with result ANSWERED", "dispatchId");
        }
        if (result == Incoming.Result.FORWARDED && note == null) {
            throw ApiException.badRequest("MISSING_FIELD", "Say in note to whom it was forwarded", "note");
        }
        OffsetDateTime now = incoming.now();
        dao.complete(id, new Incoming.Handling(null, result, dispatchId, note, caller.id(), now),
                AuditLog.Entry.ofChange(origin, "INCOMING_COMPLETE", id, result.name()
                        + (dispatchId == null ? "" : " dispatch " + dispatchId)));
        return incoming.get(id);
    }

    /**
     * What is tracked for the caller: unsubmitted documents and directed ones due, overdue or done late; a handler
     * (no clerk, official, auditor or admin role besides) sees only what they lead or cooperate on.
     */
    public List<Incoming> tracked(User caller, LocalDate horizon) {
        int year = VietnamTime.today(incoming.clock()).getYear();
        boolean ownOnly = !(caller.has(Role.CLERK) || caller.has(Role.OFFICIAL) || caller.has(Role.AUDITOR)
                || caller.has(Role.ADMIN));
        return dao.tracked(IncomingService.viewer(caller), horizon, VietnamTime.startOfYear(year), ownOnly);
    }

    private void assignable(String userId, String field) {
        User u = users.find(userId).orElseThrow(() -> ApiException.unprocessable("UNKNOWN_USER", "No user " + userId, field));
        if (u.disabled() || !(u.has(Role.HANDLER) || u.has(Role.OFFICIAL))) {
            throw ApiException.unprocessable("NOT_A_HANDLER", u.name() + " is not an enabled HANDLER or OFFICIAL", field);
        }
    }
}
