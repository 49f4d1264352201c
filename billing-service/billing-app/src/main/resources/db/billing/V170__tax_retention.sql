-- Erased accounts whose invoices tax law keeps for a while (ADR 24): the key scope "tax-records" of the account
-- survives its erasure until retain_until (the end of the calendar year of its last invoice or credit note plus
-- cps.billing.tax-retention), when the retention job destroys it and deletes the retained documents. ended_at is set
-- then; the row stays as the record that the retention ended.
CREATE TABLE tax_retention (
    account_id       VARCHAR(64) PRIMARY KEY,
    erased_at        TIMESTAMPTZ NOT NULL,
    last_document_on DATE        NOT NULL,
    retain_until     TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ
);

-- The issued invoices and credit notes of an erased account as the PDFs that were issued (Factur-X / ZUGFeRD),
-- rendered before the erasure destroyed the account's own key: the legal documents, content-identical with what was
-- sent (§147 AO), kept until the retention ends and then deleted.
CREATE TABLE retained_document (
    document_id VARCHAR(64) PRIMARY KEY,
    invoice_id  VARCHAR(64) NOT NULL,
    account_id  VARCHAR(64) NOT NULL,
    number      VARCHAR(64) NOT NULL,
    issued_on   DATE        NOT NULL,
    pdf         BYTEA       NOT NULL
);
CREATE INDEX retained_document_account ON retained_document (account_id);
