-- Nothing lost in a crash. Runs unchanged on H2 2.x and PostgreSQL 14+.
-- Each running instance has a row here, its heartbeat touched every few seconds; an instance whose heartbeat
-- is old is gone, and the numbers it held are given back at once (not after their lease, which could cross
-- the year end and leave a gap in last year's series).
CREATE TABLE instances (
    id            VARCHAR(40) PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The instance that reserved the number (NULL for reservations made before this column: their lease applies).
ALTER TABLE number_reservations ADD COLUMN instance_id VARCHAR(40);
CREATE INDEX number_reservations_instance ON number_reservations (instance_id);

-- When the bytes were last stored (a second upload of the same bytes counts): the orphan sweeper deletes
-- unreferenced documents only when this is older than an hour, so bytes about to be referenced stay.
ALTER TABLE documents ADD COLUMN touched_at TIMESTAMP WITH TIME ZONE;
UPDATE documents SET touched_at = created_at;
CREATE INDEX documents_touched ON documents (touched_at);
