-- Persistent deadlines (SLA, due dates, renewals, expiries): due on the business clock, survive restarts, and are
-- claimed with FOR UPDATE SKIP LOCKED so that several instances never fire one twice.
CREATE TABLE scheduled_deadline (
    deadline_id VARCHAR(200) PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    due_at      TIMESTAMPTZ  NOT NULL,
    payload     TEXT         NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX scheduled_deadline_due ON scheduled_deadline (due_at);
