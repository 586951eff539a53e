-- People sign in to the pages with a password. Runs unchanged on H2 2.x and PostgreSQL 14+.
-- The password is kept only as an Argon2id hash (PHC string). Failed attempts are counted here, not in memory,
-- so that every instance sees the same count and the same lockout.
ALTER TABLE users ADD COLUMN password_hash VARCHAR(200);
ALTER TABLE users ADD COLUMN password_must_change BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;

-- A signed-in browser: the cookie holds a random secret, the row only its SHA-256. The CSRF token belongs to
-- the session and is sent back in every form.
CREATE TABLE sessions (
    id            VARCHAR(40) PRIMARY KEY,
    secret_hash   VARCHAR(64) NOT NULL UNIQUE,
    user_id       VARCHAR(40) NOT NULL REFERENCES users (id),
    csrf_token    VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sessions_user ON sessions (user_id);
