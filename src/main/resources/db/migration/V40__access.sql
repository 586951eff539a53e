-- Access hardening. Runs unchanged on H2 2.x and PostgreSQL 14+.

-- Wrong PINs per (key, user): the shared agency seal is locked only for the clerk who mistyped, never for
-- everyone. An attempt is counted here before the key is opened (see keys/KeyDao#reserveAttempt), so
-- concurrent requests and instances cannot try more PINs than the limit. Replaces signing_keys.failed_attempts
-- and signing_keys.locked_until, which are no longer read.
CREATE TABLE key_pin_failures (
    key_id        VARCHAR(64)  NOT NULL REFERENCES signing_keys (id) ON DELETE CASCADE,
    user_id       VARCHAR(40)  NOT NULL,
    failures      INT          NOT NULL DEFAULT 0,   -- attempts counted since the last success or lock
    locked_until  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (key_id, user_id)
);

-- Bearer tokens expire; existing tokens get their expiry at the first start (created_at + VANTHU_TOKEN_DAYS),
-- so that the default lives in one setting, not in this file.
ALTER TABLE tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tokens ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
UPDATE signing_keys SET failed_attempts = 0, locked_until = NULL;
