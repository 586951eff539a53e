-- The exchange between agencies: the directory of partner organs, the outbox of deliveries and status messages,
-- the statuses each partner reported, and the messages received (idempotency). Runs unchanged on H2 and PostgreSQL.
CREATE TABLE organs (
    organ_id        VARCHAR(50)   PRIMARY KEY,
    name            VARCHAR(300)  NOT NULL,
    inbox_url       VARCHAR(500)  NOT NULL,
    certificate     VARCHAR(12000) NOT NULL,
    anchor          VARCHAR(12000) NOT NULL,
    -- The bearer token the partner issued us for its inbox: sent, never answered.
    outbound_token  VARCHAR(500),
    -- The local account the partner's deliveries to our inbox authenticate as (role PARTNER).
    partner_user_id VARCHAR(40)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX organs_partner_user ON organs (partner_user_id);

-- One row per message to post: a dispatch to one organ (DOCUMENT) or a status about an incoming document (STATUS).
-- Claimed by a worker of any instance through a lease; done when the partner acknowledged it.
CREATE TABLE exchange_outbox (
    id              VARCHAR(40)   PRIMARY KEY,
    dedup_key       VARCHAR(300)  NOT NULL,
    kind            VARCHAR(10)   NOT NULL,
    organ_id        VARCHAR(50)   NOT NULL,
    dispatch_id     VARCHAR(40),
    document_id     VARCHAR(200)  NOT NULL,
    incoming_id     VARCHAR(40),
    status_code     VARCHAR(2),
    description     VARCHAR(2000),
    state           VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_token     VARCHAR(40),
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX exchange_outbox_dedup ON exchange_outbox (dedup_key);
CREATE INDEX exchange_outbox_due ON exchange_outbox (state, next_attempt_at);
CREATE INDEX exchange_outbox_dispatch ON exchange_outbox (dispatch_id);

-- What each partner said about a dispatch we sent it: 01 when it acknowledged, then its status messages.
CREATE TABLE exchange_statuses (
    dispatch_id  VARCHAR(40)   NOT NULL,
    organ_id     VARCHAR(50)   NOT NULL,
    status_code  VARCHAR(2)    NOT NULL,
    description  VARCHAR(2000),
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dispatch_id, organ_id, status_code)
);

-- The incoming document an outgoing dispatch answers (its edXML then carries ResponseFor), named before issue.
CREATE TABLE exchange_answers (
    dispatch_id VARCHAR(40)  PRIMARY KEY,
    incoming_id VARCHAR(40)  NOT NULL,
    named_by    VARCHAR(40)  NOT NULL,
    named_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every message our inbox accepted, once: a second delivery of the same one is recognised and not kept again.
CREATE TABLE exchange_inbox (
    organ_id    VARCHAR(50)   NOT NULL,
    message_key VARCHAR(260)  NOT NULL,
    incoming_id VARCHAR(40),
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organ_id, message_key)
);
