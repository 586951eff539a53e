-- Signing keys (feature "keys"). Runs unchanged on H2 2.x and PostgreSQL 14+.
-- A key is a PKCS#12 keystore kept here (bytes, never its password) or a pointer to a PKCS#11 token object.
-- The certificate columns are copied from the signer certificate when the key is registered.
CREATE TABLE signing_keys (
    id               VARCHAR(64)   PRIMARY KEY,
    owner            VARCHAR(40)   NOT NULL,          -- a users.id, or AGENCY_SEAL
    kind             VARCHAR(10)   NOT NULL,          -- PKCS12 | PKCS11
    alias            VARCHAR(200)  NOT NULL,          -- key entry inside the keystore / token
    p12              BYTEA,                           -- PKCS12 only: the keystore file
    library          VARCHAR(1000),                   -- PKCS11 only: the module path
    slot_id          BIGINT,                          -- PKCS11: slot id, or NULL when token_label names it
    token_label      VARCHAR(100),                    -- PKCS11: token label
    certificate      BYTEA         NOT NULL,          -- signer certificate, DER
    subject          VARCHAR(2000) NOT NULL,
    issuer           VARCHAR(2000) NOT NULL,
    serial_number    VARCHAR(100)  NOT NULL,          -- hex
    not_before       TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after        TIMESTAMP WITH TIME ZONE NOT NULL,
    image            BYTEA,                           -- PNG for visible signatures
    failed_attempts  INT           NOT NULL DEFAULT 0, -- wrong PINs in a row
    locked_until     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signing_keys_owner ON signing_keys (owner);
