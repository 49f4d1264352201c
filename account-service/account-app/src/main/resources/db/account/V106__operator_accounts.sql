-- Operator accounts created by an ADMIN (docs/adr/0019): the login name (lower-case e-mail, unique, never a member's
-- e-mail), the roles besides OPERATOR (REVIEWER, BILLING, ADMIN; comma-separated), the password hash
-- (DelegatingPasswordEncoder format) and when the account was disabled. Operators from configuration are not stored.
-- Kept out of the event store like the members' credentials; every change is in the audit trail (operator_audit).
CREATE TABLE operator_account (
    operator_id   UUID         PRIMARY KEY,
    email         VARCHAR(320) NOT NULL UNIQUE,
    name          VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(320) NOT NULL,
    disabled_at   TIMESTAMPTZ
);
