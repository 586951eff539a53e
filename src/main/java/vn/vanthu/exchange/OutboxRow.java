package vn.vanthu.exchange;

import java.time.OffsetDateTime;

/**
 * One message of the outbox: a DOCUMENT (an issued dispatch to one organ) or a STATUS (a status code about a
 * document, to the organ that sent it, or a recall to an organ we sent it to), with its delivery state.
 *
 * <pre>{@code if (row.kind() == OutboxRow.Kind.DOCUMENT) { … row.dispatchId() … }}</pre>
 */
record OutboxRow(String id, Kind kind, String organId, String dispatchId, String documentId, String incomingId,
                 String statusCode, String description, State state, int attempts, String lastError,
                 OffsetDateTime createdAt, OffsetDateTime deliveredAt, OffsetDateTime nextAttemptAt) {

    enum Kind { DOCUMENT, STATUS }

    /** PENDING until acknowledged (DELIVERED), or REFUSED when the partner answered a final 4xx. */
    enum State { PENDING, DELIVERED, REFUSED }
}
