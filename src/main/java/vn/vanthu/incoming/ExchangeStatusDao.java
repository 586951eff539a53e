package vn.vanthu.incoming;

import org.jdbi.v3.core.Handle;

/**
 * Told of every step of an incoming document's history inside the transaction that writes it, so that a status
 * message to the sending agency (exchange statuses 02-06) is queued with the change or not at all. The exchange
 * feature implements it; incoming does not know the exchange.
 *
 * <pre>{@code IncomingFeature.create(config, db, documents, validation, users, dispatches, outbox, clock);}</pre>
 */
public interface ExchangeStatusDao {
    /** No exchange: nothing is queued. */
    ExchangeStatusDao NONE = (h, incomingId, action, details) -> { };

    /**
     * {@code action} is the history step: RECEIVED, REGISTERED, RETURNED, DIRECTED, IN_PROGRESS or DONE;
     * {@code details} its text (the reason of a return, the result of a completion).
     */
    void changed(Handle h, String incomingId, String action, String details);
}
