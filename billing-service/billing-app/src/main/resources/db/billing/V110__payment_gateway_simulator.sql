-- The local payment gateway simulator's own memory of the operations it performed, keyed by idempotency key.
-- This table belongs to the SIMULATOR, i.e. to the simulated outside party (a Stripe-like gateway), not to billing's
-- model: billing never reads or writes it, and a real gateway adapter does not use it. It lives in billing's database
-- only because the simulator runs inside billing-service. Its rows are written in their own transactions (the
-- outside party does not roll back with us), so a retry with the same idempotency key finds the first answer even
-- when billing's transaction failed, and a lost response never becomes a second charge.
-- Card tokens are stored only as SHA-256 hashes; card numbers are refused before anything is stored.
CREATE TABLE payment_gateway_simulator_operation (
    idempotency_key   VARCHAR(255)  PRIMARY KEY,
    -- SHA-256 of operation, token hash, amount and currency: the same key with another request is refused
    fingerprint       CHAR(64)      NOT NULL,
    operation         VARCHAR(16)   NOT NULL,
    token_sha256      CHAR(64)      NOT NULL,
    amount            NUMERIC(19, 2),
    currency          CHAR(3)       NOT NULL,
    outcome           VARCHAR(32)   NOT NULL,
    gateway_reference VARCHAR(64),
    message           VARCHAR(255),
    created_at        TIMESTAMPTZ   NOT NULL
);
