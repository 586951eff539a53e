-- Two-step signing preparations (issue 3). Runs unchanged on H2 2.x and PostgreSQL 14+.
-- The document bytes live in the document store; this row holds every parameter that fixes the data to sign,
-- including the exact signing date, so that any instance can finish the signature.
CREATE TABLE signing_preparations (
    id                 VARCHAR(40)   PRIMARY KEY,
    user_id            VARCHAR(40)   NOT NULL,
    format             VARCHAR(10)   NOT NULL,
    level              VARCHAR(5)    NOT NULL,
    packaging          VARCHAR(12)   NOT NULL,
    documents          VARCHAR(8000) NOT NULL,
    certificate_chain  VARCHAR(30000) NOT NULL,
    signing_date_ms    BIGINT        NOT NULL,
    visible            VARCHAR(2000),
    reason             VARCHAR(500),
    location           VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    used               BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX signing_preparations_expires ON signing_preparations (expires_at);
