-- One Business Account per contact e-mail: the claim is inserted in the same transaction as the application's
-- events, so two concurrent applications with one e-mail cannot both succeed (set validation, no read-then-write race).
CREATE TABLE account_email (
    email      VARCHAR(320) PRIMARY KEY,
    account_id VARCHAR(64)  NOT NULL UNIQUE
);
