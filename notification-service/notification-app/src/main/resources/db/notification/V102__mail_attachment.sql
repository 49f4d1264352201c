-- An e-mail may carry one file (the invoice PDF of an invoice-issued mail). It is kept with its send-log row, written
-- in the same inbox transaction, so the dispatcher attaches the very same file whenever it sends (or re-sends) it.
ALTER TABLE outbound_mail
    ADD COLUMN attachment_name         VARCHAR(255),
    ADD COLUMN attachment_content_type VARCHAR(255),
    ADD COLUMN attachment_content      BYTEA;
