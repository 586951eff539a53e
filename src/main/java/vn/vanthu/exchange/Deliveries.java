package vn.vanthu.exchange;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.dispatch.Dispatch;
import vn.vanthu.dispatch.DispatchService;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sending an issued dispatch through the exchange and following it: one DOCUMENT delivery per recipient organ of
 * the directory, queued in one transaction (sending again queues only organs not queued before); recipients
 * outside the directory are to be sent by other means. A recall queues status 13 to every organ sent to.
 *
 * <pre>{@code Deliveries.Sent s = deliveries.send(clerk, origin, dispatchId);   // s.queued(), s.otherMeans()}</pre>
 */
final class Deliveries {
    /** What a send did: organs queued now, organs queued before, recipients to reach by other means. */
    record Sent(List<String> queued, List<String> queuedBefore, List<String> otherMeans) {}

    private final DispatchService dispatches;
    private final Organs organs;
    private final OutboxDao outbox;
    private final String ownOrganId;

    Deliveries(DispatchService dispatches, Organs organs, OutboxDao outbox, String ownOrganId) {
        this.dispatches = dispatches;
        this.organs = organs;
        this.outbox = outbox;
        this.ownOrganId = ownOrganId;
    }

    Sent send(User caller, RequestOrigin origin, String dispatchId) {
        Dispatch d = issued(caller, dispatchId);
        Set<String> organIds = new LinkedHashSet<>();
        List<String> other = new ArrayList<>();
        for (String r : d.recipients()) {
            organs.find(r).map(a -> a.organId()).filter(id -> !id.equals(ownOrganId))
                    .ifPresentOrElse(organIds::add, () -> other.add(r));
        }
        List<String> queued = outbox.queueDocuments(d.id(), d.issued().documentId(), List.copyOf(organIds),
                AuditLog.Entry.ofChange(origin, "DISPATCH_SEND", d.id(), "to " + String.join(", ", organIds)));
        List<String> before = organIds.stream().filter(o -> !queued.contains(o)).toList();
        return new Sent(queued, before, other);
    }

    /** Status 13 to every organ the dispatch was sent to; 409 NOT_SENT when it went to none. */
    List<String> recall(User caller, RequestOrigin origin, String dispatchId, String reason) {
        Dispatch d = issued(caller, dispatchId);
        List<String> organsSent = outbox.forDispatch(d.id()).stream().filter(r -> r.kind() == OutboxRow.Kind.DOCUMENT)
                .map(OutboxRow::organId).distinct().toList();
        if (organsSent.isEmpty()) {
            throw ApiException.conflict("NOT_SENT", "The dispatch was not sent through the exchange");
        }
        List<String> recalled = new ArrayList<>();
        for (String organ : organsSent) {
            if (outbox.queueStatus("R|" + d.id() + "|" + organ, organ, d.id(), d.issued().documentId(), null, "13", reason,
                    AuditLog.Entry.ofChange(origin, "DISPATCH_RECALL", d.id(), organ + ": " + reason))) {
                recalled.add(organ);
            }
        }
        return recalled;
    }

    /** Each organ's delivery, the statuses it reported, and the recipients to send by other means. */
    Map<String, Object> view(User caller, String dispatchId) {
        Dispatch d = dispatches.get(caller, dispatchId);
        List<OutboxRow> rows = outbox.forDispatch(d.id());
        List<OutboxDao.Report> reports = outbox.statuses(d.id());
        List<Map<String, Object>> items = new ArrayList<>();
        Set<String> organsSent = new LinkedHashSet<>();
        for (OutboxRow r : rows) {
            if (r.kind() != OutboxRow.Kind.DOCUMENT) {
                continue;
            }
            organsSent.add(r.organId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organId", r.organId());
            m.put("organName", organs.organ(r.organId()).map(Organ::name).orElse(null));
            m.put("state", r.state().name());
            m.put("attempts", r.attempts());
            m.put("lastError", r.lastError());
            m.put("queuedAt", r.createdAt().toString());
            m.put("deliveredAt", r.deliveredAt() == null ? null : r.deliveredAt().toString());
            m.put("nextAttemptAt", r.state() == OutboxRow.State.PENDING ? r.nextAttemptAt().toString() : null);
            List<Map<String, Object>> statuses = reports.stream().filter(s -> s.organId().equals(r.organId()))
                    .map(Deliveries::status).toList();
            m.put("statuses", statuses);
            m.put("latestStatus", statuses.isEmpty() ? null : statuses.get(statuses.size() - 1));
            rows.stream().filter(x -> x.kind() == OutboxRow.Kind.STATUS && x.organId().equals(r.organId())).findFirst()
                    .ifPresent(x -> m.put("recall", Map.of("state", x.state().name(), "queuedAt", x.createdAt().toString())));
            items.add(m);
        }
        List<String> other = d.recipients().stream()
                .filter(r -> organs.find(r).map(a -> !organsSent.contains(a.organId())).orElse(true)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dispatchId", d.id());
        out.put("items", items);
        out.put("otherMeans", other);
        return out;
    }

    private static Map<String, Object> status(OutboxDao.Report s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("description", s.description());
        m.put("reportedAt", s.reportedAt().toString());
        return m;
    }

    private Dispatch issued(User caller, String dispatchId) {
        Dispatch d = dispatches.get(caller, dispatchId);
        if (d.status() != Dispatch.Status.ISSUED) {
            throw ApiException.conflict("NOT_ISSUED", "Only an issued dispatch is sent");
        }
        return d;
    }
}
