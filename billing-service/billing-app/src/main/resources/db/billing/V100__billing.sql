-- Buyers, from account-service's AccountApplicationSubmitted (written in the consumer's inbox transaction).
CREATE TABLE buyer (
    account_id   VARCHAR(64)  PRIMARY KEY,
    company_name VARCHAR(200) NOT NULL,
    line1        VARCHAR(200) NOT NULL,
    postal_code  VARCHAR(32)  NOT NULL,
    city         VARCHAR(100) NOT NULL,
    country      VARCHAR(2)   NOT NULL,
    language     VARCHAR(8)   NOT NULL,
    vat_liable   BOOLEAN      NOT NULL,
    vat_id       VARCHAR(32)
);

-- The VAT ID a registry confirmed when the account was verified (verification-service's AccountVerified); the
-- reverse charge needs it. A separate table: the two events come on different topics in either order.
CREATE TABLE buyer_verification (
    account_id       VARCHAR(64) PRIMARY KEY,
    confirmed_vat_id VARCHAR(32)
);

-- Gapless invoice numbers: one counter per series, incremented in the issuing transaction (see JdbcInvoiceNumbers).
CREATE TABLE invoice_series (
    series      VARCHAR(64) PRIMARY KEY,
    last_number BIGINT      NOT NULL
);

-- Every issued invoice, written in the issuing transaction: numbers and payment references are unique, and a bank
-- statement's reference finds its invoice here.
CREATE TABLE issued_invoice (
    invoice_id        VARCHAR(64)  PRIMARY KEY,
    account_id        VARCHAR(64)  NOT NULL,
    series            VARCHAR(64)  NOT NULL,
    number            VARCHAR(64)  NOT NULL UNIQUE,
    payment_reference VARCHAR(35)  UNIQUE,
    issued_at         TIMESTAMPTZ  NOT NULL
);
