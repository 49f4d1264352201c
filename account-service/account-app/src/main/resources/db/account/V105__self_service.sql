-- Confirmation links for a new contact e-mail (PATCH /api/accounts/me): as for password links, only the SHA-256 of
-- the derived token is stored (ADR 5), written in the transaction of the ContactEmailChangeRequested event; used_at
-- makes a link single-use. The new address waits here (and in the event) until the link is used.
CREATE TABLE contact_email_link (
    token_hash CHAR(64)     PRIMARY KEY,
    account_id VARCHAR(64)  NOT NULL,
    issue_id   VARCHAR(64)  NOT NULL UNIQUE,
    new_email  VARCHAR(320) NOT NULL,
    issued_at  TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX contact_email_link_account ON contact_email_link (account_id);

-- The current code proving an account's old CPS e-mail: a keyed hash (HMAC with the link key) of the six digits,
-- never the digits; a new code replaces the row and its count of wrong tries.
CREATE TABLE legacy_email_code (
    account_id VARCHAR(64) PRIMARY KEY,
    issue_id   VARCHAR(64) NOT NULL,
    code_hash  CHAR(64)    NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    attempts   INT         NOT NULL DEFAULT 0,
    used_at    TIMESTAMPTZ
);

-- A rejected application releases its contact e-mail (the business may apply again with it, as a new account). From
-- now on the claim is deleted in the transaction of the AccountRejected event; this releases the claims of accounts
-- rejected before.
DELETE FROM account_email WHERE account_id IN (
    SELECT aggregateidentifier FROM domainevententry
    WHERE payloadtype = 'com.canon.cps.account.application.domain.AccountRejected');
