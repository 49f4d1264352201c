-- Crypto-shredding (docs/adr/0023): the data keys that encrypt the personal data in this service's events, one row per
-- subject (account), key scope and version, each wrapped (AES-256-GCM) with a master key from the configuration. They
-- live outside the event store's tables and are backed up on their own: a backup of the event store must not carry
-- them (pg_dump --exclude-table=personal_data_key*). Erasing a subject deletes its rows and records it below, so
-- that no key is made for it again and a restored key backup does not bring the old ones back.
CREATE TABLE personal_data_key (
    subject_id     VARCHAR(255)  NOT NULL,
    scope          VARCHAR(64)   NOT NULL,  -- '' = the subject's own key; else a retained key's name
    version        INT           NOT NULL,  -- a new version after the rotation period; old ones still decrypt
    master_key_id  VARCHAR(16)   NOT NULL,  -- the master key that wraps it (rewrapped when master keys rotate)
    wrapped_key    TEXT          NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (subject_id, scope, version)
);
CREATE INDEX personal_data_key_master ON personal_data_key (master_key_id);

CREATE TABLE personal_data_key_erasure (
    subject_id  VARCHAR(255)  NOT NULL,
    scope       VARCHAR(64)   NOT NULL,
    erased_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (subject_id, scope)
);
