-- The account's card once a member changed it (card-on-file feature), and the card invoices still to be settled, so
-- that a verified new card reaches every invoice that will still be charged. Both written by subscribing policies in
-- the transaction of the event that causes the change (CardChanged; InvoiceOpened, InvoicePaid, CreditNoteIssued).
CREATE TABLE card_on_file (
    account_id VARCHAR(64)  PRIMARY KEY,
    card_token VARCHAR(255) NOT NULL,
    request_id VARCHAR(64)  NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE card_invoice (
    invoice_id VARCHAR(64) PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    settled    BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX card_invoice_account ON card_invoice (account_id) WHERE NOT settled;

-- Every issued credit note, written in the issuing transaction: credit-note numbers are unique (their series are
-- gapless by the same counters as invoices', see invoice_series).
CREATE TABLE issued_credit_note (
    credit_note_id VARCHAR(64) PRIMARY KEY,
    invoice_id     VARCHAR(64) NOT NULL,
    account_id     VARCHAR(64) NOT NULL,
    series         VARCHAR(64) NOT NULL,
    number         VARCHAR(64) NOT NULL UNIQUE,
    issued_at      TIMESTAMPTZ NOT NULL
);
