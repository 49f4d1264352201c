-- The links of information-request e-mails (the applicant answers with a document): only the SHA-256 of each derived
-- token is stored, written in the transaction of the VerificationInfoRequested event; used_at makes a link single-use.
CREATE TABLE information_request (
    token_hash CHAR(64)     PRIMARY KEY,
    case_id    VARCHAR(36)  NOT NULL,
    request_id VARCHAR(64)  NOT NULL UNIQUE,
    message    TEXT         NOT NULL,
    issued_at  TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX information_request_case ON information_request (case_id);

-- Secrets the service makes for itself when none is configured (the information-token key): made once, shared by all
-- instances. Production configures its own (CPS_VERIFICATION_INFORMATION_TOKEN_KEY) and this table stays empty.
CREATE TABLE service_secret (
    name   VARCHAR(100) PRIMARY KEY,
    secret VARCHAR(200) NOT NULL
);
