-- Stripe behind the payment-gateway port (cps.billing.payment-gateway.adapter=stripe; unused with the simulator).

-- Each SetupIntent (card verification) and PaymentIntent (charge) we created, by our idempotency key, which is also
-- Stripe's Idempotency-Key and the intent's metadata[cps_idempotency_key]. Stripe forgets a key after 24 hours; this
-- table does not, so a retry always asks about the intent the key was first given and never creates a second one.
-- A decided outcome (APPROVED, DECLINED, AUTHENTICATION_REQUIRED) never changes again; PENDING waits for a webhook or
-- a later look. Written in transactions of their own (Stripe does not roll back with us) and by the webhooks.
CREATE TABLE payment_gateway_stripe_intent (
    idempotency_key VARCHAR(255)  PRIMARY KEY,
    -- SHA-256 of kind, token hash, amount and currency: the same key with another request is refused; NULL while the
    -- intent is only known from a webhook
    fingerprint     CHAR(64),
    kind            VARCHAR(16)   NOT NULL,
    intent_id       VARCHAR(255)  UNIQUE,
    outcome         VARCHAR(32)   NOT NULL,
    message         VARCHAR(500),
    updated_at      TIMESTAMPTZ   NOT NULL
);

-- Stripe's webhook events already applied (Stripe delivers at least once): an event id is applied once.
CREATE TABLE payment_gateway_stripe_event (
    event_id    VARCHAR(255)  PRIMARY KEY,
    type        VARCHAR(100)  NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL
);

-- Cards saved through Stripe Checkout (setup mode), known elsewhere only by a token of ours (tok_ + 24 letters or
-- digits), kept here as its SHA-256 hash. The card number, expiry and CVC never reach us (they are typed into
-- Stripe's page); brand and last 4 digits are what Stripe tells about the card.
CREATE TABLE payment_gateway_stripe_card (
    token_sha256      CHAR(64)      PRIMARY KEY,
    customer_id       VARCHAR(255)  NOT NULL,
    payment_method_id VARCHAR(255)  NOT NULL,
    setup_intent_id   VARCHAR(255),
    brand             VARCHAR(32),
    last4             CHAR(4),
    created_at        TIMESTAMPTZ   NOT NULL
);

-- Card steps under way: our reference in Stripe's success and cancel URLs, where to send the browser back, and the
-- Checkout Session opened for it; finished once, and good for a day.
CREATE TABLE payment_gateway_stripe_card_form (
    reference           CHAR(32)       PRIMARY KEY,
    return_url          VARCHAR(2048)  NOT NULL,
    state               VARCHAR(1024),
    locale              VARCHAR(2)     NOT NULL,
    checkout_session_id VARCHAR(255),
    created_at          TIMESTAMPTZ    NOT NULL,
    finished_at         TIMESTAMPTZ
);
