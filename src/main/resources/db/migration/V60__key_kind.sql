-- What a signing key is for (Decree 30 Art. 32.2.d). Runs unchanged on H2 2.x and PostgreSQL 14+.
-- PERSONAL: a competent person's own certificate. AGENCY_SEAL: the agency's certificate ("chữ ký số của cơ quan"),
-- which may only follow a person's signature or sign what the service itself makes.
-- The column "kind" already says where the key lives (PKCS12 | PKCS11), so this one is "purpose".
ALTER TABLE signing_keys ADD COLUMN purpose VARCHAR(12) DEFAULT 'PERSONAL' NOT NULL;
UPDATE signing_keys SET purpose = 'AGENCY_SEAL' WHERE owner = 'AGENCY_SEAL';
