-- What page 1 of a draft already prints in its place-and-date line (a day, month or year written before signing;
-- null = a blank), and the size and font of that line's text, read once when the official signs: issuing
-- refuses a printed part that no longer matches the issue date and writes the blanks in the same size and font.
ALTER TABLE dispatches ADD COLUMN printed_day INT;
ALTER TABLE dispatches ADD COLUMN printed_month INT;
ALTER TABLE dispatches ADD COLUMN printed_year INT;
ALTER TABLE dispatches ADD COLUMN mark_size DOUBLE PRECISION;
ALTER TABLE dispatches ADD COLUMN mark_font VARCHAR(200);
ALTER TABLE dispatch_preparations ADD COLUMN printed_day INT;
ALTER TABLE dispatch_preparations ADD COLUMN printed_month INT;
ALTER TABLE dispatch_preparations ADD COLUMN printed_year INT;
ALTER TABLE dispatch_preparations ADD COLUMN mark_size DOUBLE PRECISION;
ALTER TABLE dispatch_preparations ADD COLUMN mark_font VARCHAR(200);
-- When the official signed (Decree 30 Art. 18: sent at the latest the next working day); earlier rows take the
-- time of their SIGNED history event.
ALTER TABLE dispatches ADD COLUMN signed_at TIMESTAMP WITH TIME ZONE;
UPDATE dispatches SET signed_at = (SELECT MAX(h.at) FROM dispatch_history h WHERE h.dispatch_id = dispatches.id
    AND h.action = 'SIGNED') WHERE status <> 'DRAFT';
