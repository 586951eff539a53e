package vn.vanthu.audit;

import java.time.OffsetDateTime;

/** One line of the audit trail: who did what to which object, when, with what outcome, in which request. */
public record AuditEvent(long id, OffsetDateTime at, String userId, String action, String object, String outcome,
                         String requestId, String details, String prevHash, String hash) {}
