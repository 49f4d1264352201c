-- Evidence documents uploaded by applicants (verification-service's own store; never on Kafka).
-- The content stays in PostgreSQL next to the event store: one database to back up, and the documents survive a
-- rebuild of the read models.
CREATE TABLE evidence_document (
    document_id  VARCHAR(36)  PRIMARY KEY,
    type         VARCHAR(40)  NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL
);

-- Which documents a case refers to, recorded when the case opens. No foreign key: an application may name a document
-- id that does not exist (the operator sees it as missing), and a referenced document is never purged.
CREATE TABLE case_document (
    case_id     VARCHAR(36)  NOT NULL,
    document_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (case_id, document_id)
);
CREATE INDEX case_document_by_document ON case_document (document_id);
