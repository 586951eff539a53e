package vn.vanthu.incoming;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of incoming documents: a summary for lists, the detail with verdicts, files and history. */
final class IncomingViews {
    private IncomingViews() {}

    static Map<String, Object> summary(Incoming d, OffsetDateTime now) {
        Incoming.Metadata m = d.metadata();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("status", d.status().name());
        v.put("origin", d.origin().name());
        v.put("scanned", d.scanned());
        v.put("sendingOrgan", m.sendingOrgan());
        v.put("numberSymbol", m.numberSymbol());
        v.put("documentDate", m.documentDate().toString());
        v.put("documentType", m.documentType());
        v.put("subject", m.subject());
        v.put("urgency", m.urgency().name());
        v.put("secret", m.secret());
        v.put("senderOrganId", d.senderOrganId());
        v.put("senderDocumentId", d.senderDocumentId());
        v.put("receivedAt", time(d.receivedAt()));
        v.put("returnReason", d.returnReason());
        Incoming.Registration r = d.registration();
        v.put("incomingNumber", r == null ? null : r.number());
        v.put("register", r == null ? null : r.secretRegister() ? "SECRET" : "ORDINARY");
        v.put("registeredAt", r == null ? null : time(r.registeredAt()));
        v.put("submissionDueAt", r == null ? null : time(Deadlines.submissionDue(d.receivedAt(), m.urgency())));
        v.put("submissionOverdue", Deadlines.submissionOverdue(d, now));
        Incoming.Direction dir = d.direction();
        v.put("leadUserId", dir == null ? null : dir.leadUserId());
        v.put("leadUnit", dir == null ? null : dir.leadUnit());
        v.put("deadline", dir == null || dir.deadline() == null ? null : dir.deadline().toString());
        Incoming.Handling h = d.handling();
        v.put("result", h == null || h.result() == null ? null : h.result().name());
        v.put("completedAt", h == null ? null : time(h.completedAt()));
        return v;
    }

    static Map<String, Object> detail(Incoming d, OffsetDateTime now, List<Incoming.Verdict> verdicts,
                                      List<Incoming.File> files, List<Incoming.Event> history) {
        Map<String, Object> v = summary(d, now);
        v.put("signatures", verdicts.stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("indication", s.indication().name());
            x.put("subIndication", s.subIndication());
            x.put("signedBy", s.signedBy());
            x.put("file", s.fileOrdinal());
            return x;
        }).toList());
        v.put("files", files.stream().map(f -> Map.of("ordinal", f.ordinal(), "name", f.name(),
                "mediaType", f.mediaType(), "sha256", f.sha256())).toList());
        Incoming.Direction dir = d.direction();
        if (dir != null) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("directedBy", dir.directedBy());
            x.put("directedAt", time(dir.directedAt()));
            x.put("leadUserId", dir.leadUserId());
            x.put("leadUnit", dir.leadUnit());
            x.put("cooperatingUserIds", dir.cooperatingUserIds());
            x.put("deadline", dir.deadline() == null ? null : dir.deadline().toString());
            x.put("comment", dir.comment());
            v.put("direction", x);
        }
        Incoming.Handling h = d.handling();
        if (h != null) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("progressNote", h.progressNote());
            x.put("result", h.result() == null ? null : h.result().name());
            x.put("dispatchId", h.dispatchId());
            x.put("note", h.note());
            x.put("completedBy", h.completedBy());
            x.put("completedAt", time(h.completedAt()));
            v.put("handling", x);
        }
        v.put("history", history.stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", time(e.at()));
            x.put("userId", e.userId());
            x.put("action", e.action());
            x.put("details", e.details());
            return x;
        }).toList());
        return v;
    }

    /** ISO 8601 to the second, in the offset it carries (Vietnam's +07:00 for every stored time). */
    static String time(OffsetDateTime t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String urgencyName(Incoming.Urgency u) {
        return switch (u) {
            case NORMAL -> "";
            case URGENT -> "Khẩn";
            case VERY_URGENT -> "Thượng khẩn";
            case FLASH -> "Hỏa tốc";
        };
    }
}
