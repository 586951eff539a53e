-- Runs unchanged on H2 2.x and PostgreSQL 14+.
CREATE TABLE users (
    id            VARCHAR(40)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE tokens (
    id          VARCHAR(40) PRIMARY KEY,
    user_id     VARCHAR(40) NOT NULL REFERENCES users (id),
    token_hash  VARCHAR(64) NOT NULL UNIQUE,
    label       VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tokens_user ON tokens (user_id);

-- Append-only, hash-chained. seq is assigned under the lock on audit_head, so it has no gaps.
CREATE TABLE audit_events (
    seq         BIGINT       PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id     VARCHAR(40),
    action      VARCHAR(120) NOT NULL,
    object      VARCHAR(500),
    outcome     VARCHAR(40)  NOT NULL,
    request_id  VARCHAR(64),
    details     VARCHAR(2000),
    prev_hash   VARCHAR(64)  NOT NULL,
    hash        VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_user ON audit_events (user_id);

CREATE TABLE audit_head (
    id         INT         PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Document bytes, content-addressed; stored in chunks so that large files stream on both databases.
CREATE TABLE documents (
    sha256      VARCHAR(64)  PRIMARY KEY,
    size        BIGINT       NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE document_chunks (
    sha256  VARCHAR(64) NOT NULL REFERENCES documents (sha256),
    seq     INT         NOT NULL,
    data    BYTEA       NOT NULL,
    PRIMARY KEY (sha256, seq)
);
