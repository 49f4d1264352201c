-- Who to write to: filled from account events, so later events (which carry no personal data) can be addressed.
CREATE TABLE recipient (
    account_id    VARCHAR(64)  PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    contact_name  VARCHAR(200) NOT NULL,
    company_name  VARCHAR(200) NOT NULL,
    language      VARCHAR(8)   NOT NULL
);

-- The send log: one row per (source event, notification kind), written in the consumer's inbox transaction.
-- The unique key makes each source event produce each e-mail at most once; the dispatcher sends PENDING rows.
CREATE TABLE outbound_mail (
    mail_id         UUID         PRIMARY KEY,
    source_event_id VARCHAR(200) NOT NULL,
    kind            VARCHAR(64)  NOT NULL,
    account_id      VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    subject         VARCHAR(500) NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    UNIQUE (source_event_id, kind)
);
CREATE INDEX outbound_mail_pending ON outbound_mail (created_at) WHERE status = 'PENDING';

-- The bell: in-app notifications per account.
CREATE TABLE bell_entry (
    entry_id        UUID         PRIMARY KEY,
    account_id      VARCHAR(64)  NOT NULL,
    source_event_id VARCHAR(200) NOT NULL,
    kind            VARCHAR(64)  NOT NULL,
    title           VARCHAR(500) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    read            BOOLEAN      NOT NULL DEFAULT FALSE,
    UNIQUE (source_event_id, kind)
);
CREATE INDEX bell_entry_account ON bell_entry (account_id, created_at DESC);
