-- The local payment gateway simulator's memory of the card tokens its hosted card form issued
-- (/payment-gateway-simulator/card-form). Like payment_gateway_simulator_operation this belongs to the SIMULATOR, the
-- simulated outside party, not to billing's model: billing only ever holds the token it is handed back.
-- A token is kept only as its SHA-256 hash, with the behaviour of the test card it was issued for (one of the fixed
-- test tokens) and the card's brand and last 4 digits. The card number itself is never stored, hashed or logged, and
-- neither are the expiry date or the CVC.
CREATE TABLE payment_gateway_simulator_card_token (
    token_sha256 CHAR(64)     PRIMARY KEY,
    -- the fixed test token whose answers this token gives: tok_visa, tok_decline_charge or tok_auth_required
    behaves_like VARCHAR(32)  NOT NULL,
    brand        VARCHAR(16)  NOT NULL,
    last4        CHAR(4)      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
