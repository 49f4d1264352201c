-- The operators' audit trail (docs/adr/0019): one row per operator action this service performed, with who (the
-- operator's id, e-mail and name from the token) and when. Written in the action's transaction where the action is
-- one, else right after it; never updated or deleted by the application.
CREATE TABLE operator_audit (
    audit_id        UUID          PRIMARY KEY,
    at              TIMESTAMPTZ   NOT NULL,
    operator_id     VARCHAR(200)  NOT NULL,
    operator_email  VARCHAR(320),
    operator_name   VARCHAR(200),
    action          VARCHAR(64)   NOT NULL,
    subject_type    VARCHAR(64)   NOT NULL,
    subject_id      VARCHAR(400)  NOT NULL,
    account_id      VARCHAR(64),
    details         TEXT          NOT NULL DEFAULT '{}',
    -- insertion order: entries of one instant (a fixed test clock, one request's several entries) stay in order
    seq             BIGSERIAL     NOT NULL
);
CREATE INDEX operator_audit_subject ON operator_audit (subject_id, at DESC);
CREATE INDEX operator_audit_account ON operator_audit (account_id, at DESC);
CREATE INDEX operator_audit_at ON operator_audit (at DESC);
