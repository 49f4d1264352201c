-- Every e-mail also has an HTML part (multipart/alternative with the plain text). It is rendered with the text in the
-- inbox transaction and kept beside it; like the text it is replaced by a placeholder once a mail with a secret is sent.
ALTER TABLE outbound_mail ADD COLUMN html_body TEXT;
