-- Refresh tokens (rotation with reuse detection): only the SHA-256 of each token is stored. Every token descends from
-- one login (family_id); a refresh uses its token up (used_at) and inserts the successor with the family's absolute
-- expiry; presenting a used or revoked token revokes the whole family. Times are real time, not the business clock.
CREATE TABLE refresh_token (
    token_hash CHAR(64)     PRIMARY KEY,
    family_id  VARCHAR(64)  NOT NULL,
    subject    VARCHAR(400) NOT NULL,
    email      VARCHAR(320) NOT NULL,
    roles      VARCHAR(200) NOT NULL,
    issued_at  TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_subject ON refresh_token (subject);
