-- Password-setup links: only the SHA-256 of each link token is stored (the token itself is derived with a server key
-- when the contract event is published and exists otherwise only in the member's mailbox). Written in the same
-- transaction as the PasswordSetupIssued event; used_at makes a link single-use.
CREATE TABLE password_setup_link (
    token_hash CHAR(64)    PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    issue_id   VARCHAR(64) NOT NULL UNIQUE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_setup_link_account ON password_setup_link (account_id);

-- Member credentials, kept out of the event store: one password hash per account (DelegatingPasswordEncoder format,
-- e.g. {bcrypt}$2a$10$...), written in the same transaction as the AccountActivated event.
CREATE TABLE account_credential (
    account_id    VARCHAR(64)  PRIMARY KEY REFERENCES account_email (account_id),
    password_hash VARCHAR(255) NOT NULL,
    set_at        TIMESTAMPTZ  NOT NULL
);
