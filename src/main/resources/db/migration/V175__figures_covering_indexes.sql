-- The figures of electronic processing (figures/FiguresDao) read a year of incoming documents and count the
-- deliveries of the year's dispatches. These indexes hold every column those queries read, so that H2 and
-- PostgreSQL answer them from the index alone instead of looking up each row (for a year of 60,000 incoming
-- documents, the lookups were most of the call on H2). Each replaces an index that was its first column alone.
-- Runs unchanged on H2 2.x and PostgreSQL 14+.
CREATE INDEX incoming_figures ON incoming (registered_at, lead_unit, status, origin, urgency, received_at, directed_at,
    completed_at, deadline);
DROP INDEX incoming_registered_at;
CREATE INDEX exchange_outbox_reached ON exchange_outbox (dispatch_id, kind, delivered_at);
DROP INDEX exchange_outbox_dispatch;
