package vn.vanthu.exchange;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.incoming.Incoming;
import vn.vanthu.incoming.IncomingService;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.User;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exchange inbox: what a partner's vanthu delivers, checked in order (the caller's organ, the message's shape,
 * its sender, its seal against that sender's certificate, its addressee) before anything is kept. A document
 * becomes an incoming document (RECEIVED, answered with status 01); a status updates our view of a dispatch we
 * sent; a recall (13) returns the incoming document and answers 15, or 16 when it was handled already. Each message
 * is taken once: delivered again, it answers 409 ALREADY_RECEIVED, which the sender counts as acknowledged.
 *
 * <pre>{@code Map<String, Object> answer = inbox.receive(partnerUser, origin, bytes);   // {"statusCode":"01", …}}</pre>
 */
final class Inbox {
    private final Organs organs;
    private final InboxDao claims;
    private final OutboxDao outbox;
    private final IncomingService incoming;
    private final String ownOrganId;
    private final Clock clock;

    Inbox(Organs organs, InboxDao claims, OutboxDao outbox, IncomingService incoming, String ownOrganId, Clock clock) {
        this.organs = organs;
        this.claims = claims;
        this.outbox = outbox;
        this.incoming = incoming;
        this.ownOrganId = ownOrganId;
        this.clock = clock;
    }

    Map<String, Object> receive(User caller, RequestOrigin origin, byte[] xml) {
        Organ partner = organs.partner(caller);
        InboxMessage m = InboxMessage.read(xml);
        Organ sender = organs.organ(m.fromOrganId()).orElseThrow(() -> ApiException.unprocessable("UNKNOWN_SENDER",
                "The sender organ " + m.fromOrganId() + " is not in the directory", "body"));
        if (!sender.organId().equals(partner.organId())) {
            throw ApiException.forbidden("SENDER_MISMATCH", "This account delivers for " + partner.organId()
                    + ", not for " + m.fromOrganId());
        }
        String sealedBy = SealCheck.verify(m.dom(), organs.sealCertificate(sender));
        return m.isStatus() ? status(caller, origin, sender, m) : document(caller, origin, sender, m, xml, sealedBy);
    }

    private Map<String, Object> document(User caller, RequestOrigin origin, Organ sender, InboxMessage m, byte[] xml,
                                         String sealedBy) {
        if (!m.toOrganIds().contains(ownOrganId)) {
            throw ApiException.unprocessable("NOT_ADDRESSED_TO_US", "The message is addressed to " + m.toOrganIds()
                    + ", not to " + ownOrganId, "body");
        }
        String key = "D|" + m.documentId();
        claims.claim(sender.organId(), key, VietnamTime.now(clock));
        Incoming d;
        try {
            d = incoming.receiveMessage(caller, origin, xml, sealedBy);
        } catch (ApiException e) {
            if ("ALREADY_RECEIVED".equals(e.code())) {
                incoming.message(sender.organId(), m.documentId()).ifPresent(x -> claims.done(sender.organId(), key, x.id()));
            } else {
                claims.release(sender.organId(), key);
            }
            throw e;
        } catch (RuntimeException e) {
            claims.release(sender.organId(), key);
            throw e;
        }
        claims.done(sender.organId(), key, d.id());
        return answer("01", "Đã đến", m.documentId(), d.id());
    }

    private Map<String, Object> status(User caller, RequestOrigin origin, Organ sender, InboxMessage m) {
        OffsetDateTime reported = timestamp(m.timestamp());
        if (m.statusCode().equals("13")) {
            if (!m.responseForOrganId().equals(sender.organId())) {
                throw ApiException.unprocessable("NOT_THEIR_DOCUMENT", "A recall names a document of its own sender", "body");
            }
            Incoming d = incoming.message(sender.organId(), m.documentId()).orElseThrow(() -> ApiException.unprocessable(
                    "UNKNOWN_DOCUMENT", "No document " + m.documentId() + " of " + sender.organId() + " was received", "body"));
            String key = "S|" + m.documentId() + "|13";
            claims.claim(sender.organId(), key, VietnamTime.now(clock));
            boolean recalled = incoming.recall(caller, origin, d.id(), m.description());
            if (!recalled) {
                outbox.queueStatus("S|" + d.id() + "|16", sender.organId(), null, m.documentId(), d.id(), "16",
                        "Văn bản đã được xử lý xong; không thu hồi được",
                        AuditLog.Entry.ofChange(origin, "INCOMING_RECALL_REFUSED", d.id(), "handled already"));
            }
            claims.done(sender.organId(), key, d.id());
            return answer(recalled ? "15" : "16", recalled ? "Đồng ý thu hồi" : "Không thu hồi được: đã xử lý xong",
                    m.documentId(), d.id());
        }
        if (!m.responseForOrganId().equals(ownOrganId)) {
            throw ApiException.unprocessable("NOT_OUR_DOCUMENT", "The status is about a document of " + m.responseForOrganId(), "body");
        }
        String dispatchId = outbox.sentTo(sender.organId(), m.documentId()).orElseThrow(() -> ApiException.unprocessable(
                "UNKNOWN_DOCUMENT", "We never sent document " + m.documentId() + " to " + sender.organId(), "body"));
        if (!outbox.recordStatus(dispatchId, sender.organId(), m.statusCode(), m.description(), reported,
                VietnamTime.now(clock), AuditLog.Entry.ofChange(origin, "DISPATCH_STATUS", dispatchId,
                        sender.organId() + " " + m.statusCode()))) {
            throw ApiException.conflict("ALREADY_RECEIVED", "Status " + m.statusCode() + " for " + m.documentId() + " was received already");
        }
        return answer(m.statusCode(), "Đã ghi nhận", m.documentId(), null);
    }

    private static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ApiException.unprocessable("INVALID_EDXML", "Timestamp is not an ISO 8601 date-time with offset", "body");
        }
    }

    private static Map<String, Object> answer(String code, String description, String documentId, String incomingId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statusCode", code);
        m.put("description", description);
        m.put("documentId", documentId);
        if (incomingId != null) {
            m.put("incomingId", incomingId);
        }
        return m;
    }
}
