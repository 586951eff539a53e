package vn.vanthu.incoming;

import vn.vanthu.validation.Indication;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An incoming document (văn bản đến) as the service keeps it: what came and from whom, its verdicts, and where
 * it stands on the way receive → register → direct → handle (Decree 30 Art. 20-24).
 *
 * <pre>{@code if (doc.status() == Incoming.Status.RECEIVED) { …it may be registered or returned… }}</pre>
 */
public record Incoming(String id, Origin origin, Status status, Metadata metadata, boolean scanned,
                       String senderOrganId, String senderDocumentId, String receivedBy, OffsetDateTime receivedAt,
                       String returnReason, Registration registration, Direction direction, Handling handling) {

    /** How it came: the exchange between agencies (edXML), an uploaded electronic file, or a scanned paper. */
    public enum Origin { EXCHANGE, UPLOAD, PAPER }

    /** Where it stands; the exchange status codes 01-06 map onto these. */
    public enum Status { RECEIVED, RETURNED, REGISTERED, ASSIGNED, IN_PROGRESS, DONE }

    /** Độ khẩn: anything but NORMAL is submitted at once. */
    public enum Urgency { NORMAL, URGENT, VERY_URGENT, FLASH }

    /** How the handling ended: answered by an outgoing dispatch, filed for information, or forwarded. */
    public enum Result { ANSWERED, FILED, FORWARDED }

    /** What the sender wrote on the document. */
    public record Metadata(String sendingOrgan, String numberSymbol, LocalDate documentDate, String documentType,
                           String subject, Urgency urgency, boolean secret) {}

    /** The incoming number (số đến) in its register and when it was given. */
    public record Registration(int year, long number, boolean secretRegister, OffsetDateTime registeredAt) {}

    /** The direction (ý kiến chỉ đạo) of the official with authority: who leads, who cooperates, by when. */
    public record Direction(String directedBy, OffsetDateTime directedAt, String leadUserId, String leadUnit,
                            List<String> cooperatingUserIds, LocalDate deadline, String comment) {}

    /** The assignee's progress note and, once done, the result. */
    public record Handling(String progressNote, Result result, String dispatchId, String note, String completedBy,
                           OffsetDateTime completedAt) {}

    /** A file that came with it; ordinal 0 is the edXML message itself. */
    public record File(int ordinal, String name, String mediaType, String sha256) {}

    /** One signature's verdict as validated on arrival, and the file it was found in. */
    public record Verdict(int fileOrdinal, Indication indication, String subIndication, String signedBy) {}

    /** Who did what when. */
    public record Event(OffsetDateTime at, String userId, String action, String details) {}

    /** True for the lead and for each cooperating user. */
    public boolean assignedTo(String userId) {
        return direction != null && (userId.equals(direction.leadUserId()) || direction.cooperatingUserIds().contains(userId));
    }
}
