-- Where a filed document comes from: DIGITAL (born digital) or DIGITIZED (scanned from a paper original), and the
-- digitization it was made by. The dossier's Origin (01 born-digital, 02 scanned, 03 mixed) is derived from these.
ALTER TABLE dossier_items ADD COLUMN origin VARCHAR(10) DEFAULT 'DIGITAL' NOT NULL;
ALTER TABLE dossier_items ADD COLUMN digitization_id VARCHAR(40);
