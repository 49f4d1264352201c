-- Some e-mails carry a secret (the password-setup link). The send log needs the text until the relay accepted it,
-- not afterwards: such bodies are replaced by a placeholder once sent, so the database holds no usable link.
ALTER TABLE outbound_mail ADD COLUMN redact_after_send BOOLEAN NOT NULL DEFAULT FALSE;
