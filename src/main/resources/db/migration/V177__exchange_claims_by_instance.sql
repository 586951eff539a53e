-- The instance that holds an outbox lease or an inbox claim: a killed instance's rows are given back as soon as it
-- is known dead (on H2 at the next start, on PostgreSQL three missed heartbeats later), not when a lease runs out.
ALTER TABLE exchange_outbox ADD COLUMN lease_instance VARCHAR(36);
ALTER TABLE exchange_inbox ADD COLUMN claimed_by VARCHAR(36);
